// Rollups hold, per region × indicator × breakdown × period × measure, the sums that regional answers
// need. Every write turns into deltas on them (pure arithmetic here; the store applies them).
import type { ValueContent, ValueKey } from '../collection/valueModel.ts';
import { STATUS_CODE } from '../collection/valueModel.ts';

export interface RollupSums {
  n: number; // units with a value
  n_estimate: number; // of which estimates
  total_micro: number; // Σ round(value × 10^6): integers, so adding and removing revisions never drifts
  nw: number; // units with a value and a weight
  wsum: number; // Σ value × weight
  wtotal: number; // Σ weight
}

export interface RollupRow extends RollupSums {
  period: number;
  indicator_id: number;
  breakdown_id: number;
  measure: number;
  region_id: number;
}

export const NO_CONTRIBUTION: Readonly<RollupSums> = Object.freeze({ n: 0, n_estimate: 0, total_micro: 0, nw: 0, wsum: 0, wtotal: 0 });

/** A value in millionths of its base unit, rounded half away from zero (exact below 9·10^9 base units). */
export function toMicro(value: number): number {
  return value >= 0 ? Math.floor(value * 1e6 + 0.5) : -Math.floor(-value * 1e6 + 0.5);
}

export const fromMicro = (micro: number): number => micro / 1e6;

// A rollup row's key as one number, exact in a double: indicator < 2^12, breakdown < 2^20, measure < 2,
// region (a unit id) < 2^16 — 49 bits; national scale (hundreds of indicators, tens of thousands of
// units with the communes) stays far inside. Beyond, say so rather than let two keys collide.
function keyBase(key: Pick<ValueKey, 'indicatorId' | 'breakdownId' | 'measure'>): number {
  if (key.indicatorId >= 4096 || key.breakdownId >= 1_048_576) throw new RangeError(`rollup key out of range: indicator ${key.indicatorId}, breakdown ${key.breakdownId}`);
  return ((key.indicatorId * 1_048_576 + key.breakdownId) * 2 + key.measure) * 65_536;
}

/** The same number for a row (without its period). */
export const rollupRowKey = (r: RollupRow): number =>
  keyBase({ indicatorId: r.indicator_id, breakdownId: r.breakdown_id, measure: r.measure }) + regionPart(r.region_id);

function regionPart(region: number): number {
  if (region >= 65_536) throw new RangeError(`rollup key out of range: region ${region}`);
  return region;
}

export function contribution(c: Pick<ValueContent, 'value' | 'status'> | null, weight: number | null): RollupSums {
  if (!c || c.value === null) return NO_CONTRIBUTION;
  const weighted = weight !== null;
  return {
    n: 1,
    n_estimate: c.status === STATUS_CODE.estimate ? 1 : 0,
    total_micro: toMicro(c.value),
    nw: weighted ? 1 : 0,
    wsum: weighted ? c.value * weight : 0,
    wtotal: weighted ? weight : 0,
  };
}

/**
 * Accumulates the deltas of many value changes, one entry per rollup row touched. Keys are numbers
 * (period-wise maps of indicator, breakdown, measure and region) because bulk loads call this once
 * per value: string keys would cost more than the insert itself.
 */
export class RollupDeltaSet {
  private readonly byPeriod = new Map<number, Map<number, RollupRow>>();
  private count = 0;

  add(key: ValueKey, regions: readonly number[], before: RollupSums, after: RollupSums): void {
    if (!regions.length) return;
    const dn = after.n - before.n;
    const de = after.n_estimate - before.n_estimate;
    const dt = after.total_micro - before.total_micro;
    const dnw = after.nw - before.nw;
    const dws = after.wsum - before.wsum;
    const dwt = after.wtotal - before.wtotal;
    if (!dn && !de && !dt && !dnw && !dws && !dwt) return;
    let rows = this.byPeriod.get(key.period);
    if (!rows) this.byPeriod.set(key.period, (rows = new Map()));
    const base = keyBase(key);
    for (const region of regions) {
      const k = base + regionPart(region);
      const row = rows.get(k);
      if (row) {
        row.n += dn;
        row.n_estimate += de;
        row.total_micro += dt;
        row.nw += dnw;
        row.wsum += dws;
        row.wtotal += dwt;
      } else {
        rows.set(k, {
          period: key.period, indicator_id: key.indicatorId, breakdown_id: key.breakdownId,
          measure: key.measure, region_id: region, n: dn, n_estimate: de, total_micro: dt, nw: dnw, wsum: dws, wtotal: dwt,
        });
        this.count++;
      }
    }
  }

  /** `add` for a new value (nothing before it), without allocating: the bulk paths call this per row. */
  addNew(key: ValueKey, regions: readonly number[], value: number | null, status: number, weight: number | null): void {
    if (!regions.length || value === null) return;
    let rows = this.byPeriod.get(key.period);
    if (!rows) this.byPeriod.set(key.period, (rows = new Map()));
    const micro = toMicro(value);
    const est = status === STATUS_CODE.estimate ? 1 : 0;
    const nw = weight === null ? 0 : 1;
    const ws = weight === null ? 0 : value * weight;
    const wt = weight ?? 0;
    const base = keyBase(key);
    for (const region of regions) {
      const row = rows.get(base + regionPart(region));
      if (row) {
        row.n += 1;
        row.n_estimate += est;
        row.total_micro += micro;
        row.nw += nw;
        row.wsum += ws;
        row.wtotal += wt;
      } else {
        rows.set(base + regionPart(region), {
          period: key.period, indicator_id: key.indicatorId, breakdown_id: key.breakdownId, measure: key.measure,
          region_id: region, n: 1, n_estimate: est, total_micro: micro, nw, wsum: ws, wtotal: wt,
        });
        this.count++;
      }
    }
  }

  get size(): number {
    return this.count;
  }

  /** In primary-key order, so that concurrent writers lock rollup rows in the same order (no deadlocks). */
  sorted(): RollupRow[] {
    const out: RollupRow[] = [];
    for (const rows of this.byPeriod.values()) for (const r of rows.values()) out.push(r);
    return out.sort(
      (a, b) =>
        a.period - b.period || a.breakdown_id - b.breakdown_id || a.measure - b.measure ||
        a.indicator_id - b.indicator_id || a.region_id - b.region_id,
    );
  }

  clear(): void {
    this.byPeriod.clear();
    this.count = 0;
  }
}
