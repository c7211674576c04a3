// Chart data for the reports (drawn by each renderer in its own way): growth of the main indicators,
// and each province's growth against the regional average.
import type { Facts } from '../data.ts';
import type { Chart } from '../model.ts';
import type { Writer } from './writer.ts';

const round2 = (x: number) => Math.round(x * 100) / 100;

export function growthChart(w: Writer, facts: Facts[], period: string): Omit<Chart, 'id' | 'label'> | null {
  const withGrowth = facts.filter((f) => f.growthPct !== null && f.ind.nature !== 'stock');
  if (withGrowth.length < 2) return null;
  return {
    title: w.t.charts.growth(period),
    kind: 'column',
    categories: withGrowth.map((f) => w.shortName(f.ind)),
    series: [{ name: w.t.charts.growthUnit, values: withGrowth.map((f) => round2(f.growthPct!)) }],
    unit: '%',
    reference: null,
  };
}

/** Provinces by growth, highest first, with the regional average as a reference line. */
export function byProvinceChart(w: Writer, f: Facts, period: string): Omit<Chart, 'id' | 'label'> | null {
  if (f.source !== 'computed' || !f.regional || f.growthPct === null) return null;
  const units = f.regional.units.filter((u) => u.growthPct !== null).sort((a, b) => b.growthPct! - a.growthPct!);
  if (units.length < 2) return null;
  return {
    title: w.t.charts.byProvince(w.shortName(f.ind), period),
    kind: 'bar',
    categories: units.map((u) => w.unitName(u.unit)),
    series: [{ name: w.shortName(f.ind), values: units.map((u) => round2(u.growthPct!)) }],
    unit: '%',
    reference: { label: w.t.charts.average, value: round2(f.growthPct) },
  };
}
