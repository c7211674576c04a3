// Tasks and solutions API (tag 'follow-up'): groups and tasks from a conference's conclusions, the
// units responsible, their progress reports, and the follow-up board.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { langParam } from '../server/params.ts';
import { UserError } from '../server/errors.ts';
import { actorOf, auditOf, idParam, numericId, signedIn } from '../conferences/http.ts';
import { writeAudit } from '../conferences/audit.ts';
import { pageQuery, paginate } from '../conferences/paging.ts';
import { actorLabel, forbidden, requireCoordinator } from '../conferences/roles.ts';
import { requireConference } from '../conferences/store.ts';
import { saveAttachment, type FileStorage } from '../conferences/attachments/store.ts';
import { receiveUpload, registerVisibility } from '../conferences/attachments/http.ts';
import { canReportFor, ownParty } from './policy.ts';
import { progressInputSchema, taskGroupInputSchema, taskInputSchema, taskPatchSchema, taskQuerySchema } from './tasks/input.ts';
import { addProgress, createTask, createTaskGroup, deleteTask, deleteTaskGroup, getTaskGroup, getTaskRow, updateTask, updateTaskGroup } from './tasks/store.ts';
import { conferenceTasks, followUpBoard, loadTasks, taskDetail, type TaskView } from './tasks/views.ts';
import { vietnamToday } from './dates.ts';

const tags = ['follow-up'];

/** The public sees tasks and their status; what units wrote in their reports stays internal. */
function forPublic<T extends Pick<TaskView, 'parties'> & { history?: unknown }>(t: T): T {
  return { ...t, history: undefined, parties: t.parties.map((p) => ({ ...p, latest: p.latest ? { ...p.latest, narrative: '', text: '', reported_by: '' } : null })) };
}

export async function taskRoutes(r0: FastifyInstance, db: Db, storage: FileStorage): Promise<void> {
  const r = r0.withTypeProvider<ZodTypeProvider>();
  registerVisibility('progress', async (_d, _id, actor) => actor !== null);
  const sourced = () => new UserError(409, 'sourced_record', 'Nội dung lấy từ nguồn đã công bố: không sửa, không xóa.', 'Content from a published source is not edited or deleted.');

  r.get('/conferences/:id/tasks', {
    schema: { tags, summary: 'Các nhóm nhiệm vụ, giải pháp của hội nghị và tiến độ / a conference\'s groups of tasks with progress', params: idParam, querystring: z.object({ lang: langParam }) },
  }, async (req) => {
    const res = await conferenceTasks(db, req.params.id, req.query.lang);
    return actorOf(req) ? res : { ...res, groups: res.groups.map((g) => ({ ...g, tasks: g.tasks.map(forPublic) })) };
  });

  r.post('/conferences/:id/task-groups', {
    schema: { tags, summary: 'Thêm nhóm nhiệm vụ, giải pháp (đơn vị điều phối) / add a group of tasks', params: idParam, body: taskGroupInputSchema },
  }, async (req, reply) => {
    requireCoordinator(actorOf(req));
    const c = await requireConference(db, req.params.id);
    return reply.status(201).send({ id: await createTaskGroup(db, c.id, req.body, 'user', auditOf(req)) });
  });

  r.patch('/task-groups/:id', {
    schema: { tags, summary: 'Sửa nhóm nhiệm vụ / update a group', params: z.object({ id: numericId }), body: taskGroupInputSchema.partial() },
  }, async (req) => {
    requireCoordinator(actorOf(req));
    if ((await getTaskGroup(db, req.params.id)).origin !== 'user') throw sourced();
    await updateTaskGroup(db, req.params.id, req.body, auditOf(req));
    return { ok: true };
  });

  r.delete('/task-groups/:id', {
    schema: { tags, summary: 'Xóa nhóm nhiệm vụ và các nhiệm vụ của nhóm / delete a group and its tasks', params: z.object({ id: numericId }) },
  }, async (req, reply) => {
    requireCoordinator(actorOf(req));
    if ((await getTaskGroup(db, req.params.id)).origin !== 'user') throw sourced();
    await deleteTaskGroup(db, req.params.id, auditOf(req));
    return reply.status(204).send();
  });

  r.post('/task-groups/:id/tasks', {
    schema: { tags, summary: 'Thêm nhiệm vụ: đơn vị chịu trách nhiệm, hạn, căn cứ / add a task with responsible units, deadline, legal basis', params: z.object({ id: numericId }), body: taskInputSchema },
  }, async (req, reply) => {
    requireCoordinator(actorOf(req));
    return reply.status(201).send({ id: await createTask(db, req.params.id, req.body, 'user', auditOf(req)) });
  });

  r.get('/tasks', {
    schema: { tags, summary: 'Nhiệm vụ theo vùng, hội nghị, đơn vị, trạng thái, theo trang / tasks by region, conference, unit, status, paged', querystring: taskQuerySchema.extend({ lang: langParam, ...pageQuery }) },
  }, async (req) => {
    const { lang, limit, cursor, ...q } = req.query;
    const all = await loadTasks(db, q, { lang });
    const { items, ...page } = paginate(all, (t) => [t.conference.year, t.conference.id, t.group.position, t.position, t.id], { limit, cursor });
    return { tasks: actorOf(req) ? items : items.map(forPublic), ...page };
  });

  r.get('/tasks/:id', {
    schema: { tags, summary: 'Một nhiệm vụ với lịch sử báo cáo tiến độ / one task with its progress history', params: z.object({ id: numericId }), querystring: z.object({ lang: langParam }) },
  }, async (req) => {
    const t = await taskDetail(db, req.params.id, req.query.lang);
    return actorOf(req) ? t : forPublic(t);
  });

  r.patch('/tasks/:id', {
    schema: { tags, summary: 'Sửa nhiệm vụ / update a task', params: z.object({ id: numericId }), body: taskPatchSchema },
  }, async (req) => {
    requireCoordinator(actorOf(req));
    const t = await getTaskRow(db, req.params.id);
    // A sourced task keeps its text; its follow-up (deadline, who is responsible) can still be set.
    if (t.origin !== 'user' && (req.body.title !== undefined || req.body.body !== undefined || req.body.legal_basis !== undefined)) throw sourced();
    await updateTask(db, req.params.id, req.body, auditOf(req));
    return taskDetail(db, req.params.id);
  });

  r.delete('/tasks/:id', {
    schema: { tags, summary: 'Xóa nhiệm vụ / delete a task', params: z.object({ id: numericId }) },
  }, async (req, reply) => {
    requireCoordinator(actorOf(req));
    if ((await getTaskRow(db, req.params.id)).origin !== 'user') throw sourced();
    await deleteTask(db, req.params.id, auditOf(req));
    return reply.status(204).send();
  });

  r.post('/tasks/:id/progress', {
    schema: {
      tags, summary: 'Báo cáo tiến độ (% và nội dung) của tỉnh hoặc đơn vị chịu trách nhiệm, cho chính mình / report progress for one\'s own province or unit',
      params: z.object({ id: numericId }), body: progressInputSchema,
    },
  }, async (req, reply) => {
    const actor = signedIn(req);
    const party = ownParty(actor);
    const t = await taskDetail(db, req.params.id);
    const responsible = party && t.parties.some((p) => p.kind === party.kind && p.party_id === party.id);
    if (!party || !responsible || !canReportFor(actor, party)) {
      throw forbidden('Chỉ tỉnh hoặc đơn vị được giao nhiệm vụ này mới báo cáo tiến độ, và chỉ cho chính mình.',
        'Only a province or unit responsible for this task reports its progress, and only its own.');
    }
    const id = await addProgress(db, req.params.id, party, req.body, actorLabel(actor), vietnamToday(), auditOf(req));
    return reply.status(201).send({ id, task: await taskDetail(db, req.params.id) });
  });

  r.post('/tasks/:id/progress/:report/files', {
    schema: { tags, summary: 'Tệp kèm báo cáo tiến độ (multipart) / a file with a progress report', params: z.object({ id: numericId, report: numericId }), consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = signedIn(req);
    const rep = await db.k.selectFrom('progress_report').selectAll().where('id', '=', req.params.report).where('task_id', '=', req.params.id).executeTakeFirst();
    if (!rep) throw new UserError(404, 'not_found', 'Không có báo cáo tiến độ này.', 'No such progress report.');
    const party = rep.kind === 'province' ? { kind: 'province' as const, id: rep.unit_id! } : { kind: 'ministry_unit' as const, id: rep.ministry_unit_id! };
    if (!canReportFor(actor, party)) throw forbidden('Chỉ đơn vị đã báo cáo mới gửi tệp kèm.', 'Only the reporting unit may attach files.');
    const up = await receiveUpload(req, storage);
    const audit = auditOf(req);
    return reply.status(201).send(await saveAttachment(db, storage, { ownerKind: 'progress', ownerId: rep.id, fileName: up.fileName, data: up.data, uploadedBy: actorLabel(actor) },
      (tx, f) => writeAudit(tx, audit, { after: { report: rep.id, file: f.file_name, sha256: f.sha256 } })));
  });

  r.get('/follow-up/board', {
    schema: {
      tags, summary: 'Bảng theo dõi: hoàn thành, đúng tiến độ, chậm, chưa báo cáo — theo vùng, đơn vị, nhóm / follow-up board by region, unit, group',
      querystring: taskQuerySchema.extend({ lang: langParam }),
    },
  }, async (req) => {
    const { lang, ...q } = req.query;
    const b = await followUpBoard(db, q, lang);
    return actorOf(req) ? b : { ...b, tasks: b.tasks.map(forPublic) };
  });
}
