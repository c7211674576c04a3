// Each unit's share of the region's total, in percent, over the units that reported.
import { sum } from './compensated.ts';
import { indexObservations } from './observations.ts';
import type { Observation } from './types.ts';

export interface Share {
  unitId: string;
  /** null when the unit did not report or the total is 0. */
  sharePct: number | null;
}

/** Shares of a non-negative indicator; a negative value (e.g. a trade deficit) has no share: throws. */
export function shares(obs: readonly Observation[]): Share[] {
  const byUnit = indexObservations(obs);
  for (const [unitId, v] of byUnit) {
    if (v !== null && v < 0) throw new RangeError(`shares of a negative value (unit ${unitId}: ${v})`);
  }
  const total = sum([...byUnit.values()].filter((v): v is number => v !== null));
  return [...byUnit].map(([unitId, v]) => ({
    unitId,
    sharePct: v === null || total === 0 ? null : (v / total) * 100,
  }));
}
