// Bulk ingest of values (CLI imports, the national-scale generator): one all-or-nothing transaction,
// new values appended at the engine's own bulk speed, existing ones revised with their history kept,
// and the rollups moved batch by batch so a query right after the load already sees every value.
import { reference, type Reference } from '../../catalogue/reference.ts';
import { noteStoreChanged } from '../../analytics/answerCache.ts';
import type { Db } from '../../db/database.ts';
import type { ValueWrite } from '../valueModel.ts';
import type { ChangeContext } from '../writeValues.ts';
import { sqliteBulkLoad } from './sqliteBulk.ts';
import { postgresBulkLoad } from './postgresBulk.ts';

export type Batches = Iterable<ValueWrite[]> | AsyncIterable<ValueWrite[]>;

export interface BulkResult {
  changeSetId: number;
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface BulkOptions {
  onProgress?: (rowsDone: number) => void;
  /** Pending rollup rows that trigger a write (ROLLUP_FLUSH_ROWS; tests make it small). */
  rollupFlushRows?: number;
}

export interface BulkEngine {
  (db: Db, ref: Reference, batches: Batches, ctx: ChangeContext, opts: BulkOptions): Promise<BulkResult>;
}

export async function bulkLoad(db: Db, batches: Batches, ctx: ChangeContext, opts: BulkOptions = {}): Promise<BulkResult> {
  const ref = await reference(db);
  try {
    return await (db.kind === 'sqlite' ? sqliteBulkLoad(db, ref, batches, ctx, opts) : postgresBulkLoad(db, ref, batches, ctx, opts));
  } finally {
    noteStoreChanged(db);
  }
}

/**
 * Rollup deltas are held across batches and written when this many rows are pending (and at the end):
 * a load arriving period by period then writes each rollup row about once instead of once per batch.
 * ≈ 150 bytes a row: the bound keeps the held deltas under ≈ 40 MB.
 */
export const ROLLUP_FLUSH_ROWS = 250_000;

export const VALUE_COLUMNS = [
  'period', 'indicator_id', 'breakdown_id', 'unit_id', 'measure', 'value', 'status', 'growth_pct',
  'pct_of_plan', 'qualifier', 'note', 'version', 'change_set_id',
] as const;
