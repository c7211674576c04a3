// SQL of the rollups: apply deltas, read regional sums.
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import type { RollupRow } from './rollupDeltas.ts';

type Q = Kysely<Database> | Transaction<Database>;
const KEY = ['period', 'breakdown_id', 'measure', 'indicator_id', 'region_id'] as const;
const CHUNK = 500; // 11 parameters a row stays far below SQLite's variable limit

export async function applyRollupDeltas(q: Q, rows: RollupRow[]): Promise<void> {
  for (let i = 0; i < rows.length; i += CHUNK) {
    await q
      .insertInto('rollup')
      .values(rows.slice(i, i + CHUNK))
      .onConflict((oc) =>
        oc.columns([...KEY]).doUpdateSet((eb) => ({
          n: eb('rollup.n', '+', eb.ref('excluded.n')),
          n_estimate: eb('rollup.n_estimate', '+', eb.ref('excluded.n_estimate')),
          total_micro: eb('rollup.total_micro', '+', eb.ref('excluded.total_micro')),
          nw: eb('rollup.nw', '+', eb.ref('excluded.nw')),
          wsum: eb('rollup.wsum', '+', eb.ref('excluded.wsum')),
          wtotal: eb('rollup.wtotal', '+', eb.ref('excluded.wtotal')),
        })),
      )
      .execute();
  }
}

export interface RollupQuery {
  periods: number[];
  measure?: number;
  breakdownId?: number;
  indicatorIds?: number[];
  regionIds?: number[];
}

export async function readRollups(q: Q, f: RollupQuery): Promise<RollupRow[]> {
  if (!f.periods.length) return [];
  let s = q
    .selectFrom('rollup')
    .selectAll()
    .where('period', 'in', f.periods)
    .where('breakdown_id', '=', f.breakdownId ?? 0);
  if (f.measure !== undefined) s = s.where('measure', '=', f.measure);
  if (f.indicatorIds) s = s.where('indicator_id', 'in', f.indicatorIds.length ? f.indicatorIds : [-1]);
  if (f.regionIds) s = s.where('region_id', 'in', f.regionIds.length ? f.regionIds : [-1]);
  return s.execute();
}
