// Growth vs the same period last year, in percent. A region's growth is the growth of its summed
// levels over the units that reported in both periods (domain §4), never a mean of unit rates: the
// mean of rates weighs a small province's +40% like Hồ Chí Minh City's +8%.
import { sum } from './compensated.ts';
import { indexObservations, reported, uniqueIds } from './observations.ts';
import type { Observation } from './types.ts';

/** (current / previous − 1) × 100; null when previous is 0 (no meaningful rate). */
export function growthPct(current: number, previous: number): number | null {
  if (previous === 0) return null;
  // (c − p) / p rather than c / p − 1: the subtraction is exact when c and p are close, so the
  // small rates typical of our series keep their digits.
  return ((current - previous) / previous) * 100;
}

export type ExclusionReason = 'missing_current' | 'missing_previous' | 'missing_both';

export interface GrowthOfSums {
  growthPct: number | null;
  /** Why growthPct is null, when it is. */
  nullReason: 'no_matched_units' | 'zero_previous' | null;
  /** Σ current and Σ previous over `matched`; null when nothing matched. */
  current: number | null;
  previous: number | null;
  matched: string[];
  excluded: { unitId: string; reason: ExclusionReason }[];
}

function exclusionReason(cur: number | null, prev: number | null): ExclusionReason | null {
  if (cur === null && prev === null) return 'missing_both';
  if (cur === null) return 'missing_current';
  if (prev === null) return 'missing_previous';
  return null;
}

export function growthOfSums(
  current: readonly Observation[],
  previous: readonly Observation[],
  members: readonly string[],
): GrowthOfSums {
  const cur = indexObservations(current);
  const prev = indexObservations(previous);
  const matched: string[] = [];
  const excluded: GrowthOfSums['excluded'] = [];
  for (const unitId of uniqueIds(members)) {
    const reason = exclusionReason(reported(cur, unitId), reported(prev, unitId));
    if (reason === null) matched.push(unitId);
    else excluded.push({ unitId, reason });
  }
  if (matched.length === 0) {
    return { growthPct: null, nullReason: 'no_matched_units', current: null, previous: null, matched, excluded };
  }
  const c = sum(matched.map((id) => cur.get(id)!));
  const p = sum(matched.map((id) => prev.get(id)!));
  const g = growthPct(c, p);
  return { growthPct: g, nullReason: g === null ? 'zero_previous' : null, current: c, previous: p, matched, excluded };
}
