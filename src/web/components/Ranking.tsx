// Provinces ranked by growth or by value, the regional average marked on every bar's track, and the
// provinces above it named (the sentence the articles write: "Có 6/20 tỉnh, thành … gồm: …").
import type { Indicator, RegionalFigure } from '../api.ts';
import { isIndex, joinNames, quantity, signedPct } from '../fmt.ts';
import { useLang } from '../i18n.ts';
import { Empty } from './States.tsx';

export type RankMeasure = 'growth' | 'value';

export interface RankItem {
  unit: string;
  name: string;
  v: number | null;
  status: string | null;
}

export function rankingOf(fig: RegionalFigure, ind: Indicator, measure: RankMeasure, names: Map<string, string>) {
  const items: RankItem[] = fig.units.map((u) => ({
    unit: u.unit,
    name: names.get(u.unit) ?? u.unit,
    v: measure === 'growth' ? u.growthPct : u.value,
    status: u.status,
  }));
  items.sort((a, b) => (a.v === null ? 1 : 0) - (b.v === null ? 1 : 0) || (b.v ?? 0) - (a.v ?? 0) || a.name.localeCompare(b.name, 'vi'));
  const reported = items.filter((i) => i.v !== null);
  let average: number | null;
  if (measure === 'growth') average = fig.growthPct;
  else if (isIndex(ind) || fig.method === 'weighted') average = fig.value;
  else average = fig.value !== null && fig.coverage.reported ? fig.value / fig.coverage.reported : null;
  const above = measure === 'growth'
    ? new Set(fig.aboveAverage.units)
    : new Set(average === null ? [] : reported.filter((i) => i.v! > average!).map((i) => i.unit));
  return { items, reported, average, above };
}

export function Ranking({ fig, ind, measure, names, highlight, onHighlight }: {
  fig: RegionalFigure;
  ind: Indicator;
  measure: RankMeasure;
  names: Map<string, string>;
  highlight: string | null;
  onHighlight: (unit: string | null) => void;
}) {
  const { t, lang } = useLang();
  const { items, reported, average, above } = rankingOf(fig, ind, measure, names);
  if (!reported.length) return <Empty>{t.rankingEmpty}</Empty>;
  const fmt = (v: number | null) => (measure === 'growth' ? signedPct(v, lang) : quantity(v, ind, lang));
  const vals = reported.map((i) => i.v!).concat(average ?? 0);
  const lo = Math.min(0, ...vals);
  const hi = Math.max(0, ...vals);
  const span = hi - lo || 1;
  const pos = (v: number) => ((v - lo) / span) * 100;
  const zero = pos(0);
  const avgText = average === null ? null
    : measure === 'growth' ? t.regionalAverageGrowth(signedPct(average, lang)) : t.regionalAverageValue(quantity(average, ind, lang));
  const aboveNames = items.filter((i) => above.has(i.unit)).map((i) => i.name);
  const sentence = measure === 'growth'
    ? fig.text.aboveAverage
    : average === null ? null : t.aboveValueText(aboveNames.length, reported.length, joinNames(aboveNames, lang));
  return (
    <div className="ranking">
      {avgText && (
        <p className="ranking-average"><span className="avg-swatch" aria-hidden="true" /> {avgText}</p>
      )}
      {sentence && <p className="ranking-sentence" data-testid="above-average">{sentence}</p>}
      <ol className="rank-list" aria-label={t.ranking}>
        {items.map((it, k) => {
          const isAbove = above.has(it.unit);
          const v = it.v;
          const left = v === null ? zero : Math.min(pos(v), zero);
          const width = v === null ? 0 : Math.abs(pos(v) - zero);
          return (
            <li
              key={it.unit}
              className={`rank-row${isAbove ? ' above' : ''}${highlight === it.unit ? ' highlight' : ''}${v === null ? ' missing' : ''}`}
              data-unit={it.unit}
              onMouseEnter={() => onHighlight(it.unit)}
              onMouseLeave={() => onHighlight(null)}
            >
              <span className="rank-n">{v === null ? '' : k + 1}</span>
              <span className="rank-name">
                {it.name}
                {isAbove && <span className="sr-only"> ({t.aboveAverage})</span>}
                {it.status === 'estimate' && <abbr className="est" title={t.estimateTitle}> {t.estimateMark}</abbr>}
              </span>
              <span className="rank-track" aria-hidden="true">
                {v !== null && <span className={`rank-bar${v < 0 ? ' neg' : ''}`} style={{ left: `${left}%`, width: `${Math.max(width, 0.5)}%` }} />}
                {average !== null && <span className="rank-avg" style={{ left: `${pos(average)}%` }} />}
              </span>
              <span className="rank-value num">{v === null ? t.notReported : fmt(v)}</span>
            </li>
          );
        })}
      </ol>
    </div>
  );
}
