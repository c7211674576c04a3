// A region's IIP: Σ(IIP_p × W_p) / Σ W_p, W_p = the province's base-year industrial value added
// (domain §4). Weights are data. The unweighted mean exists only for when no weights are known, and
// its result carries a different `method` and field name so it can never pass for the weighted index.
import { dot, sum } from './compensated.ts';
import { indexObservations, reported } from './observations.ts';
import type { Observation } from './types.ts';

export interface UnitWeight {
  unitId: string;
  weight: number | null;
}

export interface WeightedIndex {
  method: 'weighted';
  /** null when no unit has both a value and a positive weight total. */
  index: number | null;
  /** Units with both a value and a weight: the ones in the index. */
  included: string[];
  /** Units that reported a value but have no weight: left out, and said so. */
  withoutWeight: string[];
  /** Units with a weight but no value. */
  notReported: string[];
}

export interface UnweightedMean {
  method: 'unweighted';
  mean: number | null;
  included: string[];
  notReported: string[];
}

// A mean lies between the smallest and largest value; the final rounding of Σ/Σ can step an ulp
// outside (0.1·3/3 = 0.10000000000000002), which a reader would see as "above every province".
function withinRange(mean: number, values: readonly number[]): number {
  let lo = Infinity;
  let hi = -Infinity;
  for (const x of values) {
    lo = Math.min(lo, x);
    hi = Math.max(hi, x);
  }
  return Math.min(Math.max(mean, lo), hi);
}

function indexWeights(weights: readonly UnitWeight[]): Map<string, number | null> {
  const byUnit = indexObservations(weights.map((w) => ({ unitId: w.unitId, value: w.weight })));
  for (const [unitId, w] of byUnit) {
    if (w !== null && w < 0) throw new RangeError(`negative weight for unit ${unitId}: ${w}`);
  }
  return byUnit;
}

export function weightedIndex(obs: readonly Observation[], weights: readonly UnitWeight[]): WeightedIndex {
  const values = indexObservations(obs);
  const w = indexWeights(weights);
  const included = [...values.keys()].filter((id) => reported(values, id) !== null && reported(w, id) !== null);
  const withoutWeight = [...values.keys()].filter((id) => reported(values, id) !== null && reported(w, id) === null);
  const notReported = [...w.keys()].filter((id) => reported(w, id) !== null && reported(values, id) === null);
  const v = included.map((id) => values.get(id)!);
  const wv = included.map((id) => w.get(id)!);
  const wTotal = sum(wv);
  // A zero-weight unit contributes nothing, so it does not widen the range either.
  const weighed = v.filter((_, i) => wv[i]! > 0);
  const index = wTotal === 0 ? null : withinRange(dot(v, wv) / wTotal, weighed);
  return { method: 'weighted', index, included, withoutWeight, notReported };
}

export function unweightedMean(obs: readonly Observation[]): UnweightedMean {
  const values = indexObservations(obs);
  const included = [...values.keys()].filter((id) => reported(values, id) !== null);
  const notReported = [...values.keys()].filter((id) => reported(values, id) === null);
  const v = included.map((id) => values.get(id)!);
  const mean = v.length === 0 ? null : withinRange(sum(v) / v.length, v);
  return { method: 'unweighted', mean, included, notReported };
}
