// The regional dashboard: the headline figures of a region for a period, written the way the sector's
// articles write them, each with its trend and source; then the chosen indicator in detail: its
// time series, the provinces ranked against the regional average, and the map.
import { lazy, Suspense, useEffect, useId, useMemo, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { qs, useApi, useApiMany, type Indicator, type RegionBrief, type RegionDetail, type RegionalFigure, type SeriesPoint } from '../api.ts';
import { endDate, formatGrowth, geographyOfPeriod, isIndex, parseCode, periodLabel, quantity, tryParseCode } from '../fmt.ts';
import { useLang } from '../i18n.ts';
import { buildHref, useQuery, useTo } from '../nav.ts';
import { IndicatorPicker, PeriodPicker, RegionPicker, regionName } from '../components/Pickers.tsx';
import { Ranking, type RankMeasure } from '../components/Ranking.tsx';
import { Sparkline } from '../components/Sparkline.tsx';
import { Empty, ErrorBox, Loading } from '../components/States.tsx';
import { FEATURED } from '../prefetch.ts';

const TrendChart = lazy(() => import('../components/TrendChart.tsx'));
const MapPanel = lazy(() => import('../components/MapPanel.tsx'));

export { FEATURED } from '../prefetch.ts';

interface Latest {
  region: string;
  indicator: string;
  period: string | null;
}

/** "/" and "/region/:id" without a period: open the latest period that has figures. */
export function StartRedirect({ region }: { region?: string }) {
  const { t, lang } = useLang();
  const [, navigate] = useLocation();
  const q = useQuery();
  const latest = useApi<Latest>(`/api/analytics/latest${qs({ region, indicator: q.get('indicator') ?? undefined })}`);
  useEffect(() => {
    if (!latest.data) return;
    const l = latest.data;
    const period = l.period ?? String(new Date().getFullYear() - 1);
    navigate(buildHref(`/region/${l.region}`, { indicator: q.get('indicator') ?? l.indicator, period }, lang), { replace: true });
  }, [latest.data]);
  if (latest.error) return <div className="page"><ErrorBox error={latest.error} retry={latest.retry} /></div>;
  return <div className="page"><Loading label={t.loading} lines={4} /></div>;
}

function figureUrl(region: string, indicator: string, period: string, lang: string) {
  return `/api/analytics/regions/${encodeURIComponent(region)}/indicators/${encodeURIComponent(indicator)}${qs({ period, lang })}`;
}

/** The series shown for a period: the same period of past years, or the months/quarters around it. */
export function seriesUrl(place: string, indicator: string, period: string, long: boolean): string {
  const p = parseCode(period);
  const span = p.kind === 'month' ? (long ? 2 : 1) : p.kind === 'quarter' || p.kind === 'half' ? (long ? 3 : 2) : long ? 9 : 7;
  return `/api/analytics/series${qs({
    place, indicator, kind: p.kind, n: p.kind === 'ytd' ? p.n : undefined, from: p.year - span, to: p.year,
  })}`;
}

/** Points up to the period shown (a month series of this year stops at the chosen month). */
function upTo(points: SeriesPoint[] | undefined, period: string): SeriesPoint[] {
  if (!points) return [];
  const i = points.findIndex((p) => p.period === period);
  return i >= 0 ? points.slice(0, i + 1) : points;
}

export function Dashboard({ region }: { region: string }) {
  const { t, lang } = useLang();
  const [, navigate] = useLocation();
  const q = useQuery();
  const to = useTo();
  const period = q.get('period') ?? '';
  const valid = tryParseCode(period) !== null;
  const indicators = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const date = valid ? endDate(parseCode(period)) : undefined;
  const regions = useApi<{ regions: RegionBrief[] }>(`/api/regions${qs({ date })}`);
  const detail = useApi<RegionDetail>(valid ? `/api/regions/${encodeURIComponent(region)}${qs({ date })}` : null);
  const catalogue = indicators.data?.indicators ?? [];
  // The figures are asked for at once, in parallel with the catalogue (no waterfall); an indicator the
  // catalogue does not have simply answers 404 and is not shown.
  const selected = q.get('indicator') ?? FEATURED[0]!;
  const cardCodes = FEATURED;
  const codes = cardCodes.includes(selected) ? cardCodes : [...cardCodes, selected];
  const figures = useApiMany<RegionalFigure>(valid ? codes.map((c) => figureUrl(region, c, period, lang)) : []);
  const loaded = figures.length > 0 && figures.every((f) => !f.loading);
  // Trends and details come after the headline figures, so that they do not compete with them.
  const series = useApiMany<{ points: SeriesPoint[] }>(valid && loaded ? cardCodes.map((c) => seriesUrl(region, c, period, false)) : []);
  const go = (patch: { region?: string; indicator?: string; period?: string }) =>
    navigate(buildHref(`/region/${patch.region ?? region}`, { indicator: patch.indicator ?? selected, period: patch.period ?? period }, lang));

  // A mark the benchmark reads: the headline figures are on screen (the frame after they rendered).
  // The detail (chart, ranking, map) mounts in the frame after, so it never delays the figures.
  const [detailOn, setDetailOn] = useState(false);
  useEffect(() => {
    if (!loaded || !indicators.data) return;
    const id = requestAnimationFrame(() => {
      performance.mark('ct:dashboard-figures');
      setDetailOn(true);
    });
    return () => cancelAnimationFrame(id);
  }, [loaded, indicators.data, region, period]);

  const regionBrief = regions.data?.regions.find((r) => r.id === region);
  const rName = regionBrief ? regionName(regionBrief, lang, true) : detail.data ? regionName(detail.data, lang, true) : region;
  useEffect(() => {
    document.title = `${rName} — ${valid ? periodLabel(period, lang) : ''} · ${t.appName}`;
  }, [rName, period, lang]);

  if (!valid) return <StartRedirect region={region} />;
  const indOf = (c: string) => catalogue.find((i) => i.code === c);
  const withData = figures.filter((f, k) => k < cardCodes.length && f.data && (f.data.text.value || f.data.text.growth));
  const noData = cardCodes.filter((_, k) => figures[k]?.data && !(figures[k]!.data!.text.value || figures[k]!.data!.text.growth));
  const regionErr = detail.error && detail.error.status === 404 ? detail.error : null;

  return (
    <div className="page dashboard">
      <section className="selection-bar" aria-label={t.selectionBar}>
        {regions.data ? (
          <RegionPicker regions={regions.data.regions} value={region} onChange={(r) => go({ region: r })} />
        ) : <div className="field"><span className="label-like">{t.region}</span><span className="muted">{t.loading}</span></div>}
        <PeriodPicker value={period} onChange={(p) => go({ period: p })} idPrefix="dash-period" />
      </section>

      <h1 className="page-title">{t.dashboardTitle(rName, periodLabel(period, lang))}</h1>

      {regionErr && <ErrorBox error={regionErr} />}
      {indicators.error && <ErrorBox error={indicators.error} retry={indicators.retry} />}

      <section aria-labelledby="headline-h" className="headlines">
        <h2 id="headline-h" className="section-title">{t.headlineFigures}</h2>
        {!loaded && !figures.some((f) => f.data) && !indicators.error && <div className="cards"><Loading lines={3} /><Loading lines={3} /><Loading lines={3} /></div>}
        {figures.some((f) => f.error && f.error.status !== 404) && <ErrorBox error={figures.find((f) => f.error && f.error.status !== 404)!.error!} retry={figures[0]!.retry} />}
        {!regionErr && figures.length > 0 && figures.every((f) => f.error?.status === 404) && <ErrorBox error={figures[0]!.error!} />}
        {loaded && withData.length === 0 && !figures.some((f) => f.error && f.error.status !== 404) && !regionErr && indicators.data && <NoFigures region={region} rName={rName} period={period} />}
        <div className="cards" data-testid="cards" aria-busy={!loaded}>
          {cardCodes.map((c, k) => {
            const f = figures[k]?.data;
            const ind = indOf(c);
            if (!f || !ind || !(f.text.value || f.text.growth)) return null;
            return (
              <FigureCard key={c} fig={f} ind={ind} selected={c === selected} series={upTo(series[k]?.data?.points, period)}
                onSelect={() => go({ indicator: c })} traceHref={to(`/figure/${region}/${c}`, { period })} />
            );
          })}
        </div>
        {loaded && withData.length > 0 && noData.length > 0 && (
          <p className="nodata-list"><strong>{t.noDataIndicators}:</strong> {noData.map((c) => {
            const ind = indOf(c);
            return ind ? (lang === 'vi' ? ind.short_vi : ind.short_en) : c;
          }).join(', ')}</p>
        )}
      </section>

      {catalogue.length > 0 && loaded && detailOn && (
        <Detail
          region={region} rName={rName} period={period} indicator={indOf(selected) ?? catalogue[0]!} catalogue={catalogue}
          figure={figures[codes.indexOf(selected)]} members={detail.data}
          onIndicator={(c) => go({ indicator: c })}
        />
      )}
    </div>
  );
}

function NoFigures({ region, rName, period }: { region: string; rName: string; period: string }) {
  const { t, lang } = useLang();
  const to = useTo();
  const latest = useApi<Latest>(`/api/analytics/latest${qs({ region })}`);
  const l = latest.data;
  return (
    <Empty title={t.noDataTitle}>
      <p>{t.noFiguresForSelection(rName, periodLabel(period, lang))}</p>
      {l?.period && l.period !== period && (
        <p><Link href={to(`/region/${region}`, { indicator: l.indicator, period: l.period })}>{t.latestWithData(periodLabel(l.period, lang))} →</Link></p>
      )}
    </Empty>
  );
}

function FigureCard({ fig, ind, selected, series, onSelect, traceHref }: {
  fig: RegionalFigure;
  ind: Indicator;
  selected: boolean;
  series: SeriesPoint[];
  onSelect: () => void;
  traceHref: string;
}) {
  const { t, lang } = useLang();
  const name = lang === 'vi' ? ind.short_vi : ind.short_en;
  const index = isIndex(ind);
  const growth = fig.growthPct ?? fig.published.find((p) => p.measure === 'actual')?.growthPct ?? null;
  const big = index || !fig.text.value ? (growth === null ? '—' : formatGrowth(growth, lang)) : fig.text.value;
  const dir = growth === null ? '' : growth > 0.004 ? 'up' : growth < -0.004 ? 'down' : 'flat';
  const useGrowth = index || series.every((p) => p.value === null);
  const estimate = fig.text.source === 'published' ? fig.published.find((p) => p.measure === 'actual')?.status === 'estimate' : fig.estimates > 0;
  const hid = `card-${ind.code}`;
  return (
    <article className={`card${selected ? ' selected' : ''}`} aria-labelledby={hid} data-indicator={ind.code}>
      <h3 id={hid} className="card-title">{name}{estimate && <abbr className="est" title={t.estimateTitle}> ({t.estimateMark})</abbr>}</h3>
      <p className="card-value num" data-testid="card-value">{big}</p>
      {growth !== null && !index && (
        <p className={`card-growth ${dir}`}>
          <span aria-hidden="true">{dir === 'up' ? '▲' : dir === 'down' ? '▼' : '■'}</span> {formatGrowth(growth, lang)} {t.vsSamePeriod}
        </p>
      )}
      {index && <p className="card-growth muted">{t.vsSamePeriod}</p>}
      <Sparkline points={series} current={fig.period} useGrowth={useGrowth} label={t.trendLabel(name)}
        format={(v) => (useGrowth ? `${v.toFixed(1)}%` : quantity(v, ind, lang))} />
      <p className="card-headline" data-testid="headline">{fig.text.headline}</p>
      <p className="card-meta">
        <span>{fig.text.source === 'computed' ? fig.text.coverage : t.sourcePublished}</span>
        {' · '}
        <Link href={traceHref} title={t.sourceTitle(name)}>{t.source}</Link>
      </p>
      <button type="button" className="btn card-select" aria-pressed={selected} onClick={onSelect}>
        {selected ? `✓ ${t.selected}` : t.selectIndicator(name)}
      </button>
    </article>
  );
}

function Detail({ region, rName, period, indicator, catalogue, figure, members, onIndicator }: {
  region: string;
  rName: string;
  period: string;
  indicator: Indicator;
  catalogue: Indicator[];
  figure: { data?: RegionalFigure; error?: import('../api.ts').ApiError; loading: boolean; retry: () => void } | undefined;
  members: RegionDetail | undefined;
  onIndicator: (c: string) => void;
}) {
  const { t, lang } = useLang();
  const series = useApi<{ points: SeriesPoint[] }>(seriesUrl(region, indicator.code, period, true));
  const fig = figure?.data;
  const hasGrowth = !!fig?.units.some((u) => u.growthPct !== null);
  const [measure, setMeasure] = useState<RankMeasure | null>(null);
  const m: RankMeasure = measure ?? (hasGrowth ? 'growth' : 'value');
  const [highlight, setHighlight] = useState<string | null>(null);
  const names = useMemo(() => new Map((members?.members ?? []).map((u) => [u.id, lang === 'vi' ? u.short_vi : u.short_en])), [members, lang]);
  const values = useMemo(() => new Map((fig?.units ?? []).map((u) => [u.unit, m === 'growth' ? u.growthPct : u.value])), [fig, m]);
  const memberSet = useMemo(() => new Set((fig?.units ?? []).map((u) => u.unit)), [fig]);
  const name = lang === 'vi' ? indicator.name_vi : indicator.name_en;
  const measureId = useId();
  const points = upTo(series.data?.points, period);
  const pointsWithData = points.filter((p) => p.value !== null || p.growthPct !== null);
  return (
    <section className="detail" aria-labelledby="detail-h">
      <div className="detail-head">
        <h2 id="detail-h" className="section-title">{t.detailTitle(name)}</h2>
        <IndicatorPicker indicators={catalogue} value={indicator.code} onChange={onIndicator} />
      </div>
      <div className="panel">
        <h3 className="panel-title">{t.timeSeries}</h3>
        {series.error ? <ErrorBox error={series.error} retry={series.retry} />
          : !series.data ? <Loading lines={5} />
          : pointsWithData.length === 0 ? <Empty>{t.seriesEmpty}</Empty>
          : (
            <Suspense fallback={<Loading lines={5} />}>
              <TrendChart points={points} indicator={indicator} current={period} title={t.timeSeriesOf(name, rName)} />
            </Suspense>
          )}
      </div>
      <div className="detail-grid">
        <div className="panel">
          <div className="panel-head">
            <h3 className="panel-title">{t.ranking}</h3>
            <div className="segmented" role="radiogroup" aria-labelledby={measureId}>
              <span id={measureId} className="label-like">{t.rankBy}</span>
              {(['growth', 'value'] as RankMeasure[]).map((x) => (
                <label key={x} className={m === x ? 'on' : ''}>
                  <input type="radio" name="rank-measure" value={x} checked={m === x} onChange={() => setMeasure(x)} />
                  {x === 'growth' ? t.rankByGrowth : t.rankByValue}
                </label>
              ))}
            </div>
          </div>
          {figure?.error ? <ErrorBox error={figure.error} retry={figure.retry} />
            : !fig ? <Loading lines={8} />
            : <Ranking fig={fig} ind={indicator} measure={m} names={names} highlight={highlight} onHighlight={setHighlight} />}
          {fig && <p className="muted small">{fig.text.coverage}</p>}
        </div>
        <div className="panel">
          <h3 className="panel-title">{t.map}</h3>
          {fig ? (
            <Suspense fallback={<Loading lines={8} />}>
              <MapPanel geography={geographyOfPeriod(period)} values={values} members={memberSet} measure={m} indicator={indicator}
                regionName={rName} highlight={highlight} onHighlight={setHighlight} />
            </Suspense>
          ) : <Loading lines={8} />}
        </div>
      </div>
    </section>
  );
}
