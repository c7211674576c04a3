// The pivot explorer: indicators × places × periods × disaggregations, with growth, share and % of plan
// toggled on, exported to Excel or CSV by the server (the same table, numbers as numbers). The URL holds
// the whole selection.
import { useEffect, useId, useMemo, useState } from 'react';
import { qs, useApi, type Dimension, type Indicator, type RegionBrief, type RegionDetail, type UnitBrief } from '../api.ts';
import { buildTable, MEASURES, type ExploreResult, type Measure, type TableColumn } from '../../analytics/exploreTable.ts';
import { endDate, formatNumber, makePeriod, parseCode, periodCode, periodLabel, qualifierText, samePeriodLastYear, tryParseCode } from '../fmt.ts';
import { useLang } from '../i18n.ts';
import { useQuery, useSetQuery, useTitle } from '../nav.ts';
import { PeriodPicker, regionName } from '../components/Pickers.tsx';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { FEATURED } from '../prefetch.ts';

const list = (s: string | null) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);
const toggle = (xs: string[], x: string) => (xs.includes(x) ? xs.filter((y) => y !== x) : [...xs, x]);

export default function Explorer() {
  const { t, lang } = useLang();
  useTitle(t.pivotTitle);
  const q = useQuery();
  const setQuery = useSetQuery();
  const inds = list(q.get('i'));
  const places = list(q.get('u'));
  const periods = list(q.get('p')).filter((p) => tryParseCode(p));
  const breakdowns = list(q.get('b'));
  const measures = list(q.get('m')).filter((m): m is Measure => (MEASURES as readonly string[]).includes(m) && m !== 'value');
  // Whatever the link leaves out is filled in once: the featured indicators, the regions, the latest period.
  const hasParams = q.has('i') && q.has('u') && q.has('p');
  const latest = useApi<{ region: string; indicator: string; period: string | null }>(hasParams ? null : '/api/analytics/latest');
  const regions = useApi<{ regions: RegionBrief[] }>('/api/regions');
  useEffect(() => {
    if (hasParams || !latest.data || !regions.data) return;
    const regs = regions.data.regions.filter((r) => r.level === 'region').map((r) => r.id);
    setQuery({
      i: q.get('i') ?? FEATURED.slice(0, 3).join(','),
      u: q.get('u') ?? (regs.length ? regs : [latest.data.region]).join(','),
      p: q.get('p') ?? latest.data.period ?? String(new Date().getFullYear() - 1),
      m: q.has('m') ? q.get('m') : 'growth',
    });
  }, [hasParams, latest.data, regions.data]);

  const set = (patch: Record<string, string[]>) => setQuery(Object.fromEntries(Object.entries(patch).map(([k, v]) => [k, v.join(',')])));
  const ready = inds.length > 0 && places.length > 0 && periods.length > 0;
  const params = { places: places.join(','), indicators: inds.join(','), periods: periods.join(','), breakdowns: breakdowns.length ? breakdowns.join(',') : undefined };
  const data = useApi<ExploreResult>(ready ? `/api/analytics/explore${qs(params)}` : null);
  const exportHref = (format: 'xlsx' | 'csv') => `/api/analytics/explore/export${qs({ ...params, format, measures: ['value', ...measures].join(','), lang })}`;

  return (
    <div className="page explorer">
      <h1 className="page-title">{t.pivotTitle}</h1>
      <p className="lead">{t.pivotIntro}</p>
      <div className="explorer-grid">
        <details className="explorer-controls" open>
          <summary>{t.pivotSelection}</summary>
          <IndicatorChooser selected={inds} onChange={(v) => set({ i: v })} />
          <PlaceChooser selected={places} regions={regions.data?.regions ?? []} date={periods.length ? endDate(parseCode(periods[periods.length - 1]!)) : undefined}
            onChange={(v) => set({ u: v })} />
          <PeriodChooser selected={periods} onChange={(v) => set({ p: v })} />
          <BreakdownChooser indicators={inds} selected={breakdowns} onChange={(v) => set({ b: v })} />
          <fieldset className="group">
            <legend>{t.pivotMeasures}</legend>
            {(['growth', 'share', 'plan'] as Measure[]).map((m) => (
              <label key={m} className="check">
                <input type="checkbox" checked={measures.includes(m)} onChange={() => set({ m: toggle(measures, m) })} />
                {m === 'growth' ? t.pivotGrowth : m === 'share' ? t.pivotShare : t.pivotPlan}
              </label>
            ))}
          </fieldset>
        </details>
        <section className="explorer-result" aria-labelledby="pivot-table-h">
          <div className="result-head">
            <h2 id="pivot-table-h" className="section-title">{t.pivotTableCaption}</h2>
            {ready && (
              <div className="exports">
                <a className="btn primary" href={exportHref('xlsx')} download data-testid="export-xlsx">{t.pivotExportXlsx}</a>
                <a className="btn" href={exportHref('csv')} download data-testid="export-csv">{t.pivotExportCsv}</a>
              </div>
            )}
          </div>
          {!ready ? (hasParams || latest.data ? <Empty>{t.pivotEmpty}</Empty> : latest.error ? <ErrorBox error={latest.error} retry={latest.retry} /> : <Loading lines={6} />)
            : data.error ? <ErrorBox error={data.error} retry={data.retry} />
            : !data.data ? <Loading lines={8} />
            : <PivotTableView res={data.data} measures={measures} />}
        </section>
      </div>
    </div>
  );
}

function PivotTableView({ res, measures }: { res: ExploreResult; measures: Measure[] }) {
  const { t, lang } = useLang();
  const table = useMemo(() => buildTable(res, measures, lang), [res, measures.join(','), lang]);
  const empty = table.rows.every((r) => r.cells.every((c) => c.value === null));
  const groups = (key: (c: TableColumn) => string) => {
    const out: Array<{ label: string; span: number; key: string }> = [];
    for (const c of table.columns) {
      const k = key(c);
      const last = out[out.length - 1];
      if (last && last.key === k) last.span++;
      else out.push({ key: k, label: '', span: 1 });
    }
    return out;
  };
  const byInd = groups((c) => c.indicator).map((g) => ({ ...g, label: table.columns.find((c) => c.indicator === g.key)!.indicatorLabel }));
  const byPeriod = groups((c) => `${c.indicator}|${c.period}`).map((g) => ({ ...g, label: table.columns.find((c) => `${c.indicator}|${c.period}` === g.key)!.periodLabel }));
  return (
    <>
      {empty && <Empty>{t.pivotAllEmpty}</Empty>}
      <p className="muted small">{t.pivotCells(table.rows.length * table.columns.length)}</p>
      <div className="table-wrap pivot-wrap" tabIndex={0} aria-label={t.pivotTableCaption}>
        <table className="data pivot" data-testid="pivot-table">
          <caption className="sr-only">{t.pivotTableCaption}</caption>
          <thead>
            <tr>
              <th scope="col" rowSpan={3}>{table.leading.place}</th>
              {table.showBreakdown && <th scope="col" rowSpan={3}>{table.leading.breakdown}</th>}
              {byInd.map((g) => <th key={g.key} scope="colgroup" colSpan={g.span} className="group-head">{g.label}</th>)}
            </tr>
            <tr>{byPeriod.map((g) => <th key={g.key} scope="colgroup" colSpan={g.span}>{g.label}</th>)}</tr>
            <tr>{table.columns.map((c) => <th key={c.key} scope="col" className="num measure-head" data-column={c.key}>{c.measureLabel}</th>)}</tr>
          </thead>
          <tbody>
            {table.rows.map((r) => (
              <tr key={`${r.place}|${r.breakdown}`} className={r.level !== 'province' ? 'region-row' : ''} data-place={r.place}>
                <th scope="row">{r.placeLabel}</th>
                {table.showBreakdown && <td>{r.breakdownLabel}</td>}
                {r.cells.map((c, k) => {
                  const col = table.columns[k]!;
                  return (
                    <td key={col.key} className="num" data-column={col.key}>
                      {c.value === null
                        ? <span title={t.noData}>—<span className="sr-only"> {t.noData}</span></span>
                        : <>
                            {c.qualifier && <span className="qual">{qualifierText(c.qualifier, lang)} </span>}
                            {formatNumber(c.value, lang, { decimals: col.decimals, minDecimals: col.decimals })}
                            {c.status === 'estimate' && col.measure === 'value' && <abbr className="est" title={t.estimateTitle}> {t.estimateMark}</abbr>}
                          </>}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}

function FilterBox({ value, onChange, label }: { value: string; onChange: (s: string) => void; label: string }) {
  const { t } = useLang();
  const id = useId();
  return (
    <div className="field filter">
      <label htmlFor={id}>{label}</label>
      <input id={id} type="search" value={value} placeholder={t.pivotFilterPlaceholder} onChange={(e) => onChange(e.target.value)} />
    </div>
  );
}

const fold = (s: string) => s.normalize('NFD').replace(/[\u0300-\u036f]/g, '').replace(/[đĐ]/g, 'd').toLowerCase();

function IndicatorChooser({ selected, onChange }: { selected: string[]; onChange: (v: string[]) => void }) {
  const { t, lang } = useLang();
  const all = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const [filter, setFilter] = useState('');
  const items = (all.data?.indicators ?? []).filter((i) => !filter || fold(`${i.code} ${i.name_vi} ${i.name_en}`).includes(fold(filter)));
  const shown = [...items.filter((i) => selected.includes(i.code)), ...items.filter((i) => !selected.includes(i.code))].slice(0, 200);
  return (
    <fieldset className="group">
      <legend>{t.pivotIndicators} ({selected.length})</legend>
      <FilterBox value={filter} onChange={setFilter} label={`${t.pivotFilter}: ${t.pivotIndicators}`} />
      {all.error && <ErrorBox error={all.error} retry={all.retry} />}
      <div className="checklist">
        {shown.map((i) => (
          <label key={i.code} className="check">
            <input type="checkbox" checked={selected.includes(i.code)} onChange={() => onChange(toggle(selected, i.code))} />
            {lang === 'vi' ? i.name_vi : i.name_en}
          </label>
        ))}
      </div>
    </fieldset>
  );
}

function PlaceChooser({ selected, regions, date, onChange }: { selected: string[]; regions: RegionBrief[]; date?: string; onChange: (v: string[]) => void }) {
  const { t, lang } = useLang();
  const [former, setFormer] = useState(false);
  const [filter, setFilter] = useState('');
  const [membersOf, setMembersOf] = useState<string | null>(null);
  const units = useApi<{ units: UnitBrief[] }>(`/api/units${qs({ date, all: former ? 'true' : undefined })}`);
  const members = useApi<RegionDetail>(membersOf ? `/api/regions/${membersOf}${qs({ date })}` : null);
  useEffect(() => {
    if (!members.data || !membersOf) return;
    onChange([...selected, ...members.data.members.map((m) => m.id).filter((m) => !selected.includes(m))]);
    setMembersOf(null);
  }, [members.data]);
  const provinces = (units.data?.units ?? []).filter((u) => !filter || fold(`${u.code ?? ''} ${u.name_vi} ${u.name_en}`).includes(fold(filter)));
  const shown = [...provinces.filter((u) => selected.includes(u.id)), ...provinces.filter((u) => !selected.includes(u.id))];
  return (
    <fieldset className="group">
      <legend>{t.pivotPlaces} ({selected.length})</legend>
      <div className="checklist short">
        {regions.map((r) => (
          <label key={r.id} className="check">
            <input type="checkbox" checked={selected.includes(r.id)} onChange={() => onChange(toggle(selected, r.id))} />
            {regionName(r, lang, true)}
          </label>
        ))}
      </div>
      <div className="chips">
        {regions.filter((r) => r.level === 'region').map((r) => (
          <button key={r.id} type="button" className="btn small" onClick={() => setMembersOf(r.id)}>+ {t.pivotMembersOf(regionName(r, lang))}</button>
        ))}
      </div>
      <FilterBox value={filter} onChange={setFilter} label={`${t.pivotFilter}: ${t.pivotProvinces}`} />
      <label className="check"><input type="checkbox" checked={former} onChange={() => setFormer(!former)} />{t.pivotShowFormer}</label>
      <div className="checklist">
        {shown.map((u) => (
          <label key={u.id} className="check">
            <input type="checkbox" checked={selected.includes(u.id)} onChange={() => onChange(toggle(selected, u.id))} />
            {lang === 'vi' ? u.short_vi : u.short_en}{u.valid_to ? ` (→ ${u.valid_to.slice(0, 4)})` : ''}
          </label>
        ))}
      </div>
      {selected.length > 0 && <button type="button" className="btn small" onClick={() => onChange([])}>{t.pivotClear}</button>}
    </fieldset>
  );
}

function PeriodChooser({ selected, onChange }: { selected: string[]; onChange: (v: string[]) => void }) {
  const { t, lang } = useLang();
  const [draft, setDraft] = useState(selected[0] ?? String(new Date().getFullYear() - 1));
  const add = (codes: string[]) => onChange([...selected, ...codes.filter((c) => !selected.includes(c))]);
  const backwards = () => {
    const base = parseCode(draft);
    const out: string[] = [];
    let p = base;
    for (let k = 0; k < 4; k++) {
      p = samePeriodLastYear(p);
      out.push(periodCode(p));
    }
    add([periodCode(makePeriod(base.kind, base.year, base.n)), ...out]);
  };
  return (
    <fieldset className="group">
      <legend>{t.pivotPeriods} ({selected.length})</legend>
      <ul className="chips">
        {selected.map((p) => (
          <li key={p} className="chip">
            {periodLabel(p, lang)}
            <button type="button" className="chip-x" aria-label={t.pivotRemove(periodLabel(p, lang))} onClick={() => onChange(selected.filter((x) => x !== p))}>×</button>
          </li>
        ))}
      </ul>
      <PeriodPicker value={draft} onChange={setDraft} idPrefix="pivot-period" compact />
      <div className="chips">
        <button type="button" className="btn small" onClick={() => add([draft])}>+ {t.pivotAddPeriod}</button>
        <button type="button" className="btn small" onClick={backwards}>+ {t.pivotAddSamePeriods}</button>
      </div>
    </fieldset>
  );
}

function BreakdownChooser({ indicators, selected, onChange }: { indicators: string[]; selected: string[]; onChange: (v: string[]) => void }) {
  const { t, lang } = useLang();
  const inds = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const dims = useApi<{ dimensions: Dimension[] }>('/api/dimensions');
  const codes = new Set((inds.data?.indicators ?? []).filter((i) => indicators.includes(i.code)).flatMap((i) => i.disaggregations));
  const available = (dims.data?.dimensions ?? []).filter((d) => codes.has(d.code));
  const currentDim = selected.find((s) => s !== 'total')?.split('=')[0] ?? '';
  const [dim, setDim] = useState(currentDim);
  const id = useId();
  const d = available.find((x) => x.code === dim);
  const withTotal = selected.length === 0 || selected.includes('total');
  return (
    <fieldset className="group">
      <legend>{t.pivotBreakdown}</legend>
      {available.length === 0 ? <p className="muted small">{t.pivotNoDims}</p> : (
        <>
          <div className="field">
            <label htmlFor={id}>{t.pivotBreakdown}</label>
            <select id={id} value={dim} onChange={(e) => { setDim(e.target.value); onChange([]); }}>
              <option value="">{t.pivotBreakdownNone}</option>
              {available.map((x) => <option key={x.code} value={x.code}>{lang === 'vi' ? x.name_vi : x.name_en}</option>)}
            </select>
          </div>
          {d && (
            <div className="checklist">
              <label className="check">
                <input type="checkbox" checked={withTotal} onChange={() => onChange(withTotal ? selected.filter((s) => s !== 'total') : ['total', ...selected])} />
                {t.pivotTotal}
              </label>
              {d.options.map((o) => {
                const sig = `${d.code}=${o.code}`;
                return (
                  <label key={o.code} className="check">
                    <input type="checkbox" checked={selected.includes(sig)}
                      onChange={() => {
                        const next = toggle(selected.length ? selected : ['total'], sig);
                        onChange(next.length ? next : []);
                      }} />
                    {lang === 'vi' ? o.name_vi : o.name_en}
                  </label>
                );
              })}
            </div>
          )}
        </>
      )}
    </fieldset>
  );
}
