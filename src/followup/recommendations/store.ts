// Recommendations' thin store. Every change runs the status machine (status.ts) on the current
// state inside one transaction, bumps the version (a concurrent change makes the second one fail
// with 409), and appends to the recommendation's event log.
import type { Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { UserError } from '../../server/errors.ts';
import { richTextToPlain, sanitizeRichText } from '../../conferences/richText.ts';
import { findConference } from '../../conferences/store.ts';
import { lookup, ministryBySlug, regionsOfOn, unitBySlug } from '../../conferences/lookup.ts';
import { apply, TransitionRefused, type RecAction, type RecStatus } from './status.ts';
import type { RecommendationInput, RecommendationQuery } from './input.ts';
import { vietnamToday } from '../dates.ts';
import type { z } from 'zod';
import type { assignSchema, closeSchema } from './input.ts';
import { writeAudit, type AuditNote } from '../../conferences/audit.ts';
import type { RecommendationScope } from '../policy.ts';

type Tx = Transaction<Database>;
export type RecRow = Awaited<ReturnType<typeof getRecommendationRow>>;
export type AssignmentRow = Awaited<ReturnType<typeof assignmentsOf>>[number];

export async function createRecommendation(
  db: Db, r: RecommendationInput, by: string, opts: { via: 'province' | 'session'; origin?: 'user' | 'seed'; submittedAt?: string; audit?: AuditNote },
): Promise<number> {
  const l = await lookup(db);
  const conf = r.conference !== undefined && r.conference !== null ? await findConference(db, r.conference) : undefined;
  if (r.conference != null && !conf) throw new UserError(422, 'unknown_conference', `Không có hội nghị "${r.conference}".`, `No conference "${r.conference}".`);
  const province = r.province ? unitBySlug(l, r.province, 'province') : null;
  if (opts.via === 'province' && !province) throw new UserError(422, 'province_required', 'Cần ghi tỉnh, thành phố kiến nghị.', 'The submitting province is required.');
  const submittedAt = opts.submittedAt ?? new Date().toISOString();
  let regionId = conf?.region_id ?? (r.region ? unitBySlug(l, r.region, 'region').id : null);
  if (regionId === null && province) regionId = regionsOfOn(l, province.id, submittedAt.slice(0, 10))[0]?.id ?? null;
  if (conf && province && !regionsOfOn(l, province.id, conf.starts_on ?? `${conf.year}-07-01`).some((g) => g.id === conf.region_id)) {
    throw new UserError(422, 'not_a_member', 'Tỉnh không thuộc vùng của hội nghị này.', 'The province is not a member of this conference\'s region.');
  }
  return db.k.transaction().execute(async (tx) => {
    const row = await tx.insertInto('recommendation').values({
      conference_id: conf?.id ?? null, region_id: regionId, province_unit_id: province?.id ?? null, via: opts.via,
      field: r.field, title: r.title.trim(), body: sanitizeRichText(r.body), status: 'submitted', submitted_at: submittedAt, submitted_by: by,
      closed_at: null, close_reason: null, close_note: null, origin: opts.origin ?? 'user', source: r.source ? JSON.stringify(r.source) : null,
      updated_at: submittedAt,
    }).returning('id').executeTakeFirstOrThrow();
    await event(tx, row.id, by, 'submitted', null, submittedAt);
    await writeAudit(tx, opts.audit, { entityId: row.id, after: { status: 'submitted', via: opts.via, province: province?.slug ?? null, conference: conf?.slug ?? null, field: r.field, title: r.title.trim() } });
    return row.id;
  });
}

async function event(tx: Tx, id: number, actor: string, action: string, note: string | null, at = new Date().toISOString()) {
  await tx.insertInto('recommendation_event').values({ recommendation_id: id, at, actor, action, note }).execute();
}

export async function getRecommendationRow(db: Db | Tx, id: number) {
  const k = 'k' in db ? db.k : db;
  const r = await k.selectFrom('recommendation').selectAll().where('id', '=', id).executeTakeFirst();
  if (!r) throw new UserError(404, 'not_found', `Không tìm thấy kiến nghị #${id}.`, `Recommendation #${id} not found.`);
  return r;
}

export async function assignmentsOf(db: Db | Tx, ids: number[]) {
  if (!ids.length) return [];
  const k = 'k' in db ? db.k : db;
  return k.selectFrom('recommendation_assignment').selectAll().where('recommendation_id', 'in', ids).orderBy('id').execute();
}

export async function eventsOf(db: Db, id: number) {
  return db.k.selectFrom('recommendation_event').selectAll().where('recommendation_id', '=', id).orderBy('id').execute();
}

/** Runs one action: reads the state, applies the machine, lets `write` persist, checks the version. */
async function transition(
  db: Db, id: number, action: RecAction | ((assignments: AssignmentRow[]) => RecAction),
  write: (tx: Tx, next: RecStatus, cur: Awaited<ReturnType<typeof getRecommendationRow>>, assignments: AssignmentRow[]) => Promise<void>,
  log: { actor: string; action: string; note?: string | null; audit?: AuditNote }, expectedVersion?: number,
) {
  return db.k.transaction().execute(async (tx) => {
    const cur = await getRecommendationRow(tx, id);
    if (expectedVersion !== undefined && expectedVersion !== cur.version) throw stale(cur.version);
    const assignments = await assignmentsOf(tx, [id]);
    const act = typeof action === 'function' ? action(assignments) : action;
    let next: RecStatus;
    try {
      next = apply({ status: cur.status as RecStatus, assignments: assignments.map((a) => ({ answered: a.answered_at !== null })) }, act).status;
    } catch (e) {
      if (e instanceof TransitionRefused) throw new UserError(409, 'invalid_transition', e.vi, e.en);
      throw e;
    }
    await write(tx, next, cur, assignments);
    const res = await tx.updateTable('recommendation').set({ status: next, version: cur.version + 1, updated_at: new Date().toISOString() })
      .where('id', '=', id).where('version', '=', cur.version).executeTakeFirst();
    if (Number(res.numUpdatedRows) !== 1) throw stale(cur.version);
    await event(tx, id, log.actor, log.action, log.note ?? null);
    await writeAudit(tx, log.audit, { entityId: id, before: { status: cur.status, version: cur.version }, after: { status: next, version: cur.version + 1, event: log.action, note: log.note ?? null } });
    return { id, status: next, version: cur.version + 1 };
  });
}

const stale = (v: number) => new UserError(409, 'conflict', 'Kiến nghị vừa được người khác cập nhật; hãy tải lại.', 'Someone else updated this recommendation; reload it.', { current_version: v });

export async function editRecommendation(db: Db, id: number, patch: { field?: string; title?: string; body?: string; expected_version?: number }, by: string, audit?: AuditNote) {
  return transition(db, id, { kind: 'edit' }, async (tx) => {
    const set: Record<string, unknown> = {};
    if (patch.field) set.field = patch.field;
    if (patch.title) set.title = patch.title.trim();
    if (patch.body) set.body = sanitizeRichText(patch.body);
    if (Object.keys(set).length) await tx.updateTable('recommendation').set(set).where('id', '=', id).execute();
  }, { actor: by, action: 'edited', audit }, patch.expected_version);
}

export async function withdrawRecommendation(db: Db, id: number, by: string, note?: string | null, audit?: AuditNote) {
  return transition(db, id, { kind: 'withdraw' }, async () => {}, { actor: by, action: 'withdrawn', note, audit });
}

export async function assignRecommendation(db: Db, id: number, body: z.output<typeof assignSchema>, by: string, audit?: AuditNote) {
  const l = await lookup(db);
  const units = body.assignments.map((a) => ({ ...a, mu: ministryBySlug(l, a.unit) }));
  if (new Set(units.map((u) => u.mu.id)).size !== units.length) {
    throw new UserError(422, 'duplicate_unit', 'Một đơn vị chỉ được giao một lần.', 'Each unit can be assigned once.');
  }
  const today = vietnamToday();
  for (const u of units) {
    if (u.due_on < today) throw new UserError(422, 'due_in_past', `Hạn trả lời ${u.due_on} đã qua.`, `The due date ${u.due_on} is in the past.`);
  }
  return transition(db, id, (existing) => {
    const already = units.filter((u) => existing.some((e) => e.ministry_unit_id === u.mu.id));
    if (already.length) {
      throw new UserError(409, 'already_assigned', `Đã giao cho ${already.map((u) => u.mu.nameVi).join(', ')}.`, `Already assigned to ${already.map((u) => u.mu.nameEn).join(', ')}.`);
    }
    return { kind: 'assign', count: units.length };
  }, async (tx) => {
    const at = new Date().toISOString();
    for (const u of units) {
      await tx.insertInto('recommendation_assignment').values({
        recommendation_id: id, ministry_unit_id: u.mu.id, role: u.role, due_on: u.due_on, assigned_at: at, assigned_by: by,
        answer: null, answered_at: null, answered_by: null,
      }).execute();
    }
  }, { actor: by, action: 'assigned', note: [units.map((u) => `${u.mu.slug} (${u.role}, ${u.due_on})`).join('; '), body.note].filter(Boolean).join(' — '), audit });
}

export async function unassign(db: Db, id: number, assignmentId: number, by: string, audit?: AuditNote) {
  return transition(db, id, (existing) => ({ kind: 'unassign', index: indexOf(existing, assignmentId) }), async (tx) => {
    await tx.deleteFrom('recommendation_assignment').where('id', '=', assignmentId).execute();
  }, { actor: by, action: 'unassigned', note: `#${assignmentId}`, audit });
}

/** Moves an unanswered assignment's due date (the Agency extends it, with a note saying why). */
export async function changeDueDate(db: Db, id: number, assignmentId: number, dueOn: string, by: string, note?: string | null, audit?: AuditNote) {
  return transition(db, id, (existing) => ({ kind: 'reschedule', index: indexOf(existing, assignmentId) }), async (tx) => {
    await tx.updateTable('recommendation_assignment').set({ due_on: dueOn }).where('id', '=', assignmentId).execute();
  }, { actor: by, action: 'due_date_changed', note: [dueOn, note].filter(Boolean).join(' — '), audit });
}

function indexOf(list: AssignmentRow[], assignmentId: number): number {
  const i = list.findIndex((a) => a.id === assignmentId);
  if (i < 0) throw new UserError(404, 'not_found', 'Không có phân công này.', 'No such assignment.');
  return i;
}

export async function answerAssignment(db: Db, id: number, assignmentId: number, body: string, by: string, audit?: AuditNote) {
  return transition(db, id, (existing) => ({ kind: 'answer', index: indexOf(existing, assignmentId) }), async (tx, _n, _c, existing) => {
    const first = existing.find((a) => a.id === assignmentId)!.answered_at === null;
    await tx.updateTable('recommendation_assignment')
      // The first answer's date decides "on time"; a later revision updates the text, not the date.
      .set({ answer: sanitizeRichText(body), answered_by: by, ...(first ? { answered_at: new Date().toISOString() } : {}) })
      .where('id', '=', assignmentId).execute();
  }, { actor: by, action: 'answered', note: `#${assignmentId}`, audit });
}

export async function closeRecommendation(db: Db, id: number, c: z.output<typeof closeSchema>, by: string, audit?: AuditNote) {
  return transition(db, id, { kind: 'close', reason: c.reason }, async (tx) => {
    await tx.updateTable('recommendation').set({ closed_at: new Date().toISOString(), close_reason: c.reason, close_note: c.note ?? null, published: c.publish ? 1 : 0 })
      .where('id', '=', id).execute();
  }, { actor: by, action: 'closed', note: [c.reason, c.note].filter(Boolean).join(' — '), audit });
}

export async function reopenRecommendation(db: Db, id: number, by: string, note?: string | null, audit?: AuditNote) {
  return transition(db, id, { kind: 'reopen' }, async (tx) => {
    await tx.updateTable('recommendation').set({ closed_at: null, close_reason: null, published: 0 }).where('id', '=', id).execute();
  }, { actor: by, action: 'reopened', note, audit });
}

export async function setPublished(db: Db, id: number, published: boolean, by: string, audit?: AuditNote) {
  return db.k.transaction().execute(async (tx) => {
    const cur = await getRecommendationRow(tx, id);
    if (published && cur.status !== 'closed') {
      throw new UserError(409, 'invalid_transition', 'Chỉ công khai kiến nghị đã đóng (đã có trả lời cuối cùng).', 'Only a closed recommendation can be published.');
    }
    await tx.updateTable('recommendation').set({ published: published ? 1 : 0, version: cur.version + 1 }).where('id', '=', id).execute();
    await event(tx, id, by, published ? 'published' : 'unpublished', null);
    await writeAudit(tx, audit, { entityId: id, before: { published: cur.published === 1 }, after: { published } });
  });
}

/** Whose reading (policy.ts recommendationScope); `publishedOnly` is the public's scope. Everything when neither is given (CLI, reports). */
export type ScopedQuery = RecommendationQuery & { publishedOnly?: boolean; scope?: RecommendationScope };

export async function queryRecommendationRows(db: Db, q: ScopedQuery) {
  const l = await lookup(db);
  let s = db.k.selectFrom('recommendation').selectAll();
  if (q.conference) {
    const c = await findConference(db, q.conference);
    if (!c) throw new UserError(404, 'not_found', `Không tìm thấy hội nghị "${q.conference}".`, `Conference "${q.conference}" not found.`);
    s = s.where('conference_id', '=', c.id);
  }
  if (q.region) s = s.where('region_id', '=', unitBySlug(l, q.region, 'region').id);
  if (q.province) s = s.where('province_unit_id', '=', unitBySlug(l, q.province, 'province').id);
  if (q.field) s = s.where('field', '=', q.field);
  if (q.status) s = s.where('status', '=', q.status);
  if (q.year) s = s.where('submitted_at', '>=', `${q.year}-01-01`).where('submitted_at', '<', `${q.year + 1}-01-01`);
  if (q.unit) {
    const mu = ministryBySlug(l, q.unit);
    s = s.where('id', 'in', db.k.selectFrom('recommendation_assignment').select('recommendation_id').where('ministry_unit_id', '=', mu.id));
  }
  const scope: RecommendationScope = q.scope ?? (q.publishedOnly ? { kind: 'published' } : { kind: 'all' });
  if (scope.kind === 'published') s = s.where('published', '=', 1);
  if (scope.kind === 'province') s = s.where((eb) => eb.or([eb('published', '=', 1), eb('province_unit_id', '=', scope.provinceUnitId)]));
  if (scope.kind === 'ministry_unit') {
    const mine = db.k.selectFrom('recommendation_assignment').select('recommendation_id').where('ministry_unit_id', '=', scope.ministryUnitId);
    s = s.where((eb) => eb.or([eb('published', '=', 1), eb('id', 'in', mine)]));
  }
  const rows = await s.orderBy('submitted_at').orderBy('id').execute();
  if (!q.q) return rows;
  // Searched here rather than with LIKE: the same case- and accent-aware matching on both stores.
  const needle = fold(q.q);
  return rows.filter((r) => fold(`${r.title} ${richTextToPlain(r.body)}`).includes(needle));
}

const fold = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi');
