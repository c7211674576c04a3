// Each unit's own growth, and the "6/20 tỉnh, thành có mức tăng cao hơn mức tăng bình quân của khu
// vực" count: units whose growth is strictly above the region's aggregate growth (growthOfSums).
import { growthPct } from './growth.ts';
import { indexObservations, reported } from './observations.ts';
import type { Observation } from './types.ts';

export interface UnitGrowth {
  unitId: string;
  /** null when either period is missing or the previous value is 0. */
  growthPct: number | null;
}

/** Growth of every unit seen in either period (current's order, then those only in previous). */
export function unitGrowths(current: readonly Observation[], previous: readonly Observation[]): UnitGrowth[] {
  const cur = indexObservations(current);
  const prev = indexObservations(previous);
  const ids = [...new Set([...cur.keys(), ...prev.keys()])];
  return ids.map((unitId) => {
    const c = reported(cur, unitId);
    const p = reported(prev, unitId);
    return { unitId, growthPct: c === null || p === null ? null : growthPct(c, p) };
  });
}

export interface AboveAverage {
  /** Ids in descending order of growth (ties by id, for a stable listing). */
  above: string[];
  count: number;
  /** Units that have a growth at all: the denominator of "6/20". */
  of: number;
}

// A unit growing at exactly the region's rate computes to a value an ulp or two away from the
// region's, depending on the order of operations; such a unit is not "above", so the comparison
// allows a relative slack far below any published precision (rates are printed to 2 decimals).
const SLACK = 1e-9;

export function unitsAboveAverage(growths: readonly UnitGrowth[], regionGrowth: number): AboveAverage {
  const withGrowth = growths.filter((g): g is { unitId: string; growthPct: number } => g.growthPct !== null);
  const threshold = regionGrowth + SLACK * Math.max(1, Math.abs(regionGrowth));
  const above = withGrowth
    .filter((g) => g.growthPct > threshold)
    .sort((a, b) => b.growthPct - a.growthPct || (a.unitId < b.unitId ? -1 : a.unitId > b.unitId ? 1 : 0))
    .map((g) => g.unitId);
  return { above, count: above.length, of: withGrowth.length };
}
