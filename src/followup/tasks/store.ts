// Groups of tasks, tasks, the units responsible and their progress reports: the thin store.
import type { Transaction } from 'kysely';
import type { z } from 'zod';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { UserError } from '../../server/errors.ts';
import { lookup, ministryBySlug, unitBySlug, type Lookup } from '../../conferences/lookup.ts';
import { sanitizeRichText } from '../../conferences/richText.ts';
import type { progressInputSchema, taskGroupInputSchema, taskInputSchema, taskPatchSchema } from './input.ts';
import { writeAudit, type AuditNote } from '../../conferences/audit.ts';

type Tx = Transaction<Database>;
export type TaskGroupInput = z.output<typeof taskGroupInputSchema>;
export type TaskInput = z.output<typeof taskInputSchema>;

export async function createTaskGroup(db: Db, conferenceId: number, g: TaskGroupInput, origin: 'user' | 'seed' = 'user', audit?: AuditNote): Promise<number> {
  return db.k.transaction().execute(async (tx) => {
    const last = await tx.selectFrom('task_group').select((eb) => eb.fn.max('position').as('p')).where('conference_id', '=', conferenceId).executeTakeFirst();
    const r = await tx.insertInto('task_group').values({
      conference_id: conferenceId, position: Number(last?.p ?? 0) + 1, title: g.title.trim(), field: g.field ?? null, note: g.note ?? null,
      origin, source: g.source ? JSON.stringify(g.source) : null,
    }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, audit, { entityId: r.id, after: { conference: conferenceId, title: g.title.trim(), field: g.field ?? null } });
    return r.id;
  });
}

export async function getTaskGroup(db: Db, id: number) {
  const g = await db.k.selectFrom('task_group').selectAll().where('id', '=', id).executeTakeFirst();
  if (!g) throw new UserError(404, 'not_found', `Không tìm thấy nhóm nhiệm vụ #${id}.`, `Task group #${id} not found.`);
  return g;
}

export async function updateTaskGroup(db: Db, id: number, g: Partial<TaskGroupInput>, audit?: AuditNote) {
  const set: Record<string, unknown> = {};
  if (g.title) set.title = g.title.trim();
  if (g.field !== undefined) set.field = g.field;
  if (g.note !== undefined) set.note = g.note;
  await db.k.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('task_group').select(['title', 'field', 'note']).where('id', '=', id).executeTakeFirst();
    if (Object.keys(set).length) await tx.updateTable('task_group').set(set).where('id', '=', id).execute();
    await writeAudit(tx, audit, { entityId: id, before, after: set });
  });
}

export async function deleteTaskGroup(db: Db, id: number, audit?: AuditNote) {
  await db.k.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('task_group').selectAll().where('id', '=', id).executeTakeFirst();
    await tx.deleteFrom('task_group').where('id', '=', id).execute();
    await writeAudit(tx, audit, { entityId: id, before });
  });
}

async function writeParties(tx: Tx, l: Lookup, taskId: number, parties: TaskInput['parties']) {
  for (const p of parties) {
    await tx.insertInto('task_party').values({
      task_id: taskId, kind: p.kind, role: p.role,
      unit_id: p.kind === 'province' ? unitBySlug(l, p.unit, 'province').id : null,
      ministry_unit_id: p.kind === 'ministry_unit' ? ministryBySlug(l, p.unit).id : null,
    }).execute();
  }
}

export async function createTask(db: Db, groupId: number, t: TaskInput, origin: 'user' | 'seed' = 'user', audit?: AuditNote): Promise<number> {
  const l = await lookup(db);
  const group = await getTaskGroup(db, groupId);
  const conf = await db.k.selectFrom('conference').select(['starts_on']).where('id', '=', group.conference_id).executeTakeFirstOrThrow();
  const last = await db.k.selectFrom('task').select((eb) => eb.fn.max('position').as('p')).where('group_id', '=', groupId).executeTakeFirst();
  return db.k.transaction().execute(async (tx) => {
    const r = await tx.insertInto('task').values({
      group_id: groupId, position: Number(last?.p ?? 0) + 1, title: t.title.trim(), body: t.body ? sanitizeRichText(t.body) : null,
      field: t.field ?? null, legal_basis: JSON.stringify(t.legal_basis), starts_on: t.starts_on ?? conf.starts_on, due_on: t.due_on ?? null,
      due_note: t.due_note ?? null, all_region_members: t.all_region_members ? 1 : 0, responsible_note: t.responsible_note ?? null,
      origin, source: t.source ? JSON.stringify(t.source) : null, created_at: new Date().toISOString(),
    }).returning('id').executeTakeFirstOrThrow();
    await writeParties(tx, l, r.id, t.parties);
    await writeAudit(tx, audit, { entityId: r.id, after: { group: groupId, title: t.title.trim(), due_on: t.due_on ?? null, parties: t.parties.map((p) => `${p.kind}:${p.unit}`) } });
    return r.id;
  });
}

export async function getTaskRow(db: Db, id: number) {
  const t = await db.k.selectFrom('task').selectAll().where('id', '=', id).executeTakeFirst();
  if (!t) throw new UserError(404, 'not_found', `Không tìm thấy nhiệm vụ #${id}.`, `Task #${id} not found.`);
  return t;
}

export async function updateTask(db: Db, id: number, p: z.output<typeof taskPatchSchema>, audit?: AuditNote) {
  const l = await lookup(db);
  const cur = await getTaskRow(db, id);
  const starts = p.starts_on !== undefined ? p.starts_on : cur.starts_on;
  const due = p.due_on !== undefined ? p.due_on : cur.due_on;
  if (starts && due && starts > due) throw new UserError(422, 'invalid_dates', 'Ngày bắt đầu sau hạn hoàn thành.', 'The start is after the due date.');
  await db.k.transaction().execute(async (tx) => {
    const set: Record<string, unknown> = {};
    if (p.title) set.title = p.title.trim();
    if (p.body !== undefined) set.body = p.body ? sanitizeRichText(p.body) : null;
    for (const k of ['field', 'starts_on', 'due_on', 'due_note', 'responsible_note'] as const) if (p[k] !== undefined) set[k] = p[k];
    if (p.legal_basis) set.legal_basis = JSON.stringify(p.legal_basis);
    if (p.all_region_members !== undefined) set.all_region_members = p.all_region_members ? 1 : 0;
    if (Object.keys(set).length) await tx.updateTable('task').set(set).where('id', '=', id).execute();
    if (p.parties) {
      await tx.deleteFrom('task_party').where('task_id', '=', id).execute();
      await writeParties(tx, l, id, p.parties);
    }
    await writeAudit(tx, audit, { entityId: id, before: Object.fromEntries(Object.keys(set).map((k) => [k, (cur as Record<string, unknown>)[k]])), after: { ...set, ...(p.parties ? { parties: p.parties.map((x) => `${x.kind}:${x.unit}`) } : {}) } });
  });
}

export async function deleteTask(db: Db, id: number, audit?: AuditNote) {
  await db.k.transaction().execute(async (tx) => {
    const before = await tx.selectFrom('task').select(['group_id', 'title', 'due_on']).where('id', '=', id).executeTakeFirst();
    await tx.deleteFrom('task').where('id', '=', id).execute();
    await writeAudit(tx, audit, { entityId: id, before });
  });
}

export async function addProgress(
  db: Db, taskId: number, party: { kind: 'province' | 'ministry_unit'; id: number }, r: z.output<typeof progressInputSchema>, by: string, today: string,
  audit?: AuditNote,
): Promise<number> {
  const on = r.reported_on ?? today;
  if (on > today) throw new UserError(422, 'future_date', 'Ngày báo cáo tiến độ chưa đến.', 'The progress date is in the future.');
  return db.k.transaction().execute(async (tx) => {
    const row = await tx.insertInto('progress_report').values({
      task_id: taskId, kind: party.kind, unit_id: party.kind === 'province' ? party.id : null,
      ministry_unit_id: party.kind === 'ministry_unit' ? party.id : null, percent: r.percent, narrative: sanitizeRichText(r.narrative),
      reported_on: on, reported_at: new Date().toISOString(), reported_by: by,
    }).returning('id').executeTakeFirstOrThrow();
    await writeAudit(tx, audit, { entityId: taskId, after: { report: row.id, party: `${party.kind}:${party.id}`, percent: r.percent, reported_on: on } });
    return row.id;
  });
}
