// SQL of submissions and their entries. Row locks on PostgreSQL serialise the saves and transitions of
// one report; SQLite has one writer.
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { SubmissionEntryTable, SubmissionTable } from '../workflowSchema.ts';

type Q = Kysely<Database> | Transaction<Database>;
export type SubmissionRow = Selectable<SubmissionTable>;
export type EntryRow = Selectable<SubmissionEntryTable>;

export interface SubmissionKey {
  datasetId: number;
  unitId: number;
  period: number;
}

export async function findSubmission(q: Q, by: { id: number } | SubmissionKey, lock = false): Promise<SubmissionRow | null> {
  let s = q.selectFrom('submission').selectAll();
  s = 'id' in by ? s.where('id', '=', by.id)
    : s.where('dataset_id', '=', by.datasetId).where('unit_id', '=', by.unitId).where('period', '=', by.period);
  if (lock) s = s.forUpdate();
  return (await s.executeTakeFirst()) ?? null;
}

/** The report, created as a draft if it does not exist yet (concurrent first saves create one). */
export async function ensureSubmission(trx: Transaction<Database>, k: SubmissionKey, lock: boolean): Promise<SubmissionRow> {
  const found = await findSubmission(trx, k, lock);
  if (found) return found;
  const at = new Date().toISOString();
  await trx.insertInto('submission').values({
    dataset_id: k.datasetId, unit_id: k.unitId, period: k.period, status: 'draft', created_at: at, updated_at: at,
    submitted_at: null, submitted_by: null, reviewed_at: null, reviewed_by: null, review_comment: null, correction_reason: null, first_submitted_at: null,
  }).onConflict((oc) => oc.columns(['dataset_id', 'unit_id', 'period']).doNothing()).execute();
  return (await findSubmission(trx, k, lock))!;
}

/** The report, row-locked and its updated_at moved in one statement (a save's first step), or null. */
export async function lockAndTouch(trx: Transaction<Database>, k: SubmissionKey): Promise<SubmissionRow | null> {
  const r = await trx.updateTable('submission').set({ updated_at: new Date().toISOString() })
    .where('dataset_id', '=', k.datasetId).where('unit_id', '=', k.unitId).where('period', '=', k.period)
    .returningAll().executeTakeFirst();
  return r ?? null;
}

export async function entriesOf(q: Q, submissionId: number): Promise<EntryRow[]> {
  return q.selectFrom('submission_entry').selectAll().where('submission_id', '=', submissionId).execute();
}

export const entryKey = (e: { indicator_id: number; breakdown_id: number; period: number; measure: number }) =>
  `${e.indicator_id}|${e.breakdown_id}|${e.period}|${e.measure}`;

export interface EntryWrite {
  indicator_id: number;
  breakdown_id: number;
  period: number;
  measure: number;
  value: number | null;
  comment: string | null;
  expectedVersion: number;
}

/** Writes one entry if it is still at the version the writer saw; false when it is not. */
export async function writeEntry(trx: Transaction<Database>, submissionId: number, e: EntryWrite, by: string): Promise<boolean> {
  const at = new Date().toISOString();
  if (e.expectedVersion === 0) {
    const r = await trx.insertInto('submission_entry').values({
      submission_id: submissionId, indicator_id: e.indicator_id, breakdown_id: e.breakdown_id, period: e.period, measure: e.measure,
      value: e.value, comment: e.comment, version: 1, updated_at: at, updated_by: by,
    }).onConflict((oc) => oc.columns(['submission_id', 'indicator_id', 'breakdown_id', 'period', 'measure']).doNothing()).executeTakeFirst();
    return Number(r.numInsertedOrUpdatedRows ?? 0) === 1;
  }
  const r = await trx.updateTable('submission_entry')
    .set({ value: e.value, comment: e.comment, version: e.expectedVersion + 1, updated_at: at, updated_by: by })
    .where('submission_id', '=', submissionId).where('indicator_id', '=', e.indicator_id).where('breakdown_id', '=', e.breakdown_id)
    .where('period', '=', e.period).where('measure', '=', e.measure).where('version', '=', e.expectedVersion)
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Inserts entries first saved now, in one statement; returns how many went in (fewer when someone
 *  else inserted one of them first: the caller refuses the save). */
export async function insertEntries(trx: Transaction<Database>, submissionId: number, es: EntryWrite[], by: string): Promise<number> {
  if (!es.length) return 0;
  const at = new Date().toISOString();
  let n = 0;
  for (let i = 0; i < es.length; i += 200) {
    const r = await trx.insertInto('submission_entry').values(es.slice(i, i + 200).map((e) => ({
      submission_id: submissionId, indicator_id: e.indicator_id, breakdown_id: e.breakdown_id, period: e.period, measure: e.measure,
      value: e.value, comment: e.comment, version: 1, updated_at: at, updated_by: by,
    }))).onConflict((oc) => oc.columns(['submission_id', 'indicator_id', 'breakdown_id', 'period', 'measure']).doNothing()).executeTakeFirst();
    n += Number(r.numInsertedOrUpdatedRows ?? 0);
  }
  return n;
}

/** Moves the report to a new state if it is still at `expectedVersion`; false when someone moved it first. */
export async function updateSubmission(trx: Transaction<Database>, id: number, expectedVersion: number, set: Partial<Omit<SubmissionRow, 'id' | 'version'>>): Promise<boolean> {
  const r = await trx.updateTable('submission').set((eb) => ({ ...set, updated_at: new Date().toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}
