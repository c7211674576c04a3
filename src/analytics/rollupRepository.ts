// SQL of the rollups: apply deltas, read regional sums.
import type { Kysely, Transaction } from 'kysely';
import type BetterSqlite3 from 'better-sqlite3';
import type { Database } from '../db/schema.ts';
import type { Db } from '../db/database.ts';
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

/** A rollup row as the pivot reads it: [period, measure, indicator_id, region_id, n, n_estimate, total_micro, wsum, wtotal]. */
export type PivotRollup = [number, number, number, number, number, number, number, number, number];

const PIVOT_COLUMNS = 'period, measure, indicator_id, region_id, n, n_estimate, total_micro, wsum, wtotal';
// Values of the period and of the same period last year, plans of the year: three primary-key ranges.
const PIVOT_SQL = (p: (i: number) => string) =>
  `SELECT ${PIVOT_COLUMNS} FROM rollup WHERE period = ${p(1)} AND breakdown_id = ${p(4)} AND measure = 0
   UNION ALL SELECT ${PIVOT_COLUMNS} FROM rollup WHERE period = ${p(2)} AND breakdown_id = ${p(4)} AND measure = 0
   UNION ALL SELECT ${PIVOT_COLUMNS} FROM rollup WHERE period = ${p(3)} AND breakdown_id = ${p(4)} AND measure = 1`;
const sqlitePivot = new WeakMap<Db, BetterSqlite3.Statement>();

/**
 * The pivot's read, through the driver: only the columns it uses, as arrays, with a statement prepared
 * once per store (SQLite) or per connection (PostgreSQL). Row materialisation is most of a pivot's
 * cost, so this path skips Kysely's per-call compilation and per-row objects.
 */
export async function readPivotRollups(db: Db, cur: number, prev: number, planYear: number, breakdownId: number): Promise<PivotRollup[]> {
  if (db.raw.kind === 'sqlite') {
    let st = sqlitePivot.get(db);
    if (!st) sqlitePivot.set(db, (st = db.raw.sqlite.prepare(PIVOT_SQL((i) => ['', '@cur', '@prev', '@plan', '@breakdown'][i]!)).raw(true)));
    return st.all({ cur, prev, plan: planYear, breakdown: breakdownId }) as PivotRollup[];
  }
  const res = await db.raw.pool.query({
    name: 'pivot_rollups', text: PIVOT_SQL((i) => `$${i}`), values: [cur, prev, planYear, breakdownId], rowMode: 'array',
  });
  return res.rows as PivotRollup[];
}
