// /conferences[?region=]: the regional conferences (lần thứ X in Roman numerals, year, date, host)
// and, per region, the host rotation over time: who hosted, to whom the rotating flag was handed and
// whether that province hosted next, and the next host when known.
import { Link } from 'wouter';
import { qs, useApi, type RegionBrief } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useQuery, useSetQuery, useTitle, useTo } from '../../nav.ts';
import { regionName } from '../../components/Pickers.tsx';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { DICT } from './i18n.ts';
import { Chip, FollowUpTabs, SourceLink, usePaged } from './shared.tsx';
import type { ConferenceList as ListAnswer, ConferenceSummary, RegionRotation } from './types.ts';

export function ConferenceList() {
  const t = useDict(DICT);
  const { lang } = useLang();
  useTitle(t.conferencesTitle);
  const region = useQuery().get('region') ?? '';
  const setQuery = useSetQuery();
  const regions = (useApi<{ regions: RegionBrief[] }>('/api/regions').data?.regions ?? []).filter((r) => r.id !== 'national');
  const list = usePaged<ConferenceSummary, ListAnswer>(`/api/conferences${qs({ region: region || undefined, lang })}`, (r) => r.conferences);
  return (
    <div className="page cf-page cf-conferences">
      <h1 className="page-title">{t.conferencesTitle}</h1>
      <p className="lead">{t.conferencesLead}</p>
      <FollowUpTabs />
      <div className="chips" role="group" aria-label={t.region}>
        <button type="button" className="btn small" aria-pressed={!region} onClick={() => setQuery({ region: null })}>{t.allRegions}</button>
        {regions.map((r) => (
          <button key={r.id} type="button" className="btn small" aria-pressed={region === r.id} onClick={() => setQuery({ region: r.id })}>{regionName(r, lang)}</button>
        ))}
      </div>
      {list.error ? <ErrorBox error={list.error} retry={list.retry} />
        : list.loading && !list.items.length ? <Loading lines={6} />
        : !list.items.length ? <Empty title={t.noConferences} />
        : <ConferenceTable items={list.items} showRegion={!region} />}
      {list.more && <p><button type="button" className="btn" onClick={list.more}>{t.loadMore(list.items.length, list.total ?? 0)}</button></p>}
      <h2 className="section-title">{t.rotationTitle}</h2>
      <p className="muted small">{t.rotationLead}</p>
      <div className="cf-rotations">
        {(region ? regions.filter((r) => r.id === region) : regions).map((r) => <Rotation key={r.id} region={r.id} />)}
      </div>
    </div>
  );
}

function ConferenceTable({ items, showRegion }: { items: ConferenceSummary[]; showRegion: boolean }) {
  const t = useDict(DICT);
  const to = useTo();
  return (
    <div className="table-wrap">
      <table className="data" data-testid="conference-table">
        <caption className="sr-only">{t.conferencesTitle}</caption>
        <thead>
          <tr>
            <th scope="col">{t.ordinal}</th><th scope="col">{t.year}</th>
            {showRegion && <th scope="col">{t.region}</th>}
            <th scope="col">{t.conference}</th><th scope="col">{t.date}</th><th scope="col">{t.host}</th><th scope="col">{t.status}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((c) => (
            <tr key={c.slug} data-conference={c.slug}>
              <td className="cf-roman" data-testid="roman">{c.ordinal_roman ?? '—'}</td>
              <td className="num">{c.year}</td>
              {showRegion && <td>{c.region_name}</td>}
              <th scope="row"><Link href={to(`/conferences/${c.slug}`)}>{c.title}</Link></th>
              <td className="nowrap">{c.date_label}</td>
              <td data-testid="host">{c.host_name ?? '—'}</td>
              <td><Chip code={c.status} label={t.conferenceStatus(c.status)} /></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** One region's rotation: hosts in order, each handover of the flag with what came of it, the next. */
export function Rotation({ region }: { region: string }) {
  const t = useDict(DICT);
  const { lang } = useLang();
  const to = useTo();
  const r = useApi<RegionRotation>(`/api/regions/${region}/conferences${qs({ lang })}`);
  if (r.error) return <ErrorBox error={r.error} retry={r.retry} />;
  if (!r.data) return <Loading lines={3} />;
  const d = r.data;
  const handoversAfter = (slug: string) => d.handovers.filter((h) => h.conference === slug);
  return (
    <section className="panel cf-rotation" data-region={region} aria-labelledby={`rot-${region}`}>
      <h3 className="panel-title" id={`rot-${region}`}>{d.region_name}</h3>
      {d.past_hosts.length === 0 ? <p className="muted">{t.noHosts}</p> : (
        <ol className="cf-chain">
          {d.past_hosts.map((p) => (
            <li key={p.conference} data-conference={p.conference}>
              <Link href={to(`/conferences/${p.conference}`)} className="cf-chain-host">
                <span className="cf-roman">{p.ordinal_label ?? t.unnumbered}</span> · {p.year} · <strong>{p.host_name ?? '—'}</strong>
              </Link>
              {handoversAfter(p.conference).map((h) => (
                <p key={h.id} className="cf-handover" data-testid="handover">
                  <span aria-hidden="true">⚑ </span>
                  {t.flagTo(h.to_name ?? h.to, h.for_ordinal_label, h.for_year)} — <em>{h.outcome_text}</em> <SourceLink source={h.source} />
                </p>
              ))}
            </li>
          ))}
        </ol>
      )}
      <p className="cf-next" data-testid="next-host">
        <strong>{t.nextHost}: </strong>
        {d.next_host ? `${d.next_host.host_name ?? d.next_host.host}${d.next_host.ordinal_label ? ` (${d.next_host.ordinal_label}${d.next_host.for_year ? `, ${d.next_host.for_year}` : ''})` : ''}` : d.next_host_text}
      </p>
      {d.numbering_notes.map((n) => <p key={n.conference} className="muted small">{n.text}</p>)}
    </section>
  );
}
