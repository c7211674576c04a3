// What people do to a report: save figures (a draft), submit, return, approve, reopen for a correction.
// Each is one transaction with its audit entry; a stale version anywhere refuses the whole action with
// the current state (never a silent overwrite); approval writes the figures into the published series.
import { audit, auditRow as auditRowOf, type AuditWho } from '../../access/audit.ts';
import { allow } from '../../access/guards.ts';
import { canReopen, canReview, canWriteProvince } from '../../access/policy.ts';
import type { Actor } from '../../access/roles.ts';
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { fromKey, periodCode } from '../../periods/period.ts';
import { UserError } from '../../server/errors.ts';
import { writeInTransaction } from '../writeValues.ts';
import type { ValueWrite } from '../valueModel.ts';
import { STATUS_CODE } from '../valueModel.ts';
import type { SubmissionStatus } from '../datasets/calendar.ts';
import { datasets } from '../datasets/datasetStore.ts';
import { loadContext } from '../validation/context.ts';
import { blocks } from '../validation/rules.ts';
import { cellKey, cellOf, cellsOf, checkCells, entryMap, type Cell, type Measure } from './cells.ts';
import { issueView } from './grid.ts';
import type { ReportRef } from './report.ts';
import * as store from './submissionStore.ts';
import type { EntryRow } from './submissionStore.ts';
import { inReportQueue, reportKey } from './reportQueue.ts';
import { transition, type WorkflowAction } from './workflow.ts';

export interface EntryInput {
  item: number;
  measure: Measure;
  value: number | null;
  /** undefined keeps the comment there is. */
  comment?: string | null;
  /** The version the person saw (0 = empty cell). */
  expectedVersion: number;
}

export interface SaveOptions {
  /** The data set version the client's grid was built from: a redefined data set refuses the save. */
  datasetVersion?: number;
  /** 'grid' (typed) or 'upload' (a file): recorded in the audit log. */
  via: 'grid' | 'upload';
  fileName?: string;
}

const conflict = (vi: string, en: string, details?: unknown) => new UserError(409, 'conflict', vi, en, details);

export async function saveEntries(db: Db, who: AuditWho & { actor: Actor }, r: ReportRef, input: EntryInput[], opts: SaveOptions) {
  const { ds, unit, period: p, ref } = r;
  allow(who.actor, canWriteProvince(who.actor, unit.id),
    'Chỉ cán bộ Sở Công Thương của tỉnh này được nhập báo cáo của tỉnh.', "Only this province's officers enter its report.");
  if (opts.datasetVersion !== undefined && opts.datasetVersion !== ds.version) {
    throw conflict('Bộ số liệu vừa được Bộ sửa; hãy tải lại phiếu nhập.', 'The data set was just redefined; reload the grid.');
  }
  const byPos = new Map(ds.items.map((i) => [i.position, i]));
  const problems: { item: number; measure: Measure; message: string; messageEn: string }[] = [];
  const cells: { cell: Cell; input: EntryInput }[] = [];
  const seen = new Set<string>();
  for (const e of input) {
    const item = byPos.get(e.item);
    if (!item || (e.measure === 'plan' && !item.withPlan)) {
      problems.push({ item: e.item, measure: e.measure, message: 'Ô này không có trong phiếu.', messageEn: 'No such cell in this report.' });
      continue;
    }
    const cell = cellOf(item, e.measure, p);
    if (seen.has(cellKey(cell))) problems.push({ item: e.item, measure: e.measure, message: 'Ô được gửi hai lần.', messageEn: 'Cell sent twice.' });
    seen.add(cellKey(cell));
    cells.push({ cell, input: e });
  }
  if (problems.length) throw new UserError(422, 'rejected', 'Không có gì được lưu: có ô không hợp lệ.', 'Nothing was saved: invalid cells.', problems);

  const postgres = db.kind === 'postgres';
  const keys = cells.map(({ cell }) => ({ indicator_id: cell.indicator_id, breakdown_id: cell.breakdown_id, period: cell.period, measure: cell.measureCode }));
  const staleConflict = (current: Map<string, EntryRow>) => conflict('Số liệu đã được người khác sửa trong lúc bạn nhập; giá trị hiện tại ở dưới, hãy xem rồi lưu lại.',
    'Someone else changed these figures while you were editing; the current values are below: review them and save again.',
    cells.filter(({ cell, input }) => (current.get(cellKey(cell))?.version ?? 0) !== input.expectedVersion).map(({ cell }) => entryView(cell, current)));
  // From the report and the current cells to what to write, or a refusal (409 stale, 422 invalid).
  const decide = async (found: { sub: store.SubmissionRow; entries: EntryRow[] }, q: Kysely<Database> | Transaction<Database>) => {
    const { sub } = found;
    const t = transition(sub.status as SubmissionStatus, 'save');
    if ('refused' in t) throw conflict(t.refused.vi, t.refused.en, { status: sub.status });
    const current = entryMap(found.entries);
    if (cells.some(({ cell, input }) => (current.get(cellKey(cell))?.version ?? 0) !== input.expectedVersion)) throw staleConflict(current);
    // What the rules compare with, read only now: a stale save (409, half the saves at a deadline) skips it.
    const ctx = await loadContext(db, ref, ds, unit.id, p, [...new Set(cells.map((c) => c.cell.item))], q);
    const merged = (c: Cell) => {
      const i = cells.find((x) => cellKey(x.cell) === cellKey(c))!.input;
      return { value: i.value, comment: i.comment === undefined ? current.get(cellKey(c))?.comment ?? null : i.comment?.trim() || null };
    };
    const issues = checkCells(ref, cells.map((c) => c.cell), merged, ctx, false);
    const errors = issues.filter((i) => i.severity === 'error');
    if (errors.length) {
      throw new UserError(422, 'invalid_values', `Không có gì được lưu: ${errors.length} lỗi.`, `Nothing was saved: ${errors.length} errors.`, errors.map(issueView));
    }
    const writes = cells.map(({ cell, input }) => ({ ...cell, measure: cell.measureCode, ...merged(cell), expectedVersion: input.expectedVersion }));
    const saved = writes.map((w, i) => ({ item: cells[i]!.cell.item.position, measure: cells[i]!.cell.measure, value: w.value, comment: w.comment, version: w.expectedVersion + 1 }));
    const auditRow = auditRowOf(who, {
      action: opts.via === 'upload' ? 'submission.upload' : 'submission.save', entity: 'submission', entityId: sub.id, provinceId: unit.id,
      before: cells.map(({ cell }) => { const v = entryView(cell, current); return { item: v.item, measure: v.measure, value: v.value, comment: v.comment, version: v.version }; }),
      after: saved, note: opts.fileName ?? null,
    });
    return { writes, auditRow, result: { submission_id: sub.id, saved, warnings: issues.filter((i) => i.severity === 'warning').map(issueView) } };
  };
  const key = { datasetId: ds.id, unitId: unit.id, period: r.key };
  try {
    return await inReportQueue(reportKey(ds.id, unit.id, r.key), async () => {
      if (postgres) {
        // PostgreSQL, a report that exists: read (one statement), decide, then write everything in one
        // guarded statement (store.writeEntriesAtOnce) — 2 round trips instead of BEGIN, lock, write, COMMIT.
        const found = await store.readWithCells(db.k, key, keys);
        if (found) {
          const d = await decide(found, db.k);
          if (!(await store.writeEntriesAtOnce(db.k, found.sub, d.writes, who.actor.username, d.auditRow))) throw new Raced(found.sub.id);
          return d.result;
        }
      }
      return db.k.transaction().execute(async (trx) => {
        // One statement locks the report and reads the cells (PostgreSQL); the first save creates the report.
        let locked = await store.lockWithCells(trx, key, keys, postgres);
        if (!locked) {
          const t = transition('not_started', 'save');
          if ('refused' in t) throw conflict(t.refused.vi, t.refused.en);
          const sub = await store.ensureSubmission(trx, key, postgres);
          locked = { sub, entries: await store.cellEntries(trx, sub.id, keys) };
        }
        const d = await decide(locked, trx);
        // Fewer rows written than cells: someone else wrote one between our read and our write.
        if ((await store.writeEntries(trx, locked.sub.id, d.writes, who.actor.username, d.auditRow, postgres)) !== d.writes.length) throw new Raced(locked.sub.id);
        return d.result;
      });
    });
  } catch (e) {
    // Nothing was written (the transaction or the one statement rolled back): answer with the cells as they are now.
    if (e instanceof Raced) throw staleConflict(entryMap(await store.cellEntries(db.k, e.submissionId, keys)));
    throw e;
  }
}

/** A cell as the person saving should see it now. */
function entryView(c: Cell, current: Map<string, EntryRow>) {
  const e = current.get(cellKey(c));
  return { item: c.item.position, measure: c.measure, value: e?.value ?? null, comment: e?.comment ?? null, version: e?.version ?? 0, updated_by: e?.updated_by ?? null, updated_at: e?.updated_at ?? null };
}

class Raced extends Error {
  constructor(readonly submissionId: number) {
    super('raced');
  }
}

/** Loads the report behind a submission id, for the actions that name it by id. */
export async function reportOfSubmission(db: Db, id: number) {
  const sub = await store.findSubmission(db.k, { id });
  if (!sub) throw new UserError(404, 'not_found', 'Không tìm thấy báo cáo.', 'Report not found.');
  const ds = (await datasets(db)).find((d) => d.id === sub.dataset_id)!;
  return { sub, ds };
}

const needText = (s: string | undefined | null, vi: string, en: string): string => {
  const t = s?.trim();
  if (!t) throw new UserError(422, 'comment_required', vi, en);
  return t.slice(0, 4000);
};

/** submit | return | approve | reopen, each from the state it may start from, at the version seen. */
export async function act(db: Db, who: AuditWho & { actor: Actor }, r: ReportRef, id: number, action: Exclude<WorkflowAction, 'save'>,
  expectedVersion: number, comment?: string | null) {
  const { ds, unit, period: p, ref } = r;
  const allowed = action === 'submit' ? canWriteProvince(who.actor, unit.id)
    : action === 'reopen' ? canReopen(who.actor, unit.id, ds.ministryUnitId) : canReview(who.actor, ds.ministryUnitId);
  allow(who.actor, allowed,
    action === 'submit' ? 'Chỉ cán bộ Sở Công Thương của tỉnh này được gửi báo cáo của tỉnh.' : 'Chỉ Bộ (hoặc đơn vị được giao bộ số liệu) được duyệt, trả lại báo cáo.',
    action === 'submit' ? "Only this province's officers submit its report." : 'Only the ministry (or the unit the data set is assigned to) reviews reports.');
  const text = action === 'return' ? needText(comment, 'Trả lại cần ghi rõ lý do để tỉnh sửa.', 'A return needs a comment for the province.')
    : action === 'reopen' ? needText(comment, 'Đính chính số đã duyệt cần ghi lý do.', 'Correcting approved figures needs a reason.')
    : comment?.trim() || null;
  const ctx = action === 'submit' ? await loadContext(db, ref, ds, unit.id, p, ds.items) : null;

  return inReportQueue(reportKey(ds.id, unit.id, r.key), () => db.k.transaction().execute(async (trx) => {
    const sub = await store.findSubmission(trx, { id }, db.kind === 'postgres');
    if (!sub) throw new UserError(404, 'not_found', 'Không tìm thấy báo cáo.', 'Report not found.');
    const t = transition(sub.status as SubmissionStatus, action);
    if ('refused' in t) throw conflict(t.refused.vi, t.refused.en, { status: sub.status, version: sub.version });
    if (sub.version !== expectedVersion) {
      throw conflict('Báo cáo vừa được người khác thao tác; hãy tải lại.', 'Someone else just acted on this report; reload it.', { status: sub.status, version: sub.version });
    }
    const now = new Date().toISOString();
    const entries = await store.entriesOf(trx, id);
    let after: Record<string, unknown> = { status: t.to };
    if (action === 'submit') {
      const map = entryMap(entries);
      const issues = checkCells(ref, cellsOf(ds, p), (c) => ({ value: map.get(cellKey(c))?.value ?? null, comment: map.get(cellKey(c))?.comment ?? null }), ctx!, true);
      const blocking = issues.filter(blocks);
      if (blocking.length) {
        throw new UserError(422, 'invalid_values',
          `Chưa gửi được: ${blocking.filter((i) => i.severity === 'error').length} lỗi và ${blocking.filter((i) => i.severity === 'warning').length} cảnh báo chưa có ghi chú.`,
          `Not submitted: ${blocking.filter((i) => i.severity === 'error').length} errors and ${blocking.filter((i) => i.severity === 'warning').length} warnings without a comment.`,
          blocking.map(issueView));
      }
    }
    const set = action === 'submit' ? { status: t.to, submitted_at: now, submitted_by: who.actor.username, first_submitted_at: sub.first_submitted_at ?? now }
      : action === 'reopen' ? { status: t.to, revision: sub.revision + 1, correction_reason: text, reviewed_at: null, reviewed_by: null, review_comment: null }
      : { status: t.to, reviewed_at: now, reviewed_by: who.actor.username, review_comment: text };
    if (!(await store.updateSubmission(trx, id, expectedVersion, set))) {
      throw conflict('Báo cáo vừa được người khác thao tác; hãy tải lại.', 'Someone else just acted on this report; reload it.');
    }
    if (action === 'approve') {
      // Published now: the entries become values (revisions kept, rollups moved) in this transaction.
      const writes: ValueWrite[] = entries.filter((e) => e.value !== null).map((e) => ({
        period: e.period, indicatorId: e.indicator_id, breakdownId: e.breakdown_id, unitId: unit.id, measure: e.measure, value: e.value,
        status: e.measure === 1 ? STATUS_CODE.plan : STATUS_CODE.official, growthPct: null, pctOfPlan: null, qualifier: null, note: e.comment, allowDowngrade: true,
      }));
      const res = await writeInTransaction(trx, db.kind === 'postgres', ref, writes, {
        actor: who.actor.username, kind: sub.revision > 1 ? 'correction' : 'approval', sourceDocument: `submission:${id}`,
        note: sub.revision > 1 ? `Đính chính / correction: ${sub.correction_reason ?? ''}` : text,
      });
      after = { ...after, change_set: res.changeSetId, inserted: res.inserted, updated: res.updated, unchanged: res.unchanged };
    }
    await audit(trx, who, {
      action: `submission.${action}`, entity: 'submission', entityId: id, provinceId: unit.id, note: text,
      before: { status: sub.status, version: sub.version, revision: sub.revision }, after: { ...after, version: sub.version + 1, period: periodCode(fromKey(sub.period)) },
    });
    return { id, status: t.to, version: sub.version + 1, ...after };
  }));
}
