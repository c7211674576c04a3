// Recommendations API (tag 'follow-up'): submit, triage and assign, answer, close; the consolidated
// list with its figures, reminders, and exports to Word and Excel.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { Db } from '../db/database.ts';
import { langParam } from '../server/params.ts';
import { UserError } from '../server/errors.ts';
import { actorOf, auditOf, numericId, signedIn } from '../conferences/http.ts';
import { writeAudit } from '../conferences/audit.ts';
import { pageQuery } from '../conferences/paging.ts';
import { actorLabel, forbidden, isCoordinator, type ActorLike } from '../conferences/roles.ts';
import { lookup, unitBySlug } from '../conferences/lookup.ts';
import { findConference } from '../conferences/store.ts';
import { summarize } from '../conferences/views.ts';
import { saveAttachment, type FileStorage } from '../conferences/attachments/store.ts';
import { receiveUpload, registerVisibility } from '../conferences/attachments/http.ts';
import { canAnswer, canChangeRecommendation, canReadRecommendation, canSubmit, canTriage, recommendationScope } from './policy.ts';
import {
  answerSchema, assignSchema, closeSchema, recommendationInputSchema, recommendationPatchSchema, recommendationQuerySchema,
} from './recommendations/input.ts';
import {
  answerAssignment, assignRecommendation, assignmentsOf, changeDueDate, closeRecommendation, createRecommendation, editRecommendation,
  getRecommendationRow, queryRecommendationRows, reopenRecommendation, setPublished, unassign, withdrawRecommendation,
} from './recommendations/store.ts';
import { buildViews, consolidated, recDates, recommendationDetail } from './recommendations/views.ts';
import { DEFAULT_RULES, REMINDER_LABELS, reminders, sortReminders } from './recommendations/deadlines.ts';
import { exportDocx, exportXlsx } from './recommendations/export.ts';
import { vietnamToday } from './dates.ts';
import { isOpen, type RecStatus } from './recommendations/status.ts';

const tags = ['follow-up'];
const recId = z.object({ id: numericId });
const asgId = z.object({ id: numericId, assignment: numericId });
const refuseTriage = () => forbidden('Chỉ Cục Công Thương địa phương (đơn vị điều phối) được phân công, đóng hoặc công khai kiến nghị.', 'Only the coordinating agency assigns, closes or publishes recommendations.');

async function facts(db: Db, id: number) {
  const r = await getRecommendationRow(db, id);
  const assigned = await assignmentsOf(db, [id]);
  return { row: r, facts: { via: r.via, provinceUnitId: r.province_unit_id, published: r.published === 1, assignedUnitIds: assigned.map((a) => a.ministry_unit_id) } };
}

/** Files follow their recommendation: whoever may read it may read its files and its answers' files. */
async function readableFile(db: Db, recommendationId: number | undefined, actor: ActorLike | null): Promise<boolean> {
  if (recommendationId === undefined) return false;
  const f = await facts(db, recommendationId).catch(() => null);
  return !!f && canReadRecommendation(actor, f.facts);
}

export async function recommendationRoutes(r0: FastifyInstance, db: Db, storage: FileStorage): Promise<void> {
  const r = r0.withTypeProvider<ZodTypeProvider>();
  registerVisibility('recommendation', async (d, ownerId, actor) => readableFile(d, ownerId, actor));
  registerVisibility('assignment', async (d, ownerId, actor) => {
    const a = await d.k.selectFrom('recommendation_assignment').select('recommendation_id').where('id', '=', ownerId).executeTakeFirst();
    return readableFile(d, a?.recommendation_id, actor);
  });

  const listQuery = recommendationQuerySchema.extend({ lang: langParam });
  const scopeNote = 'Công chúng và người xem: kiến nghị đã công khai; tỉnh: của tỉnh mình và đã công khai; đơn vị thuộc Bộ: được giao cho mình và đã công khai; '
    + 'đơn vị điều phối, quản trị, phân tích: tất cả. / The public and viewers: published ones; a province: its own and published; a ministry unit: '
    + 'assigned to it and published; coordinators, administrators, analysts: all.';

  r.get('/recommendations', {
    schema: {
      tags, summary: 'Danh sách tổng hợp kiến nghị và số liệu trả lời, theo trang / consolidated list with figures, paged',
      description: `${scopeNote} Số liệu (figures) tính trên mọi kiến nghị khớp bộ lọc, không chỉ trang này. / The figures count every match, not only this page.`,
      querystring: listQuery.extend(pageQuery),
    },
  }, async (req) => {
    const { lang, limit, cursor, ...q } = req.query;
    return consolidated(db, { ...q, scope: recommendationScope(actorOf(req)) }, { lang, page: { limit, cursor } });
  });

  r.get('/recommendations/figures', {
    schema: { tags, summary: 'Số liệu: đã trả lời, đúng hạn, còn mở, quá hạn, theo đơn vị / answered, on time, open, overdue, by unit', description: scopeNote, querystring: listQuery },
  }, async (req) => {
    const { lang, ...q } = req.query;
    const c = await consolidated(db, { ...q, scope: recommendationScope(actorOf(req)) }, { lang, page: { limit: 1 } });
    return { today: c.today, ...c.figures };
  });

  r.get('/recommendations/export', {
    schema: {
      tags, summary: 'Xuất danh sách tổng hợp ra Word hoặc Excel / export the consolidated list to Word or Excel',
      querystring: listQuery.extend({ format: z.enum(['docx', 'xlsx']) }),
    },
  }, async (req, reply) => {
    const { lang, format, ...q } = req.query;
    const c = await consolidated(db, { ...q, scope: recommendationScope(actorOf(req)) }, { lang });
    const title = await exportTitle(db, q, lang);
    const input = { title, today: c.today, items: c.items, figures: c.figures, lang };
    const buf = format === 'docx' ? await exportDocx(input) : await exportXlsx(input);
    const name = `kien-nghi-${q.conference ?? q.region ?? 'tong-hop'}-${c.today}.${format}`.replace(/[^a-z0-9.-]/gi, '-');
    const mime = format === 'docx'
      ? 'application/vnd.openxmlformats-officedocument.wordprocessingml.document'
      : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
    return reply.header('Content-Type', mime).header('Content-Disposition', `attachment; filename="${name}"`)
      .header('X-Content-Type-Options', 'nosniff').header('Cache-Control', 'private, no-store').send(buf);
  });

  r.get('/recommendations/reminders', {
    schema: {
      tags, summary: 'Việc cần nhắc: quá hạn, sắp đến hạn, chờ phân công, chờ đóng (theo phạm vi người dùng) / reminders within the user\'s scope',
      querystring: z.object({ days: z.coerce.number().int().min(0).max(60).default(DEFAULT_RULES.dueSoonDays), lang: langParam, conference: z.string().optional(), region: z.string().optional() }),
    },
  }, async (req) => {
    const actor = signedIn(req);
    const today = vietnamToday();
    const rows = (await queryRecommendationRows(db, { conference: req.query.conference, region: req.query.region, scope: recommendationScope(actor) }))
      .filter((x) => isOpen(x.status as RecStatus));
    const as = await assignmentsOf(db, rows.map((x) => x.id));
    const rules = { ...DEFAULT_RULES, dueSoonDays: req.query.days };
    let list = rows.flatMap((row) => {
      const mine = as.filter((a) => a.recommendation_id === row.id);
      return reminders({ ...recDates(row, mine), id: row.id }, today, rules).map((m) => ({ ...m, assignment: m.assignmentIndex === null ? null : mine[m.assignmentIndex]! }));
    });
    // Each sees the reminders that are theirs to act on; coordinators and readers see all.
    if (actor.role === 'ministry_unit' && !isCoordinator(actor)) list = list.filter((m) => m.assignment?.ministry_unit_id === actor.ministryUnitId);
    if (actor.role === 'province_officer') list = list.filter((m) => rows.find((x) => x.id === m.recommendationId)?.province_unit_id === actor.provinceId);
    const views = new Map((await buildViews(db, rows.filter((x) => list.some((m) => m.recommendationId === x.id)), { lang: req.query.lang, today, withFiles: false })).map((v) => [v.id, v]));
    return {
      today,
      reminders: sortReminders(list).map((m) => {
        const v = views.get(m.recommendationId)!;
        const a = m.assignmentIndex === null ? null : v.assignments[m.assignmentIndex]!;
        return {
          kind: m.kind, label: REMINDER_LABELS[m.kind][req.query.lang], days: m.days, due_on: m.dueOn,
          recommendation: { id: v.id, title: v.title, province_name: v.province_name, conference: v.conference?.slug ?? null, status: v.status },
          unit: a ? { id: a.unit, name: a.unit_name, assignment: a.id } : null,
        };
      }),
    };
  });

  r.post('/recommendations', {
    schema: {
      tags, summary: 'Gửi kiến nghị (tỉnh gửi của mình; đơn vị điều phối ghi kiến nghị của phiên hội nghị) / submit a recommendation',
      body: recommendationInputSchema,
    },
  }, async (req, reply) => {
    const actor = signedIn(req);
    const l = await lookup(db);
    const body = { ...req.body };
    let via: 'province' | 'session';
    if (actor.role === 'province_officer') {
      via = 'province';
      body.province ??= actor.provinceSlug;
    } else via = 'session';
    const province = body.province ? unitBySlug(l, body.province, 'province').id : null;
    if (!canSubmit(actor, via, province)) {
      throw forbidden(via === 'province' ? 'Chỉ gửi kiến nghị của tỉnh, thành phố mình.' : 'Chỉ đơn vị điều phối ghi kiến nghị của phiên hội nghị.',
        via === 'province' ? 'You may submit your own province\'s recommendations only.' : 'Only the coordinating agency records session recommendations.');
    }
    if (body.source && !isCoordinator(actor)) throw forbidden('Chỉ đơn vị điều phối ghi nguồn đã công bố.', 'Only coordinators cite published sources.');
    const id = await createRecommendation(db, body, actorLabel(actor), { via, audit: auditOf(req) });
    return reply.status(201).send(await recommendationDetail(db, id));
  });

  r.get('/recommendations/:id', {
    schema: { tags, summary: 'Một kiến nghị, phân công, trả lời, lịch sử / one recommendation', params: recId, querystring: z.object({ lang: langParam }) },
  }, async (req) => {
    const { facts: f } = await facts(db, req.params.id);
    if (!canReadRecommendation(actorOf(req), f)) throw new UserError(404, 'not_found', `Không tìm thấy kiến nghị #${req.params.id}.`, `Recommendation #${req.params.id} not found.`);
    const d = await recommendationDetail(db, req.params.id, req.query.lang);
    return actorOf(req) ? d : { ...d, events: [], submitted_by: null, assignments: d.assignments.map((a) => ({ ...a, answered_by: null })) };
  });

  const mayChange = async (actor: ActorLike, id: number) => {
    const { facts: f } = await facts(db, id);
    if (!canChangeRecommendation(actor, f)) throw forbidden('Chỉ tỉnh gửi kiến nghị (hoặc đơn vị điều phối, với kiến nghị của phiên hội nghị) được sửa hay rút.', 'Only the submitter may change or withdraw it.');
  };

  r.patch('/recommendations/:id', {
    schema: { tags, summary: 'Sửa kiến nghị chưa phân công / edit before assignment', params: recId, body: recommendationPatchSchema },
  }, async (req) => {
    const actor = signedIn(req);
    await mayChange(actor, req.params.id);
    return editRecommendation(db, req.params.id, req.body, actorLabel(actor), auditOf(req));
  });

  r.post('/recommendations/:id/withdraw', {
    schema: { tags, summary: 'Rút kiến nghị chưa phân công / withdraw before assignment', params: recId, body: z.strictObject({ note: z.string().max(2000).nullish() }).optional() },
  }, async (req) => {
    const actor = signedIn(req);
    await mayChange(actor, req.params.id);
    return withdrawRecommendation(db, req.params.id, actorLabel(actor), req.body?.note, auditOf(req));
  });

  r.post('/recommendations/:id/assignments', {
    schema: { tags, summary: 'Phân công đơn vị thuộc Bộ trả lời, có hạn (đơn vị điều phối) / assign ministry units with due dates', params: recId, body: assignSchema },
  }, async (req) => {
    const actor = signedIn(req);
    if (!canTriage(actor)) throw refuseTriage();
    return assignRecommendation(db, req.params.id, req.body, actorLabel(actor), auditOf(req));
  });

  r.patch('/recommendations/:id/assignments/:assignment', {
    schema: {
      tags, summary: 'Đổi hạn trả lời (đơn vị điều phối) / change a due date', params: asgId,
      body: z.strictObject({ due_on: z.string().regex(/^\d{4}-\d{2}-\d{2}$/), note: z.string().max(2000).nullish() }),
    },
  }, async (req) => {
    const actor = signedIn(req);
    if (!canTriage(actor)) throw refuseTriage();
    return changeDueDate(db, req.params.id, req.params.assignment, req.body.due_on, actorLabel(actor), req.body.note, auditOf(req));
  });

  r.delete('/recommendations/:id/assignments/:assignment', {
    schema: { tags, summary: 'Gỡ phân công chưa trả lời / remove an unanswered assignment', params: asgId },
  }, async (req) => {
    const actor = signedIn(req);
    if (!canTriage(actor)) throw refuseTriage();
    return unassign(db, req.params.id, req.params.assignment, actorLabel(actor), auditOf(req));
  });

  const assignmentOf = async (id: number, assignmentId: number) => {
    const a = (await assignmentsOf(db, [id])).find((x) => x.id === assignmentId);
    if (!a) throw new UserError(404, 'not_found', 'Không có phân công này.', 'No such assignment.');
    return a;
  };

  r.post('/recommendations/:id/assignments/:assignment/answer', {
    schema: { tags, summary: 'Trả lời kiến nghị được giao (chính đơn vị được giao) / answer, by the assigned unit only', params: asgId, body: answerSchema },
  }, async (req) => {
    const actor = signedIn(req);
    const a = await assignmentOf(req.params.id, req.params.assignment);
    if (!canAnswer(actor, { ministryUnitId: a.ministry_unit_id })) {
      throw forbidden('Chỉ đơn vị được giao mới trả lời kiến nghị này.', 'Only the unit it is assigned to may answer it.');
    }
    await answerAssignment(db, req.params.id, req.params.assignment, req.body.body, actorLabel(actor), auditOf(req));
    return recommendationDetail(db, req.params.id);
  });

  r.post('/recommendations/:id/assignments/:assignment/files', {
    schema: { tags, summary: 'Tệp kèm câu trả lời (multipart, trường file) / a file with the answer', params: asgId, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = signedIn(req);
    const a = await assignmentOf(req.params.id, req.params.assignment);
    if (!canAnswer(actor, { ministryUnitId: a.ministry_unit_id })) throw forbidden('Chỉ đơn vị được giao mới gửi tệp trả lời.', 'Only the assigned unit may attach answer files.');
    const { row } = await facts(db, req.params.id);
    if (!isOpen(row.status as RecStatus)) throw new UserError(409, 'invalid_transition', 'Kiến nghị đã đóng.', 'The recommendation is closed.');
    const up = await receiveUpload(req, storage);
    const audit = auditOf(req);
    return reply.status(201).send(await saveAttachment(db, storage, { ownerKind: 'assignment', ownerId: a.id, fileName: up.fileName, data: up.data, uploadedBy: actorLabel(actor) },
      (tx, f) => writeAudit(tx, audit, { after: { assignment: a.id, file: f.file_name, sha256: f.sha256 } })));
  });

  r.post('/recommendations/:id/files', {
    schema: { tags, summary: 'Tệp kèm kiến nghị (multipart, trường file) / attach a file to a recommendation', params: recId, consumes: ['multipart/form-data'] },
  }, async (req, reply) => {
    const actor = signedIn(req);
    await mayChange(actor, req.params.id);
    const { row } = await facts(db, req.params.id);
    if (!isOpen(row.status as RecStatus)) throw new UserError(409, 'invalid_transition', 'Kiến nghị đã đóng hoặc đã rút.', 'The recommendation is closed or withdrawn.');
    const up = await receiveUpload(req, storage);
    const audit = auditOf(req);
    return reply.status(201).send(await saveAttachment(db, storage, { ownerKind: 'recommendation', ownerId: row.id, fileName: up.fileName, data: up.data, uploadedBy: actorLabel(actor) },
      (tx, f) => writeAudit(tx, audit, { after: { file: f.file_name, sha256: f.sha256 } })));
  });

  r.post('/recommendations/:id/close', {
    schema: { tags, summary: 'Đóng kiến nghị (đơn vị điều phối) / close (coordinators)', params: recId, body: closeSchema },
  }, async (req) => {
    const actor = signedIn(req);
    if (!canTriage(actor)) throw refuseTriage();
    return closeRecommendation(db, req.params.id, req.body, actorLabel(actor), auditOf(req));
  });

  r.post('/recommendations/:id/reopen', {
    schema: { tags, summary: 'Mở lại kiến nghị đã đóng / reopen', params: recId, body: z.strictObject({ note: z.string().max(2000).nullish() }).optional() },
  }, async (req) => {
    const actor = signedIn(req);
    if (!canTriage(actor)) throw refuseTriage();
    return reopenRecommendation(db, req.params.id, actorLabel(actor), req.body?.note, auditOf(req));
  });

  r.post('/recommendations/:id/publish', {
    schema: { tags, summary: 'Công khai hoặc thôi công khai kiến nghị đã đóng / publish or unpublish', params: recId, body: z.strictObject({ published: z.boolean() }) },
  }, async (req) => {
    const actor = signedIn(req);
    if (!canTriage(actor)) throw refuseTriage();
    await setPublished(db, req.params.id, req.body.published, actorLabel(actor), auditOf(req));
    return { ok: true };
  });
}

async function exportTitle(db: Db, q: { conference?: string; region?: string }, lang: 'vi' | 'en'): Promise<string> {
  const l = await lookup(db);
  if (q.conference) {
    const c = await findConference(db, q.conference);
    if (c) return summarize(l, c, lang).title;
  }
  if (q.region) {
    const r = l.ref.unitsBySlug.get(q.region);
    if (r) return lang === 'vi' ? r.nameVi : r.nameEn;
  }
  return lang === 'vi' ? 'Tất cả các vùng' : 'All regions';
}
