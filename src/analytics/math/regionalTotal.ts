// A region's level: the sum over its members that reported, with the coverage always alongside
// ("18/20 tỉnh báo cáo"). A member that did not report is listed, never counted as zero.
import { sum } from './compensated.ts';
import { indexObservations, reported, uniqueIds } from './observations.ts';
import type { Observation } from './types.ts';

export interface Coverage {
  reported: number;
  of: number;
}

export interface RegionalTotal {
  /** Σ over the members that reported; null when none did. */
  total: number | null;
  reported: string[];
  missing: string[];
  coverage: Coverage;
}

export function regionalTotal(obs: readonly Observation[], members: readonly string[]): RegionalTotal {
  const byUnit = indexObservations(obs);
  const ids = uniqueIds(members);
  const present = ids.filter((id) => reported(byUnit, id) !== null);
  const missing = ids.filter((id) => reported(byUnit, id) === null);
  return {
    total: present.length === 0 ? null : sum(present.map((id) => byUnit.get(id)!)),
    reported: present,
    missing,
    coverage: { reported: present.length, of: ids.length },
  };
}
