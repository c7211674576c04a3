// Where a dashboard opens: the most recent period with a figure for a region (its provinces' rollups or
// its own published figures) for an indicator. Probed by period keys (an IN list on the leading key
// column), so it stays a few index seeks at national scale.
import type { Db } from '../db/database.ts';
import { reference, type UnitRef } from '../catalogue/reference.ts';
import { fromKey, makePeriod, periodCode, periodKey, type PeriodKind } from '../periods/period.ts';

export const FEATURED_INDICATORS = ['retail_services', 'iip', 'exports', 'imports', 'industrial_output_value', 'trade_balance'];

/** Every period key of the years from−to (months, quarters, halves, first-N-months, years), canonical. */
export function periodKeysOf(from: number, to: number): number[] {
  const keys = new Set<number>();
  const add = (kind: PeriodKind, y: number, n = 0) => keys.add(periodKey(makePeriod(kind, y, n)));
  for (let y = from; y <= to; y++) {
    for (let m = 1; m <= 12; m++) add('month', y, m);
    for (let q = 1; q <= 4; q++) add('quarter', y, q);
    add('half', y, 1);
    add('half', y, 2);
    for (let n = 2; n <= 11; n++) add('ytd', y, n);
    add('year', y);
  }
  return [...keys].sort((a, b) => b - a);
}

export interface Latest {
  region: string;
  indicator: string;
  period: string | null;
}

export async function latestFigure(db: Db, opts: { region?: string; indicator?: string; today?: string }): Promise<Latest | null> {
  const ref = await reference(db);
  const regions = [...ref.unitsById.values()].filter((u) => (u.level === 'region' || u.level === 'country') && !u.unidentified);
  const pick: UnitRef[] = opts.region ? regions.filter((r) => r.slug === opts.region) : regions;
  if (!pick.length) return null;
  const indicator = opts.indicator && ref.indicatorsByCode.has(opts.indicator)
    ? opts.indicator
    : FEATURED_INDICATORS.find((c) => ref.indicatorsByCode.has(c)) ?? [...ref.indicatorsByCode.keys()][0];
  if (!indicator) return null;
  const ind = ref.indicatorsByCode.get(indicator)!;
  const today = opts.today ?? new Date().toISOString().slice(0, 10);
  const year = Number(today.slice(0, 4));
  const keys = periodKeysOf(year - 30, year);
  const ids = pick.map((r) => r.id);
  const fromValues = await db.k.selectFrom('value').select(['period', 'unit_id'])
    .where('period', 'in', keys).where('indicator_id', '=', ind.id).where('breakdown_id', '=', 0).where('measure', '=', 0)
    .where('unit_id', 'in', ids).orderBy('period', 'desc').limit(50).execute();
  const fromRollups = await db.k.selectFrom('rollup').select(['period', 'region_id as unit_id'])
    .where('period', 'in', keys).where('indicator_id', '=', ind.id).where('breakdown_id', '=', 0).where('measure', '=', 0)
    .where('region_id', 'in', ids).where('n', '>', 0).orderBy('period', 'desc').limit(50).execute();
  // Latest period first; then regions before the country, in catalogue order.
  const rank = (u: UnitRef) => (u.level === 'region' ? 0 : 1) * 1e6 + u.id;
  const hits = [...fromValues, ...fromRollups].map((h) => ({ period: Number(h.period), unit: ref.unitsById.get(Number(h.unit_id))! }))
    .filter((h) => h.unit && fromKey(h.period).year <= year)
    .sort((a, b) => b.period - a.period || rank(a.unit) - rank(b.unit));
  const best = hits[0];
  if (!best) return { region: (opts.region ? pick[0]! : pick.sort((a, b) => rank(a) - rank(b))[0]!).slug, indicator, period: null };
  return { region: best.unit.slug, indicator, period: periodCode(fromKey(best.period)) };
}
