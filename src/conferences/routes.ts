// Conferences API (tag 'conferences'): conferences with attendance, agenda, documents, trade fair and
// handovers; the region's host history; the figures a conference reviews; difficulties; file downloads.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../server/app.ts';
import { langParam } from '../server/params.ts';
import { UserError } from '../server/errors.ts';
import { actorOf, auditOf, guardAudited, idParam, numericId, requireSignInForWrites, signedIn } from './http.ts';
import { actorLabel, canActForProvince, difficultyScope, forbidden, inDifficultyScope, isCoordinator, requireCoordinator } from './roles.ts';
import { agendaItemSchema, conferenceInputSchema, conferencePatchSchema, handoverSchema, partySchema } from './conference.ts';
import {
  addDocument, addHandover, addUploadedDocument, createConference, deleteConference, deleteHandover, removeDocument, replaceAgenda, replaceAttendance,
  requireConference, updateConference,
} from './store.ts';
import { conferenceDetail, listConferences, regionConferences } from './views.ts';
import { conferenceFigures } from './figures.ts';
import { difficultyInputSchema, DIFFICULTY_KIND_CODES } from './difficulties.ts';
import { createDifficulty, difficultySummary, getDifficulty, listDifficulties, resolveDifficulty, updateDifficulty, deleteDifficulty } from './difficultyStore.ts';
import { fieldParam } from './fields.ts';
import { removeFiles, storageFromConfig, type FileStorage } from './attachments/store.ts';
import { pageQuery, paginate } from './paging.ts';
import { receiveUpload, registerMultipart, registerVisibility, sendAttachment } from './attachments/http.ts';

export type ConferenceRouteContext = RouteContext & { files?: FileStorage };

const DOCUMENT_KINDS = ['agenda', 'report', 'speech', 'conclusion', 'minutes', 'photo', 'press', 'other'] as const;

export async function conferenceRoutes(app: FastifyInstance, ctx: ConferenceRouteContext): Promise<void> {
  const { db } = ctx;
  const storage = ctx.files ?? storageFromConfig();
  registerVisibility('conference_document', async (d, ownerId, actor) => {
    const doc = await d.k.selectFrom('conference_document').select('public').where('id', '=', ownerId).executeTakeFirst();
    return !!doc && (doc.public === 1 || actor !== null);
  });
  registerVisibility('difficulty', async (d, ownerId, actor) => {
    const row = await d.k.selectFrom('difficulty').select(['unit_id', 'source']).where('id', '=', ownerId).executeTakeFirst();
    return !!row && inDifficultyScope(difficultyScope(actor), { unitId: row.unit_id, hasSource: row.source !== null });
  });

  await app.register(async (scope) => {
    await registerMultipart(scope, storage);
    requireSignInForWrites(scope);
    guardAudited(scope);
    const r = scope.withTypeProvider<ZodTypeProvider>();
    const tags = ['conferences'];

    r.get('/conferences', {
      schema: {
        tags, summary: 'Danh sách hội nghị ngành Công Thương khu vực / regional conferences',
        querystring: z.object({ region: z.string().optional(), year: z.coerce.number().int().optional(), lang: langParam, ...pageQuery }),
      },
    }, async (req) => {
      const all = await listConferences(db, { region: req.query.region, year: req.query.year }, req.query.lang);
      const { items, ...page } = paginate(all, (c) => [c.year, c.starts_on, c.id], req.query);
      return { conferences: items, ...page };
    });

    r.post('/conferences', {
      schema: { tags, summary: 'Ghi nhận một hội nghị (đơn vị điều phối) / record a conference (coordinators)', body: conferenceInputSchema },
    }, async (req, reply) => {
      requireCoordinator(actorOf(req));
      const res = await createConference(db, req.body, { audit: auditOf(req) });
      return reply.status(201).send(res);
    });

    r.get('/conferences/:id', {
      schema: {
        tags, summary: 'Một hội nghị: tham dự, chương trình, tài liệu, hội chợ, chuyển giao cờ, số liệu kỳ được đánh giá / one conference with its figures',
        params: idParam, querystring: z.object({ lang: langParam, figures: z.enum(['true', 'false']).default('true') }),
      },
    }, async (req) => {
      const detail = await conferenceDetail(db, req.params.id, req.query.lang);
      const documents = actorOf(req) ? detail.documents : detail.documents.filter((d) => d.public);
      const figures = req.query.figures === 'true' ? await conferenceFigures(db, detail.region, detail.review_periods, req.query.lang) : undefined;
      return { ...detail, documents, figures };
    });

    r.get('/conferences/:id/figures', {
      schema: { tags, summary: 'Số liệu của vùng trong kỳ hội nghị đánh giá / the region\'s figures for the reviewed periods', params: idParam, querystring: z.object({ lang: langParam }) },
    }, async (req) => {
      const c = await conferenceDetail(db, req.params.id, req.query.lang);
      return { conference: c.slug, region: c.region, periods: await conferenceFigures(db, c.region, c.review_periods, req.query.lang) };
    });

    r.patch('/conferences/:id', {
      schema: { tags, summary: 'Sửa thông tin hội nghị / update a conference', params: idParam, body: conferencePatchSchema },
    }, async (req) => {
      requireCoordinator(actorOf(req));
      return updateConference(db, req.params.id, req.body, auditOf(req));
    });

    r.delete('/conferences/:id', {
      schema: { tags, summary: 'Xóa hội nghị do người dùng ghi nhận / delete a user-recorded conference', params: idParam },
    }, async (req, reply) => {
      requireCoordinator(actorOf(req));
      const c = await requireConference(db, req.params.id);
      if (c.origin !== 'user') throw new UserError(409, 'sourced_record', 'Hội nghị lấy từ nguồn đã công bố: chỉ sửa, không xóa.', 'A conference from published sources can be corrected, not deleted.');
      await removeFiles(storage, await deleteConference(db, c.id, auditOf(req)));
      return reply.status(204).send();
    });

    r.put('/conferences/:id/attendance', {
      schema: {
        tags, summary: 'Tỉnh và đơn vị thuộc Bộ dự hội nghị / provinces and ministry units attending', params: idParam,
        body: z.strictObject({ parties: z.array(partySchema), attendance_note: z.string().max(2000).nullish() }),
      },
    }, async (req) => {
      requireCoordinator(actorOf(req));
      const c = await requireConference(db, req.params.id);
      await replaceAttendance(db, c.id, req.body.parties, req.body.attendance_note, auditOf(req));
      return { ok: true };
    });

    r.put('/conferences/:id/agenda', {
      schema: { tags, summary: 'Chương trình hội nghị / agenda', params: idParam, body: z.strictObject({ items: z.array(agendaItemSchema).max(200) }) },
    }, async (req) => {
      requireCoordinator(actorOf(req));
      const c = await requireConference(db, req.params.id);
      await replaceAgenda(db, c.id, req.body.items, auditOf(req));
      return { ok: true };
    });

    r.post('/conferences/:id/handovers', {
      schema: { tags, summary: 'Chuyển giao quyền đăng cai (cờ luân lưu) / hand over the rotating flag', params: idParam, body: handoverSchema },
    }, async (req, reply) => {
      requireCoordinator(actorOf(req));
      const c = await requireConference(db, req.params.id);
      return reply.status(201).send({ id: await addHandover(db, c.id, req.body, auditOf(req)) });
    });

    r.delete('/conferences/:id/handovers/:handover', {
      schema: { tags, summary: 'Xóa một chuyển giao / delete a handover', params: idParam.extend({ handover: numericId }) },
    }, async (req, reply) => {
      requireCoordinator(actorOf(req));
      const c = await requireConference(db, req.params.id);
      if (!(await deleteHandover(db, c.id, req.params.handover, auditOf(req)))) throw new UserError(404, 'not_found', 'Không tìm thấy chuyển giao.', 'Handover not found.');
      return reply.status(204).send();
    });

    r.post('/conferences/:id/documents', {
      schema: {
        tags, summary: 'Tải lên tài liệu hội nghị (multipart: file, title, kind, public) / upload a conference document',
        description: 'PDF, Word, Excel, PowerPoint, PNG, JPEG; kiểm tra loại theo nội dung tệp, giới hạn UPLOAD_MAX_BYTES. / Type checked by content; size limited by UPLOAD_MAX_BYTES.',
        params: idParam, consumes: ['multipart/form-data'],
      },
    }, async (req, reply) => {
      const actor = actorOf(req);
      requireCoordinator(actor);
      const c = await requireConference(db, req.params.id);
      const up = await receiveUpload(req, storage);
      const kind = (DOCUMENT_KINDS as readonly string[]).includes(up.fields.kind ?? '') ? up.fields.kind! : 'other';
      const res = await addUploadedDocument(db, storage, {
        conferenceId: c.id, kind, title: (up.fields.title || up.fileName).slice(0, 300), public: up.fields.public !== 'false',
        fileName: up.fileName, data: up.data, uploadedBy: actorLabel(actor),
      }, auditOf(req));
      return reply.status(201).send(res);
    });

    r.post('/conferences/:id/document-links', {
      schema: {
        tags, summary: 'Gắn tài liệu nguồn hoặc đường dẫn / link a source document or URL', params: idParam,
        body: z.strictObject({
          title: z.string().min(1).max(300), kind: z.enum(DOCUMENT_KINDS).default('other'), document_id: z.string().nullish(),
          url: z.url({ protocol: /^https?$/ }).nullish(), public: z.boolean().default(true),
        }).refine((b) => !!b.document_id || !!b.url, { message: 'cần document_id hoặc url / document_id or url required' }),
      },
    }, async (req, reply) => {
      requireCoordinator(actorOf(req));
      const c = await requireConference(db, req.params.id);
      if (req.body.document_id && !(await db.k.selectFrom('document').select('id').where('id', '=', req.body.document_id).executeTakeFirst())) {
        throw new UserError(422, 'unknown_document', `Không có tài liệu nguồn "${req.body.document_id}".`, `No source document "${req.body.document_id}".`);
      }
      return reply.status(201).send({ id: await addDocument(db, { conferenceId: c.id, kind: req.body.kind, title: req.body.title, documentId: req.body.document_id, url: req.body.url, public: req.body.public }, auditOf(req)) });
    });

    r.delete('/conferences/:id/documents/:document', {
      schema: { tags, summary: 'Gỡ tài liệu / remove a document', params: idParam.extend({ document: numericId }) },
    }, async (req, reply) => {
      requireCoordinator(actorOf(req));
      const c = await requireConference(db, req.params.id);
      const files = await removeDocument(db, c.id, req.params.document, auditOf(req));
      if (!files) throw new UserError(404, 'not_found', 'Không tìm thấy tài liệu.', 'Document not found.');
      await removeFiles(storage, files);
      return reply.status(204).send();
    });

    r.get('/regions/:region/conferences', {
      schema: {
        tags, summary: 'Trang vùng: các hội nghị, tỉnh đã đăng cai, chuyển giao cờ, tỉnh đăng cai kế tiếp / region page: hosts and the next one',
        params: z.object({ region: z.string() }),
        querystring: z.object({ as_of: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional(), lang: langParam }),
      },
    }, async (req) => regionConferences(db, req.params.region, { asOf: req.query.as_of, lang: req.query.lang }));

    r.get('/attachments/:id', {
      schema: { tags, summary: 'Tải tệp đính kèm / download an attachment', params: z.object({ id: z.string().max(64) }) },
    }, async (req, reply) => sendAttachment(db, storage, req.params.id, actorOf(req), reply));

    // ---- difficulties ------------------------------------------------------------------------
    const diffQuery = z.object({
      region: z.string().optional(), unit: z.string().optional(), conference: z.string().optional(), period: z.string().optional(),
      field: fieldParam.optional(), kind: z.enum(DIFFICULTY_KIND_CODES as [string, ...string[]]).optional(), lang: langParam,
    });
    const scopeNote = 'Tỉnh: của tỉnh mình và các nội dung đã công bố; công chúng, người xem: nội dung trích từ nguồn đã công bố; Bộ: tất cả. '
      + '/ A province officer reads its own and the published ones; the public and viewers those quoted from published sources; ministry accounts all.';

    r.get('/difficulties', {
      schema: { tags, summary: 'Hạn chế, khó khăn, vướng mắc / difficulties', description: scopeNote, querystring: diffQuery.extend(pageQuery) },
    }, async (req) => {
      const { lang, limit, cursor, ...q } = req.query;
      const all = await listDifficulties(db, { ...q, scope: difficultyScope(actorOf(req)) }, lang);
      const { items, ...page } = paginate(all, (d) => [d.field, d.id], { limit, cursor });
      return { difficulties: items, ...page };
    });

    r.get('/difficulties/summary', {
      schema: { tags, summary: 'Tổng hợp khó khăn của vùng theo lĩnh vực / a region\'s difficulties grouped by field', description: scopeNote, querystring: diffQuery },
    }, async (req) => {
      const { lang, ...q } = req.query;
      return difficultySummary(db, { ...q, scope: difficultyScope(actorOf(req)) }, lang);
    });

    r.post('/difficulties', {
      schema: { tags, summary: 'Ghi nhận khó khăn, vướng mắc (tỉnh của mình) / record a difficulty (own province)', body: difficultyInputSchema },
    }, async (req, reply) => {
      const actor = signedIn(req);
      const { unit } = await resolveDifficulty(db, req.body);
      const allowed = unit.level === 'region' ? isCoordinator(actor) : canActForProvince(actor, unit.id);
      if (!allowed) throw forbidden('Chỉ ghi nhận khó khăn cho tỉnh, thành phố của mình.', 'You may record difficulties for your own province only.');
      if (req.body.source && !isCoordinator(actor)) throw forbidden('Chỉ đơn vị điều phối ghi nguồn đã công bố.', 'Only coordinators cite published sources.');
      return reply.status(201).send({ id: await createDifficulty(db, req.body, actorLabel(actor), 'user', auditOf(req)) });
    });

    const mayEditDifficulty = async (req: any, id: number) => {
      const actor = signedIn(req);
      const d = await getDifficulty(db, id);
      const unit = await db.k.selectFrom('unit').select('level').where('id', '=', d.unit_id).executeTakeFirstOrThrow();
      const ok = unit.level === 'region' ? isCoordinator(actor) : canActForProvince(actor, d.unit_id);
      if (!ok) throw forbidden('Chỉ sửa khó khăn của tỉnh, thành phố mình.', 'You may change your own province\'s difficulties only.');
      if (d.origin !== 'user') throw new UserError(409, 'sourced_record', 'Nội dung lấy từ nguồn đã công bố: không sửa.', 'Content from a published source is not edited.');
      return d;
    };

    r.patch('/difficulties/:id', {
      schema: {
        tags, summary: 'Sửa khó khăn, vướng mắc / update a difficulty', params: z.object({ id: numericId }),
        body: z.strictObject({ field: fieldParam.optional(), kind: z.enum(DIFFICULTY_KIND_CODES as [string, ...string[]]).optional(), body: z.string().min(1).max(20_000).optional(), period: z.string().nullish() }),
      },
    }, async (req) => {
      await mayEditDifficulty(req, req.params.id);
      await updateDifficulty(db, req.params.id, req.body as any, auditOf(req));
      return { ok: true };
    });

    r.delete('/difficulties/:id', {
      schema: { tags, summary: 'Xóa khó khăn, vướng mắc / delete a difficulty', params: z.object({ id: numericId }) },
    }, async (req, reply) => {
      await mayEditDifficulty(req, req.params.id);
      await deleteDifficulty(db, req.params.id, auditOf(req));
      return reply.status(204).send();
    });
  });
}
