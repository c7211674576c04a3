// Writing values: all-or-nothing, every superseded revision kept, concurrent edits detected, and the
// regional rollups moved in the same transaction so the next answer already includes the write.
import type { Transaction } from 'kysely';
import { applyRollupDeltas } from '../analytics/rollupRepository.ts';
import { contribution, RollupDeltaSet } from '../analytics/rollupDeltas.ts';
import { reference, type Reference } from '../catalogue/reference.ts';
import { noteStoreChanged } from '../analytics/answerCache.ts';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import { decideWrite, keyOf, type ValueRecord, type ValueWrite, type WriteProblem } from './valueModel.ts';
import * as repo from './valueRepository.ts';

export interface ChangeContext {
  actor: string;
  kind: string; // 'edit', 'import', 'seed', 'extraction', 'bulk', ...
  sourceDocument?: string | null;
  sourceQuote?: string | null;
  note?: string | null;
}

export interface WriteResult {
  changeSetId: number | null;
  inserted: number;
  updated: number;
  deleted: number;
  unchanged: number;
  versions: number[]; // the version each write now has (0 after a delete)
}

/** Raised when any write is refused; nothing was stored. */
export class WriteRejected extends Error {
  constructor(readonly problems: WriteProblem[]) {
    super(`${problems.length} số liệu bị từ chối / ${problems.length} values refused: ${problems[0]?.messageEn ?? ''}`);
  }
}

/** `alongside`: more writes in the same transaction (the audit entry), so neither lands without the other. */
export async function writeValues(
  db: Db, writes: ValueWrite[], ctx: ChangeContext,
  alongside?: (trx: Transaction<Database>, result: WriteResult) => Promise<void>,
): Promise<WriteResult> {
  const ref = await reference(db);
  const result = await db.k.transaction().execute(async (trx) => {
    const r = await writeInTransaction(trx, db.kind === 'postgres', ref, writes, ctx);
    await alongside?.(trx, r);
    return r;
  });
  noteStoreChanged(db); // after the commit: cached answers from now on see these values
  return result;
}

export async function writeInTransaction(
  trx: Transaction<Database>,
  lock: boolean,
  ref: Reference,
  writes: ValueWrite[],
  ctx: ChangeContext,
): Promise<WriteResult> {
  const duplicates = findDuplicateKeys(writes);
  if (duplicates.length) throw new WriteRejected(duplicates);
  const existing = new Map((await repo.findCurrent(trx, writes, lock)).map((r) => [keyOf(r), r]));
  const decisions = writes.map((w, i) => decideWrite(i, w, existing.get(keyOf(w)) ?? null));
  const problems = decisions.flatMap((d) => (d.kind === 'problem' ? [d.problem] : []));
  if (problems.length) throw new WriteRejected(problems);

  const result: WriteResult = { changeSetId: null, inserted: 0, updated: 0, deleted: 0, unchanged: 0, versions: [] };
  const changed = decisions.filter((d) => d.kind !== 'unchanged').length;
  if (changed === 0) {
    result.unchanged = writes.length;
    result.versions = writes.map((w) => existing.get(keyOf(w))?.version ?? 0);
    return result;
  }
  const cs = await repo.createChangeSet(trx, { ...ctx, rows: changed });
  result.changeSetId = cs;
  const inserts = [];
  const superseded: ValueRecord[] = [];
  const deltas = new RollupDeltaSet();
  for (let i = 0; i < writes.length; i++) {
    const w = writes[i]!;
    const d = decisions[i]!;
    const before = d.kind === 'update' || d.kind === 'delete' ? d.before : null;
    if (d.kind === 'unchanged') {
      result.unchanged++;
      result.versions.push(existing.get(keyOf(w))!.version);
      continue;
    }
    const weight = ref.weightOf(w.unitId, w.indicatorId);
    const after = d.kind === 'delete' ? null : w;
    deltas.add(w, ref.regionsOf(w.unitId, w.period), contribution(before, weight), contribution(after, weight));
    if (before) superseded.push(before);
    if (d.kind === 'insert') {
      inserts.push(repo.toRow({ ...w, version: 1, changeSetId: cs }));
      result.inserted++;
      result.versions.push(1);
    } else if (d.kind === 'update') {
      await repo.updateValue(trx, w, before!.version + 1, cs);
      result.updated++;
      result.versions.push(before!.version + 1);
    } else {
      await repo.deleteValue(trx, w);
      result.deleted++;
      result.versions.push(0);
    }
  }
  await repo.archiveValues(trx, superseded, cs);
  await repo.insertValues(trx, inserts);
  await applyRollupDeltas(trx, deltas.sorted());
  return result;
}

function findDuplicateKeys(writes: ValueWrite[]): WriteProblem[] {
  const seen = new Map<string, number>();
  const out: WriteProblem[] = [];
  writes.forEach((w, i) => {
    const k = keyOf(w);
    const first = seen.get(k);
    if (first !== undefined) {
      out.push({
        index: i, code: 'conflict',
        messageVi: `Trùng với dòng ${first + 1}: cùng đơn vị, chỉ tiêu, phân tổ và kỳ.`,
        messageEn: `Duplicates row ${first + 1}: same unit, indicator, breakdown and period.`,
      });
    } else seen.set(k, i);
  });
  return out;
}
