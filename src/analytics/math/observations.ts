// Input checks shared by the aggregations. A duplicated unit or a NaN is a caller bug that would
// silently double-count or poison a sum, so it throws instead of being "handled".
import type { Observation } from './types.ts';

/** Observations by unit id; throws on a duplicate unit or a non-finite value. */
export function indexObservations(obs: readonly Observation[]): Map<string, number | null> {
  const byUnit = new Map<string, number | null>();
  for (const o of obs) {
    if (byUnit.has(o.unitId)) throw new RangeError(`duplicate observation for unit ${o.unitId}`);
    if (o.value !== null && !Number.isFinite(o.value)) {
      throw new RangeError(`non-finite value for unit ${o.unitId}: ${o.value}`);
    }
    byUnit.set(o.unitId, o.value);
  }
  return byUnit;
}

/** The ids in first-seen order, without repeats (a member listed twice counts once). */
export function uniqueIds(ids: readonly string[]): string[] {
  return [...new Set(ids)];
}

/** The value a unit reported, or null when it did not report or is absent. */
export function reported(byUnit: ReadonlyMap<string, number | null>, unitId: string): number | null {
  return byUnit.get(unitId) ?? null;
}
