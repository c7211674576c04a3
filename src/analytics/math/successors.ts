// Comparisons across the July 2025 reorganisation (domain §4, §6): a new province's past is the sum
// of its predecessors' levels (every merge was of whole provinces). The sum exists only when every
// predecessor reported; a partial sum would show a false fall. Growth is then growthOfSums over the
// successors, never a combination of the predecessors' rates.
import { sum } from './compensated.ts';
import { indexObservations, reported } from './observations.ts';
import type { Observation } from './types.ts';

export interface SuccessorValue extends Observation {
  predecessors: string[];
  /** Predecessors that did not report (value is then null). */
  missing: string[];
}

/**
 * Levels of `successors` from the predecessors' observations. A unit that did not merge is its own
 * predecessor (predecessorsOf('ha-noi') = ['ha-noi']). The result is an Observation[] and can go
 * straight into growthOfSums / regionalTotal.
 */
export function mapOntoSuccessors(
  obs: readonly Observation[],
  predecessorsOf: (unitId: string) => readonly string[],
  successors: readonly string[],
): SuccessorValue[] {
  const byUnit = indexObservations(obs);
  const claimedBy = new Map<string, string>();
  return [...new Set(successors)].map((unitId) => {
    const predecessors = [...new Set(predecessorsOf(unitId))];
    for (const p of predecessors) claim(claimedBy, p, unitId);
    const missing = predecessors.filter((p) => reported(byUnit, p) === null);
    const value =
      predecessors.length === 0 || missing.length > 0 ? null : sum(predecessors.map((p) => byUnit.get(p)!));
    return { unitId, value, predecessors, missing };
  });
}

// Merges were whole: a predecessor under two successors would be counted twice, so it is a data error.
function claim(claimedBy: Map<string, string>, predecessor: string, successor: string): void {
  const other = claimedBy.get(predecessor);
  if (other !== undefined) {
    throw new RangeError(`unit ${predecessor} is a predecessor of both ${other} and ${successor}`);
  }
  claimedBy.set(predecessor, successor);
}
