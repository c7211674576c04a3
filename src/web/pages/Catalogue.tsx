// The catalogue: administrative units with their history (what merged into what, and when), regions
// and their members over time, indicators with their definitions.
import { useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { qs, useApi, type Indicator, type RegionBrief, type RegionDetail, type UnitBrief, type UnitWithHistory } from '../api.ts';
import { dateLabel, joinNames } from '../fmt.ts';
import { useLang } from '../i18n.ts';
import { useQuery, useSetQuery, useTitle, useTo } from '../nav.ts';
import { regionName } from '../components/Pickers.tsx';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();
const today = () => new Date().toISOString().slice(0, 10);
const OPEN_START = '1900-01-01';

function Tabs() {
  const { t } = useLang();
  useTitle(t.catalogueTitle);
  const [location] = useLocation();
  const to = useTo();
  const tabs: Array<[string, string]> = [['/catalogue/units', t.catUnits], ['/catalogue/regions', t.catRegions], ['/catalogue/indicators', t.catIndicators]];
  return (
    <nav className="tabs" aria-label={t.catalogueTitle}>
      {tabs.map(([href, label]) => (
        <Link key={href} href={to(href)} aria-current={location.startsWith(href) ? 'page' : undefined}>{label}</Link>
      ))}
    </nav>
  );
}

function Validity({ from, to }: { from: string; to: string | null }) {
  const { t, lang } = useLang();
  return <>{from <= OPEN_START ? t.sinceAlways : dateLabel(from, lang)} – {to ? dateLabel(to, lang) : t.untilNow}</>;
}

function useUnitNames(): Map<string, UnitBrief> {
  const all = useApi<{ units: UnitBrief[] }>('/api/units?all=true');
  const regions = useApi<{ regions: RegionBrief[] }>('/api/regions');
  return useMemo(() => new Map([...(all.data?.units ?? []), ...(regions.data?.regions ?? [])].map((u) => [u.id, u])), [all.data, regions.data]);
}

export function UnitsPage() {
  const { t, lang } = useLang();
  const to = useTo();
  const q = useQuery();
  const setQuery = useSetQuery();
  const all = q.get('all') === 'true';
  const date = q.get('date') ?? today();
  const [filter, setFilter] = useState('');
  const units = useApi<{ units: UnitWithHistory[] }>(`/api/units${qs({ date, all: all ? 'true' : undefined })}`);
  const names = useUnitNames();
  const dateId = useId();
  const filterId = useId();
  const nm = (id: string) => { const u = names.get(id); return u ? (lang === 'vi' ? u.short_vi : u.short_en) : id; };
  const rows = (units.data?.units ?? []).filter((u) => !filter || fold(`${u.code ?? ''} ${u.name_vi} ${u.name_en} ${u.aliases.join(' ')}`).includes(fold(filter)));
  return (
    <div className="page catalogue">
      <h1 className="page-title">{t.catalogueTitle}</h1>
      <Tabs />
      <div className="toolbar">
        <div className="field">
          <label htmlFor={dateId}>{t.catDate}</label>
          <input id={dateId} type="date" value={date} disabled={all} onChange={(e) => e.target.value && setQuery({ date: e.target.value, all: null })} />
        </div>
        <div className="chips" role="group" aria-label={t.catDate}>
          <button type="button" className="btn small" aria-pressed={!all && date === '2025-06-30'} onClick={() => setQuery({ date: '2025-06-30', all: null })}>{t.catBefore}</button>
          <button type="button" className="btn small" aria-pressed={!all && date >= '2025-07-01'} onClick={() => setQuery({ date: '2025-07-01', all: null })}>{t.catAfter}</button>
          <button type="button" className="btn small" aria-pressed={all} onClick={() => setQuery({ all: 'true', date: null })}>{t.catAll}</button>
        </div>
        <div className="field filter">
          <label htmlFor={filterId}>{t.filterUnits}</label>
          <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t.pivotFilterPlaceholder} />
        </div>
      </div>
      {units.error ? <ErrorBox error={units.error} retry={units.retry} /> : !units.data ? <Loading lines={8} /> : rows.length === 0 ? <Empty /> : (
        <div className="table-wrap">
          <table className="data" data-testid="units-table">
            <caption className="sr-only">{t.catUnits}</caption>
            <thead>
              <tr><th scope="col">{t.code}</th><th scope="col">{t.name}</th><th scope="col">{t.validity}</th><th scope="col">{t.history}</th><th scope="col">{t.regionsOfUnit}</th></tr>
            </thead>
            <tbody>
              {rows.map((u) => (
                <tr key={u.id} data-unit={u.id}>
                  <td className="num">{u.code}</td>
                  <th scope="row"><Link href={to(`/catalogue/units/${u.id}`)}>{lang === 'vi' ? u.name_vi : u.name_en}</Link></th>
                  <td className="nowrap"><Validity from={u.valid_from} to={u.valid_to} /></td>
                  <td>
                    {u.predecessors.length > 0 && <span>{t.mergedFrom}: {joinNames(u.predecessors.map(nm), lang)} ({dateLabel(u.valid_from, lang)})</span>}
                    {u.successors.length > 0 && <span>{t.mergedInto}: {joinNames(u.successors.map(nm), lang)} ({u.valid_to ? dateLabel(nextDay(u.valid_to), lang) : ''})</span>}
                  </td>
                  <td>{[...new Set(u.regions.filter((r) => r.region !== 'national').map((r) => nm(r.region)))].join(', ')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

export function UnitPage({ id }: { id: string }) {
  const { t, lang } = useLang();
  const to = useTo();
  const unit = useApi<UnitWithHistory>(`/api/units/${encodeURIComponent(id)}`);
  const names = useUnitNames();
  if (unit.error) return <div className="page"><Tabs /><ErrorBox error={unit.error} retry={unit.retry} /></div>;
  if (!unit.data) return <div className="page"><Loading lines={6} /></div>;
  const u = unit.data;
  const nm = (x: string) => { const v = names.get(x); return v ? (lang === 'vi' ? v.short_vi : v.short_en) : x; };
  const link = (x: string) => <Link key={x} href={to(`/catalogue/units/${x}`)}>{nm(x)}</Link>;
  const former = Array.isArray(u.meta?.former_names) ? (u.meta!.former_names as Array<Record<string, string>>) : [];
  return (
    <div className="page catalogue">
      <Tabs />
      <p className="muted">{t.catUnits} · {t.code} {u.code}</p>
      <h1 className="page-title">{lang === 'vi' ? u.name_vi : u.name_en}</h1>
      <dl className="facts">
        <dt>{t.validity}</dt><dd><Validity from={u.valid_from} to={u.valid_to} /></dd>
        {u.aliases.length > 0 && <><dt>{t.aliases}</dt><dd>{u.aliases.join(', ')}</dd></>}
        {former.map((f, k) => <span key={k} style={{ display: 'contents' }}><dt>{t.history}</dt><dd>{lang === 'vi' ? f.name_vi : f.name_en} (→ {f.valid_to ? dateLabel(f.valid_to, lang) : ''})</dd></span>)}
      </dl>
      <section className="panel" aria-labelledby="hist-h">
        <h2 id="hist-h" className="panel-title">{t.history}</h2>
        {u.predecessors.length === 0 && u.successors.length === 0 && <p>{t.historyUnchanged}</p>}
        {u.predecessors.length > 0 && (
          <p data-testid="merged-from">{t.historyMerged(joinNames(u.predecessors.map(nm), lang), lang === 'vi' ? u.short_vi : u.short_en, dateLabel(u.valid_from, lang))}</p>
        )}
        {u.predecessors.length > 0 && <p>{t.mergedFrom}: {u.predecessors.map((p, i) => <span key={p}>{i ? ', ' : ''}{link(p)}</span>)}</p>}
        {u.successors.length > 0 && (
          <p data-testid="merged-into">{t.mergedInto}: {u.successors.map((s, i) => <span key={s}>{i ? ', ' : ''}{link(s)}</span>)} {u.valid_to ? t.mergedOn(dateLabel(nextDay(u.valid_to), lang)) : ''}</p>
        )}
      </section>
      <section className="panel">
        <h2 className="panel-title">{t.regionsOfUnit}</h2>
        <ul>
          {u.regions.map((r, k) => (
            <li key={k}><Link href={to(`/catalogue/regions/${r.region}`)}>{nm(r.region)}</Link> · <Validity from={r.valid_from} to={r.valid_to} /></li>
          ))}
        </ul>
      </section>
    </div>
  );
}

export function RegionsPage() {
  const { t, lang } = useLang();
  const to = useTo();
  const regions = useApi<{ regions: RegionBrief[]; date: string }>('/api/regions');
  const before = useApi<{ regions: RegionBrief[] }>('/api/regions?date=2025-06-30');
  return (
    <div className="page catalogue">
      <h1 className="page-title">{t.catalogueTitle}</h1>
      <Tabs />
      {regions.error ? <ErrorBox error={regions.error} retry={regions.retry} /> : !regions.data ? <Loading lines={5} /> : (
        <div className="table-wrap">
          <table className="data" data-testid="regions-table">
            <caption className="sr-only">{t.catRegions}</caption>
            <thead><tr><th scope="col">{t.name}</th><th scope="col">{t.level}</th><th scope="col" className="num">{t.catBefore}</th><th scope="col" className="num">{t.catAfter}</th><th scope="col" /></tr></thead>
            <tbody>
              {regions.data.regions.map((r) => (
                <tr key={r.id}>
                  <th scope="row"><Link href={to(`/catalogue/regions/${r.id}`)}>{regionName(r, lang, true)}</Link></th>
                  <td>{r.level === 'country' ? t.levelCountry : t.levelRegion}</td>
                  <td className="num">{before.data?.regions.find((x) => x.id === r.id)?.members ?? '—'}</td>
                  <td className="num">{r.members}</td>
                  <td><Link href={to(`/region/${r.id}`)}>{t.openDashboard}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function RegionPage({ id }: { id: string }) {
  const { t, lang } = useLang();
  const to = useTo();
  const q = useQuery();
  const setQuery = useSetQuery();
  const date = q.get('date') ?? today();
  const region = useApi<RegionDetail>(`/api/regions/${encodeURIComponent(id)}${qs({ date })}`);
  const names = useUnitNames();
  const dateId = useId();
  if (region.error) return <div className="page"><Tabs /><ErrorBox error={region.error} retry={region.retry} /></div>;
  if (!region.data) return <div className="page"><Loading lines={6} /></div>;
  const r = region.data;
  const nm = (x: string) => { const v = names.get(x); return v ? (lang === 'vi' ? v.short_vi : v.short_en) : x; };
  const history = [...r.history].sort((a, b) => a.valid_from.localeCompare(b.valid_from) || nm(a.unit).localeCompare(nm(b.unit), 'vi'));
  return (
    <div className="page catalogue">
      <Tabs />
      <h1 className="page-title">{regionName(r, lang, true)}</h1>
      <p><Link href={to(`/region/${r.id}`)}>{t.openDashboard} →</Link></p>
      <section className="panel">
        <div className="panel-head">
          <h2 className="panel-title">{t.membersOn(dateLabel(date, lang))} ({r.members.length})</h2>
          <div className="field inline">
            <label htmlFor={dateId}>{t.catDate}</label>
            <input id={dateId} type="date" value={date} onChange={(e) => e.target.value && setQuery({ date: e.target.value })} />
          </div>
        </div>
        <div className="chips">
          <button type="button" className="btn small" onClick={() => setQuery({ date: '2025-06-30' })}>{t.catBefore}</button>
          <button type="button" className="btn small" onClick={() => setQuery({ date: '2025-07-01' })}>{t.catAfter}</button>
        </div>
        <ol className="members" data-testid="members">
          {r.members.map((m) => <li key={m.id}><Link href={to(`/catalogue/units/${m.id}`)}>{lang === 'vi' ? m.short_vi : m.short_en}</Link></li>)}
        </ol>
      </section>
      <section className="panel">
        <h2 className="panel-title">{t.membershipHistory}</h2>
        <div className="table-wrap">
          <table className="data">
            <thead><tr><th scope="col">{t.province}</th><th scope="col">{t.validFrom}</th><th scope="col">{t.validTo}</th></tr></thead>
            <tbody>
              {history.map((h, k) => (
                <tr key={k}>
                  <th scope="row"><Link href={to(`/catalogue/units/${h.unit}`)}>{nm(h.unit)}</Link></th>
                  <td>{h.valid_from <= OPEN_START ? t.sinceAlways : dateLabel(h.valid_from, lang)}</td>
                  <td>{h.valid_to ? dateLabel(h.valid_to, lang) : t.untilNow}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

function natureName(t: ReturnType<typeof useLang>['t'], n: string) {
  return n === 'flow' ? t.natureFlow : n === 'stock' ? t.natureStock : t.natureIndex;
}
function aggName(t: ReturnType<typeof useLang>['t'], a: string) {
  return a === 'sum' ? t.aggSum : a === 'weighted_index' ? t.aggWeighted : a === 'derived' ? t.aggDerived : t.aggNone;
}

export function IndicatorsPage() {
  const { t, lang } = useLang();
  const to = useTo();
  const [filter, setFilter] = useState('');
  const inds = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const filterId = useId();
  const rows = (inds.data?.indicators ?? []).filter((i) => !filter || fold(`${i.code} ${i.name_vi} ${i.name_en}`).includes(fold(filter)));
  return (
    <div className="page catalogue">
      <h1 className="page-title">{t.catalogueTitle}</h1>
      <Tabs />
      <div className="toolbar">
        <div className="field filter">
          <label htmlFor={filterId}>{t.pivotFilter}</label>
          <input id={filterId} type="search" value={filter} onChange={(e) => setFilter(e.target.value)} placeholder={t.pivotFilterPlaceholder} />
        </div>
      </div>
      {inds.error ? <ErrorBox error={inds.error} retry={inds.retry} /> : !inds.data ? <Loading lines={8} /> : (
        <div className="table-wrap">
          <table className="data" data-testid="indicators-table">
            <caption className="sr-only">{t.catIndicators}</caption>
            <thead><tr><th scope="col">{t.code}</th><th scope="col">{t.name}</th><th scope="col">{t.unitOfMeasure}</th><th scope="col">{t.nature}</th><th scope="col">{t.aggregation}</th></tr></thead>
            <tbody>
              {rows.map((i) => (
                <tr key={i.code}>
                  <td><code>{i.code}</code></td>
                  <th scope="row"><Link href={to(`/catalogue/indicators/${i.code}`)}>{lang === 'vi' ? i.name_vi : i.name_en}</Link></th>
                  <td>{i.base_unit}</td>
                  <td>{natureName(t, i.nature)}</td>
                  <td>{aggName(t, i.aggregation)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export function IndicatorPage({ code }: { code: string }) {
  const { t, lang } = useLang();
  const to = useTo();
  const ind = useApi<Indicator>(`/api/indicators/${encodeURIComponent(code)}`);
  const dims = useApi<{ dimensions: Array<{ code: string; name_vi: string; name_en: string }> }>('/api/dimensions');
  if (ind.error) return <div className="page"><Tabs /><ErrorBox error={ind.error} retry={ind.retry} /></div>;
  if (!ind.data) return <div className="page"><Loading lines={6} /></div>;
  const i = ind.data;
  const def = lang === 'vi' ? i.definition_vi : i.definition_en ?? i.definition_vi;
  const dimName = (c: string) => { const d = dims.data?.dimensions.find((x) => x.code === c); return d ? (lang === 'vi' ? d.name_vi : d.name_en) : c; };
  return (
    <div className="page catalogue">
      <Tabs />
      <p className="muted"><code>{i.code}</code></p>
      <h1 className="page-title">{lang === 'vi' ? i.name_vi : i.name_en}</h1>
      <section className="panel">
        <h2 className="panel-title">{t.definition}</h2>
        <p data-testid="definition">{def || '—'}</p>
      </section>
      <dl className="facts">
        <dt>{t.unitOfMeasure}</dt><dd>{i.base_unit}</dd>
        <dt>{t.scaleUnits}</dt><dd>{i.ladder.map((l) => (lang === 'vi' ? l.unit : l.unit_en ?? l.unit)).join(' · ') || '—'}</dd>
        <dt>{t.nature}</dt><dd>{natureName(t, i.nature)}</dd>
        <dt>{t.aggregation}</dt><dd>{aggName(t, i.aggregation)}</dd>
        {i.formula && <><dt>{t.formula}</dt><dd><code>{i.formula}</code></dd></>}
        {i.disaggregations.length > 0 && <><dt>{t.disaggregations}</dt><dd>{i.disaggregations.map(dimName).join(', ')}</dd></>}
        {i.weights && <><dt>{t.weights}</dt><dd>{lang === 'vi' ? i.weights.basis_vi : i.weights.basis_en} <code>{i.weights.formula}</code>. {lang === 'vi' ? i.weights.note_vi : i.weights.note_en}</dd></>}
      </dl>
      <p><Link href={to('/pivot', { i: i.code })}>{t.addToPivot} →</Link></p>
    </div>
  );
}
