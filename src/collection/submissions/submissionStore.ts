// SQL of submissions and their entries. Row locks on PostgreSQL serialise the saves and transitions of
// one report; SQLite has one writer.
import { sql, type Insertable, type Kysely, type QueryCreator, type Selectable, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { AuditLogTable } from '../../access/schema.ts';
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

/** The cells a save touches, as the entries' keys. */
export type CellKey = Pick<EntryWrite, 'indicator_id' | 'breakdown_id' | 'period' | 'measure'>;

const cellsFilter = (alias: string, cells: CellKey[]) =>
  sql<boolean>`(${sql.ref(`${alias}.indicator_id`)}, ${sql.ref(`${alias}.breakdown_id`)}, ${sql.ref(`${alias}.period`)}, ${sql.ref(`${alias}.measure`)}) in (${sql.join(
    cells.map((c) => sql`(${c.indicator_id}, ${c.breakdown_id}, ${c.period}, ${c.measure})`),
  )})`;

/**
 * A save's first step: the report row-locked (its updated_at moved) and the entries of the given cells,
 * or null when the report does not exist yet. On PostgreSQL one statement does both: the lock and the
 * read cost one round trip. Its read sees the rows committed when the statement began; a save that
 * committed while this one waited for the lock is therefore not seen, but the versioned write that
 * follows notices it (fewer rows written) and the save is refused, never applied over it. Saves of one
 * report in one process are queued (reportQueue.ts), so that wait happens only across processes.
 */
export async function lockWithCells(trx: Transaction<Database>, k: SubmissionKey, cells: CellKey[], postgres: boolean):
  Promise<{ sub: SubmissionRow; entries: EntryRow[] } | null> {
  const at = new Date().toISOString();
  const touch = (db: QueryCreator<Database>) => db.updateTable('submission').set({ updated_at: at })
    .where('dataset_id', '=', k.datasetId).where('unit_id', '=', k.unitId).where('period', '=', k.period);
  if (!postgres) {
    const sub = await touch(trx).returningAll().executeTakeFirst();
    return sub ? { sub, entries: await cellEntries(trx, sub.id, cells) } : null;
  }
  const rows = await trx.with('s', (db) => touch(db).returningAll())
    .selectFrom('s').leftJoin('submission_entry as e', (j) => j.onRef('e.submission_id', '=', 's.id').on(cellsFilter('e', cells)))
    .selectAll('s')
    .select(['e.indicator_id', 'e.breakdown_id', 'e.period as e_period', 'e.measure', 'e.value', 'e.comment', 'e.version as e_version', 'e.updated_at as e_updated_at', 'e.updated_by'])
    .execute();
  return rows.length ? reportWithCells(rows) : null;
}

/**
 * PostgreSQL: the report and the entries of the given cells read without a lock (one statement, no
 * transaction), for a save that then writes everything in one guarded statement (writeEntriesAtOnce).
 */
export async function readWithCells(q: Q, k: SubmissionKey, cells: CellKey[]): Promise<{ sub: SubmissionRow; entries: EntryRow[] } | null> {
  const rows = await q.selectFrom('submission as s')
    .leftJoin('submission_entry as e', (j) => j.onRef('e.submission_id', '=', 's.id').on(cellsFilter('e', cells)))
    .selectAll('s')
    .select(['e.indicator_id', 'e.breakdown_id', 'e.period as e_period', 'e.measure', 'e.value', 'e.comment', 'e.version as e_version', 'e.updated_at as e_updated_at', 'e.updated_by'])
    .where('s.dataset_id', '=', k.datasetId).where('s.unit_id', '=', k.unitId).where('s.period', '=', k.period)
    .execute();
  return rows.length ? reportWithCells(rows) : null;
}

function reportWithCells(rows: any[]): { sub: SubmissionRow; entries: EntryRow[] } {
  const r0 = rows[0]!;
  const sub: SubmissionRow = {
    id: r0.id, dataset_id: r0.dataset_id, unit_id: r0.unit_id, period: r0.period, status: r0.status, revision: r0.revision, version: r0.version,
    created_at: r0.created_at, updated_at: r0.updated_at, submitted_at: r0.submitted_at, submitted_by: r0.submitted_by, reviewed_at: r0.reviewed_at,
    reviewed_by: r0.reviewed_by, review_comment: r0.review_comment, correction_reason: r0.correction_reason, first_submitted_at: r0.first_submitted_at,
  };
  const entries = rows.filter((r) => r.indicator_id !== null).map((r) => ({
    submission_id: r0.id, indicator_id: r.indicator_id!, breakdown_id: r.breakdown_id!, period: r.e_period!, measure: r.measure!,
    value: r.value, comment: r.comment, version: r.e_version!, updated_at: r.e_updated_at!, updated_by: r.updated_by!,
  }));
  return { sub, entries };
}

/** The entries of some cells of a report. */
export async function cellEntries(q: Q, submissionId: number, cells: CellKey[]): Promise<EntryRow[]> {
  if (!cells.length) return [];
  return q.selectFrom('submission_entry as e').selectAll('e').where('e.submission_id', '=', submissionId).where(cellsFilter('e', cells)).execute();
}

/**
 * Writes every cell in one statement, each only if it is still at the version the writer saw (a new
 * cell only if nobody created it meanwhile); returns how many were written: fewer than asked means
 * someone else wrote one of them first, and the caller refuses the whole save. On PostgreSQL the audit
 * entry rides in the same statement (one round trip for both).
 */
export async function writeEntries(trx: Transaction<Database>, submissionId: number, es: EntryWrite[], by: string,
  auditRow: Insertable<AuditLogTable> | null, postgres: boolean): Promise<number> {
  const at = new Date().toISOString();
  let n = 0;
  for (let i = 0; i < es.length; i += 200) {
    const chunk = es.slice(i, i + 200);
    const upsert = (db: QueryCreator<Database>) => db.insertInto('submission_entry').values(chunk.map((e) => ({
      submission_id: submissionId, indicator_id: e.indicator_id, breakdown_id: e.breakdown_id, period: e.period, measure: e.measure,
      value: e.value, comment: e.comment, version: e.expectedVersion + 1, updated_at: at, updated_by: by,
    }))).onConflict((oc) => oc.columns(['submission_id', 'indicator_id', 'breakdown_id', 'period', 'measure'])
      .doUpdateSet((eb) => ({
        value: eb.ref('excluded.value'), comment: eb.ref('excluded.comment'), version: eb.ref('excluded.version'),
        updated_at: eb.ref('excluded.updated_at'), updated_by: eb.ref('excluded.updated_by'),
      }))
      // An existing cell is replaced only from the version the writer saw; a new one (version 1) never replaces.
      .where(sql.ref('submission_entry.version'), '=', sql<number>`excluded.version - 1`));
    const last = i + 200 >= es.length;
    if (postgres && last && auditRow) {
      const r = await trx.with('w', (db) => upsert(db).returning('submission_entry.version'))
        .insertInto('audit_log').values(auditRow).returning(sql<number>`(select count(*) from w)`.as('n')).executeTakeFirstOrThrow();
      n += Number(r.n);
      auditRow = null;
    } else {
      const r = await upsert(trx).executeTakeFirst();
      n += Number(r.numInsertedOrUpdatedRows ?? 0);
    }
  }
  if (auditRow) await trx.insertInto('audit_log').values(auditRow).execute();
  return n;
}

/** Moves the report to a new state if it is still at `expectedVersion`; false when someone moved it first. */
export async function updateSubmission(trx: Transaction<Database>, id: number, expectedVersion: number, set: Partial<Omit<SubmissionRow, 'id' | 'version'>>): Promise<boolean> {
  const r = await trx.updateTable('submission').set((eb) => ({ ...set, updated_at: new Date().toISOString(), version: eb('version', '+', 1) }))
    .where('id', '=', id).where('version', '=', expectedVersion).executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/**
 * PostgreSQL: a whole save as one statement, so one round trip and no BEGIN/COMMIT: the report's row
 * is locked and touched only if it is still in the state the save saw, every cell is written only from
 * the version the writer saw (a new cell only if nobody created it meanwhile), and the audit entry is
 * inserted. If any of that does not hold — fewer rows written than cells, or the report moved on — the
 * statement refuses itself at its end (`ct_refuse`, SQLSTATE CT409, migration 2026-11-24T0200) and,
 * being one statement, leaves nothing behind: returns false (the caller answers 409 with the cells as they are now). True when everything is
 * written.
 */
export async function writeEntriesAtOnce(q: Kysely<Database>, sub: { id: number; status: string }, es: EntryWrite[], by: string,
  auditRow: Insertable<AuditLogTable>): Promise<boolean> {
  const at = new Date().toISOString();
  const rows = sql.join(es.map((e) => sql`(${e.indicator_id}::integer, ${e.breakdown_id}::integer, ${e.period}::integer, ${e.measure}::integer, ${e.value}::double precision, ${e.comment}::text, ${e.expectedVersion + 1}::integer)`));
  const cols = Object.keys(auditRow) as (keyof typeof auditRow)[];
  try {
    await sql`WITH s AS (
        UPDATE submission SET updated_at = ${at} WHERE id = ${sub.id} AND status = ${sub.status} RETURNING id
      ), w AS (
        INSERT INTO submission_entry (submission_id, indicator_id, breakdown_id, period, measure, value, comment, version, updated_at, updated_by)
        SELECT s.id, v.indicator_id, v.breakdown_id, v.period, v.measure, v.value, v.comment, v.version, ${at}, ${by}
        FROM s CROSS JOIN (VALUES ${rows}) AS v (indicator_id, breakdown_id, period, measure, value, comment, version)
        ON CONFLICT (submission_id, indicator_id, breakdown_id, period, measure) DO UPDATE SET
          value = excluded.value, comment = excluded.comment, version = excluded.version, updated_at = excluded.updated_at, updated_by = excluded.updated_by
          WHERE submission_entry.version = excluded.version - 1
        RETURNING 1
      ), a AS (
        INSERT INTO audit_log (${sql.join(cols.map((c) => sql.ref(c)))}) VALUES (${sql.join(cols.map((c) => sql`${auditRow[c] ?? null}`))}) RETURNING 1
      )
      SELECT CASE WHEN (SELECT count(*) FROM w) = ${es.length} AND (SELECT count(*) FROM a) = 1 THEN 1
        ELSE ct_refuse('save refused: a cell or the report changed since it was read') END AS ok`.execute(q);
    return true;
  } catch (e) {
    if ((e as { code?: string }).code === 'CT409') return false; // ct_refuse: the guard above
    throw e;
  }
}
