// "Nguồn": where a regional figure comes from — how it was computed (the provinces' values, who is
// left out of the growth), the figures published for the region with their article and sentence, and
// every revision.
import { Link } from 'wouter';
import { qs, useApi, useApiMany, type Indicator, type RegionDetail, type RegionalFigure, type Revision } from '../api.ts';
import { dateLabel, dateTimeLabel, endDate, formatNumber, isIndex, ladderOf, parseCode, pct, periodLabel, plain, quantity, readable, signedPct, tryParseCode, withQualifier } from '../fmt.ts';
import { useLang } from '../i18n.ts';
import { useQuery, useTitle, useTo } from '../nav.ts';
import { regionName } from '../components/Pickers.tsx';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';

export function FigureTrace({ region, indicator }: { region: string; indicator: string }) {
  const { t, lang } = useLang();
  const to = useTo();
  const period = useQuery().get('period') ?? '';
  useTitle(t.traceTitle);
  const valid = tryParseCode(period) !== null;
  const fig = useApi<RegionalFigure>(valid ? `/api/analytics/regions/${region}/indicators/${indicator}${qs({ period, lang })}` : null);
  const ind = useApi<Indicator>(`/api/indicators/${indicator}`);
  const reg = useApi<RegionDetail>(valid ? `/api/regions/${region}${qs({ date: endDate(parseCode(period)) })}` : null);
  const history = useApiMany<{ revisions: Revision[] }>(valid ? ['official', 'estimate'].map((status) =>
    `/api/values/history${qs({ place: region, indicator, period, status })}`) : []);
  if (!valid) return <div className="page"><Empty>{t.errorHint}</Empty></div>;
  const err = fig.error ?? ind.error;
  if (err) return <div className="page"><ErrorBox error={err} retry={fig.error ? fig.retry : ind.retry} /></div>;
  if (!fig.data || !ind.data) return <div className="page"><Loading lines={6} /></div>;
  const f = fig.data;
  const i = ind.data;
  const names = new Map((reg.data?.members ?? []).map((u) => [u.id, lang === 'vi' ? u.short_vi : u.short_en]));
  const rName = reg.data ? regionName(reg.data, lang, true) : region;
  const iName = lang === 'vi' ? i.name_vi : i.name_en;
  const revisions = history.flatMap((h) => h.data?.revisions ?? []).sort((a, b) => b.at.localeCompare(a.at));
  const docs = [...new Set(revisions.map((r) => r.source_document).filter((d): d is string => !!d))];
  const statusName = (s: string | null) => (s === 'estimate' ? t.statusEstimate : s === 'official' ? t.statusOfficial : s === 'plan' ? t.statusPlan : '—');
  return (
    <div className="page trace">
      <p className="breadcrumb"><Link href={to(`/region/${region}`, { indicator, period })}>← {rName} — {periodLabel(period, lang)}</Link></p>
      <h1 className="page-title">{t.traceTitle}: {iName}</h1>
      <p className="lead" data-testid="headline">{f.text.headline}</p>
      {f.text.aboveAverage && <p>{f.text.aboveAverage}</p>}

      {f.coverage.reported > 0 ? (
        <section className="panel">
          <h2 className="panel-title">{t.traceInputs}</h2>
          <p>{f.method === 'weighted' ? t.traceWeighted : t.traceComputed(f.coverage.reported, f.coverage.of)}</p>
          <div className="table-wrap">
            <table className="data">
              <thead>
                <tr>
                  <th scope="col">{t.province}</th>
                  <th scope="col" className="num">{periodLabel(f.period, lang)} ({i.base_unit})</th>
                  <th scope="col" className="num">{t.previousYear}</th>
                  <th scope="col" className="num">{t.growth}</th>
                  <th scope="col">{t.status}</th>
                </tr>
              </thead>
              <tbody>
                {f.units.map((u) => (
                  <tr key={u.unit}>
                    <th scope="row"><Link href={to(`/catalogue/units/${u.unit}`)}>{names.get(u.unit) ?? u.unit}</Link></th>
                    <td className="num">{plain(u.value, i.decimals, lang)}</td>
                    <td className="num">{plain(u.previous, i.decimals, lang)}</td>
                    <td className="num">{signedPct(u.growthPct, lang)}</td>
                    <td>{u.value === null ? t.notReported : statusName(u.status)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
          {f.growthBasis.excluded.length > 0 && f.growthBasis.excluded.length < f.units.length && (
            <p className="muted small">{t.excludedFromGrowth}: {f.growthBasis.excluded.map((e) => names.get(e.unit) ?? e.unit).join(', ')}</p>
          )}
        </section>
      ) : null}

      {(f.published.length > 0 || docs.length > 0 || f.coverage.reported === 0) && <section className="panel">
        <h2 className="panel-title">{t.tracePublished}</h2>
        {f.published.length === 0 && f.coverage.reported === 0 && <Empty>{t.traceNone}</Empty>}
        {f.published.map((p, k) => (
          <dl key={k} className="facts">
            <dt>{t.value}</dt><dd className="num">{p.value === null ? '—' : withQualifier(p.qualifier, quantity(p.value, i, lang), lang)}</dd>
            <dt>{t.growth}</dt><dd className="num">{signedPct(p.growthPct, lang)}</dd>
            {p.pctOfPlan !== null && <><dt>{t.statusPlan}</dt><dd className="num">{pct(p.pctOfPlan, lang)}</dd></>}
            <dt>{t.status}</dt><dd>{statusName(p.status)}</dd>
            {p.note && <><dt>{t.note}</dt><dd>{p.note}</dd></>}
          </dl>
        ))}
        {docs.map((d) => (
          <p key={d}>{t.traceDocument}: <Link href={to(`/documents/${d}`)} data-testid="source-link">{d}</Link></p>
        ))}
      </section>}

      {revisions.length > 0 && (
        <section className="panel">
          <h2 className="panel-title">{t.traceRevisions}</h2>
          <ol className="revisions">
            {revisions.map((r) => (
              <li key={`${r.status}-${r.version}`}>
                <p><strong>{r.value === null ? signedPct(r.growth_pct, lang) : quantity(r.value, i, lang)}</strong> · {statusName(r.status)} · v{r.version}
                  {' · '}{t.recordedAt} {dateTimeLabel(r.at, lang)} · {t.recordedBy} {r.actor}</p>
                {r.source_quote && <blockquote lang="vi">“{r.source_quote}”</blockquote>}
                {r.source_document && <p className="small"><Link href={to(`/documents/${r.source_document}`)}>{t.traceDocument}: {r.source_document}</Link></p>}
              </li>
            ))}
          </ol>
        </section>
      )}
    </div>
  );
}

export function DocumentPage({ id }: { id: string }) {
  const { t, lang } = useLang();
  const to = useTo();
  const doc = useApi<import('../api.ts').DocumentDetail>(`/api/documents/${encodeURIComponent(id)}`);
  useTitle(doc.data?.title ?? t.documentTitle);
  const inds = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const units = useApi<{ units: import('../api.ts').UnitBrief[] }>('/api/units?all=true');
  const regions = useApi<{ regions: import('../api.ts').RegionBrief[] }>('/api/regions');
  if (doc.error) return <div className="page"><ErrorBox error={doc.error} retry={doc.retry} /></div>;
  if (!doc.data) return <div className="page"><Loading lines={6} /></div>;
  const d = doc.data;
  const indOf = (c: string) => inds.data?.indicators.find((i) => i.code === c);
  const places = new Map([...(units.data?.units ?? []), ...(regions.data?.regions ?? [])].map((u) => [u.id, regionName(u, lang, true)]));
  return (
    <div className="page document">
      <p className="muted">{t.documentTitle}</p>
      <h1 className="page-title" lang="vi">{d.title ?? d.id}</h1>
      <dl className="facts">
        {d.publisher && <><dt>{t.documentPublisher}</dt><dd>{d.publisher}</dd></>}
        {d.published_on && <><dt>{t.documentDate}</dt><dd>{/^\d{4}-\d{2}-\d{2}/.test(d.published_on) ? dateLabel(d.published_on, lang) : d.published_on}</dd></>}
        {d.place && <><dt>{t.documentPlace}</dt><dd>{places.get(d.place) ?? d.place}</dd></>}
      </dl>
      {(lang === 'vi' ? d.summary_vi : d.summary_en ?? d.summary_vi) && (
        <section className="panel"><h2 className="panel-title">{t.documentSummary}</h2><p>{lang === 'vi' ? d.summary_vi : d.summary_en ?? d.summary_vi}</p></section>
      )}
      {d.url && <p><a href={d.url} rel="noopener noreferrer" target="_blank">{t.documentLink} ↗</a></p>}
      <section className="panel">
        <h2 className="panel-title">{t.documentValues}</h2>
        <div className="table-wrap">
          <table className="data">
            <thead>
              <tr><th scope="col">{t.place}</th><th scope="col">{t.indicator}</th><th scope="col">{t.period}</th><th scope="col" className="num">{t.value}</th><th scope="col" className="num">{t.growth}</th><th scope="col">{t.traceQuote}</th></tr>
            </thead>
            <tbody>
              {d.values.map((v, k) => {
                const ind = indOf(v.indicator);
                return (
                  <tr key={k}>
                    <td>{places.get(v.place) ?? v.place}</td>
                    <td>{ind ? (lang === 'vi' ? ind.short_vi : ind.short_en) : v.indicator}</td>
                    <td>{periodLabel(v.period, lang)}</td>
                    <td className="num">{v.value === null ? '—' : asPublished(v.value, v.qualifier, v.unit, ind, lang)}</td>
                    <td className="num">{signedPct(v.growth_pct, lang)}</td>
                    <td lang="vi" className="quote">{v.quote}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </div>
  );
}

/** A figure as the article gave it: its own qualifier ("hơn"), in a readable unit when that is exact. */
function asPublished(value: number, qualifier: string | null, unit: string, ind: Indicator | undefined, lang: 'vi' | 'en'): string {
  if (!ind || isIndex(ind)) return ind ? quantity(value, ind, lang) : `${formatNumber(value, lang)} ${unit}`;
  const r = readable(value, ladderOf(ind), lang);
  return withQualifier(qualifier, r.qualifier ? `${formatNumber(value, lang)} ${unit}` : r.text, lang);
}
