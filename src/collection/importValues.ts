// Importing values from people and files: every row is checked and resolved first; if any row has a
// problem nothing is written and the user gets one error per row and field. Otherwise all rows are
// written in one transaction (revisions kept, rollups moved).
import type { Transaction } from 'kysely';
import type { Database } from '../db/schema.ts';
import { reference } from '../catalogue/reference.ts';
import type { Db } from '../db/database.ts';
import { ensureBreakdowns, loadBreakdownResolver } from './breakdowns.ts';
import { bulkLoad } from './bulk/bulkLoad.ts';
import { resolveInput, type ResolvedInput } from './resolveInput.ts';
import { catalogueUnitConverter } from './units.ts';
import { valueInputSchema, type FieldError } from './valueInput.ts';
import type { ValueWrite } from './valueModel.ts';
import { writeValues, WriteRejected, type ChangeContext, type WriteResult } from './writeValues.ts';

export class ImportRejected extends Error {
  constructor(readonly errors: FieldError[]) {
    super(`${errors.length} lỗi, không có gì được ghi / ${errors.length} errors, nothing was written`);
  }
}

export interface ImportOptions {
  /** Use the bulk path (large files from the CLI): appends at the engine's bulk speed. */
  bulk?: boolean;
  onProgress?: (done: number) => void;
  /** Stop collecting after this many errors (the rest are still checked for the count). */
  maxErrors?: number;
  /** Asked with the resolved writes before anything is written (scope, locks); throws to refuse. */
  authorize?: (writes: ValueWrite[]) => Promise<void>;
  /** Written in the values' own transaction (the audit entry); not on the bulk path. */
  alongside?: (trx: Transaction<Database>, result: ImportResult) => Promise<void>;
}

export interface ImportResult {
  rows: number;
  changeSetId: number | null;
  inserted: number;
  updated: number;
  unchanged: number;
  deleted: number;
}

/** Checks rows and resolves them to writes; throws ImportRejected with every problem found. */
export async function prepareWrites(db: Db, rows: unknown[], maxErrors = 1000): Promise<ValueWrite[]> {
  const [ref, dims] = [await reference(db), await loadBreakdownResolver(db)];
  const conv = catalogueUnitConverter();
  const errors: FieldError[] = [];
  const resolved: ResolvedInput[] = [];
  rows.forEach((raw, i) => {
    const row = i + 1;
    const parsed = valueInputSchema.safeParse(raw);
    if (!parsed.success) {
      for (const issue of parsed.error.issues) {
        errors.push({ row, field: issue.path.join('.') || '(dòng)', messageVi: `Dữ liệu không hợp lệ: ${issue.message}`, messageEn: issue.message });
      }
      return;
    }
    const r = resolveInput(ref, conv, dims, parsed.data, row);
    if ('errors' in r) errors.push(...r.errors);
    else resolved.push(r.ok);
  });
  if (errors.length) throw new ImportRejected(errors.slice(0, maxErrors));
  const ids = await ensureBreakdowns(db, dims, resolved.map((r) => r.breakdownSignature));
  return resolved.map((r) => ({ ...r.write, breakdownId: ids.get(r.breakdownSignature)! }));
}

export async function importValues(db: Db, rows: unknown[], ctx: ChangeContext, opts: ImportOptions = {}): Promise<ImportResult> {
  const writes = await prepareWrites(db, rows, opts.maxErrors);
  await opts.authorize?.(writes);
  try {
    if (opts.bulk) {
      const batches = chunks(writes, 20_000);
      const r = await bulkLoad(db, batches, ctx, { onProgress: opts.onProgress });
      return { rows: writes.length, changeSetId: r.changeSetId, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, deleted: 0 };
    }
    const summary = (r: WriteResult): ImportResult =>
      ({ rows: writes.length, changeSetId: r.changeSetId, inserted: r.inserted, updated: r.updated, unchanged: r.unchanged, deleted: r.deleted });
    const alongside = opts.alongside;
    const r: WriteResult = await writeValues(db, writes, ctx, alongside && ((trx, w) => alongside(trx, summary(w))));
    return summary(r);
  } catch (e) {
    if (e instanceof WriteRejected) {
      throw new ImportRejected(e.problems.map((p) => ({ row: p.index + 1, field: 'value', messageVi: p.messageVi, messageEn: p.messageEn })));
    }
    throw e;
  }
}

function* chunks<T>(xs: T[], n: number): Generator<T[]> {
  for (let i = 0; i < xs.length; i += n) yield xs.slice(i, i + n);
}
