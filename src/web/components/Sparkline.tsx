// A small trend line under a headline figure: the same period of past years (or past months), the
// current one marked. Plain SVG, no chart library: it belongs to the first paint.
import type { SeriesPoint } from '../api.ts';
import { periodLabel } from '../fmt.ts';
import { useLang } from '../i18n.ts';

export function Sparkline({ points, current, useGrowth, label, format }: {
  points: SeriesPoint[];
  current: string;
  useGrowth: boolean;
  label: string;
  format: (v: number) => string;
}) {
  const { lang } = useLang();
  const pts = points
    .map((p) => ({ period: p.period, v: useGrowth ? p.growthPct : p.value }))
    .filter((p): p is { period: string; v: number } => p.v !== null && Number.isFinite(p.v));
  if (pts.length < 2) return null;
  const W = 160;
  const H = 36;
  const min = Math.min(...pts.map((p) => p.v));
  const max = Math.max(...pts.map((p) => p.v));
  const span = max - min || 1;
  const x = (i: number) => 4 + (i * (W - 8)) / (pts.length - 1);
  const y = (v: number) => H - 4 - ((v - min) / span) * (H - 8);
  const d = pts.map((p, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(p.v).toFixed(1)}`).join('');
  const ci = pts.findIndex((p) => p.period === current);
  const first = pts[0]!;
  const last = pts[pts.length - 1]!;
  const summary = `${label}: ${periodLabel(first.period, lang, 'short')} ${format(first.v)} … ${periodLabel(last.period, lang, 'short')} ${format(last.v)}`;
  return (
    <svg className="sparkline" viewBox={`0 0 ${W} ${H}`} width={W} height={H} role="img" aria-label={summary}>
      <title>{summary}</title>
      <path d={d} fill="none" stroke="currentColor" strokeWidth="1.6" strokeLinejoin="round" />
      {ci >= 0 && <circle cx={x(ci)} cy={y(pts[ci]!.v)} r="3" className="spark-dot" />}
    </svg>
  );
}
