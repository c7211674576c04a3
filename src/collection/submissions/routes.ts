// Provinces' reports over HTTP: the status board and the completeness report, the entry grid, saving
// a draft, the template download and the upload, the review queue, and submit / return / approve /
// reopen. Every write asks policy.ts about the actor and the province first.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { browseAudit } from '../../access/audit.ts';
import { ensure, signedIn } from '../../access/guards.ts';
import { canReadSubmission, canReview, canSeeStatus } from '../../access/policy.ts';
import { whoOf } from '../../access/routes.ts';
import type { Actor } from '../../access/roles.ts';
import { reference } from '../../catalogue/reference.ts';
import { endDate, fromKey, periodCode, periodKey } from '../../periods/period.ts';
import type { RouteContext } from '../../server/app.ts';
import { UserError } from '../../server/errors.ts';
import { datasets } from '../datasets/datasetStore.ts';
import { buildTemplate, templateFileName } from '../excel/template.ts';
import { flatRowsOf, formatOf, uploadReport, type UploadFormat } from '../excel/upload.ts';
import { toFlatCsv, toFlatJson } from '../excel/flatFiles.ts';
import { LIMITS } from '../excel/layout.ts';
import { act, saveEntries } from './actions.ts';
import { completeness, statusBoard } from './board.ts';
import { buildGrid, submissionView } from './grid.ts';
import { changesSincePrevious } from './changes.ts';
import { peerComparison } from './peers.ts';
import { calendarOf, datasetOr404, reportingPeriodOr400, resolveReport } from './report.ts';
import { findSubmission } from './submissionStore.ts';

const reportQuery = z.object({
  dataset: z.string().describe('mã bộ số liệu / data set code'),
  province: z.string().describe('mã tỉnh / province id (ha-noi)'),
  period: z.string().describe('kỳ báo cáo / reporting period (T10/2024)'),
});

const readDenied = ['Bạn không xem được báo cáo chưa công bố của tỉnh này.', "You may not see this province's unpublished report."] as const;

export async function submissionRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['collection'];
  const who = (req: FastifyRequest) => ({ ...whoOf(req), actor: signedIn(req) });
  const regionId = async (slug?: string) => {
    if (!slug) return undefined;
    const u = (await reference(db)).unitsBySlug.get(slug);
    if (!u || u.level !== 'region') throw new UserError(404, 'not_found', `Không có vùng "${slug}".`, `No region "${slug}".`);
    return u.id;
  };

  r.get('/collection/status', {
    schema: {
      tags, summary: 'Bảng trạng thái: mỗi tỉnh trong kỳ (chưa bắt đầu, đang nhập, đã gửi, bị trả lại, đã duyệt, quá hạn) / status board',
      querystring: z.object({ dataset: z.string(), period: z.string(), region: z.string().optional() }),
    },
  }, async (req) => {
    ensure(req, canSeeStatus(req.actor));
    const ds = await datasetOr404(db, req.query.dataset);
    return statusBoard(db, await reference(db), ds, reportingPeriodOr400(ds, req.query.period), await regionId(req.query.region));
  });

  r.get('/collection/completeness', {
    schema: {
      tags, summary: 'Báo cáo đầy đủ và đúng hạn theo vùng: ai đã báo cáo, ai trễ, trễ bao lâu / completeness and timeliness per region',
      querystring: z.object({ dataset: z.string(), period: z.string(), region: z.string().optional().describe('một vùng; mặc định mọi vùng / one region, default all') }),
    },
  }, async (req) => {
    ensure(req, canSeeStatus(req.actor));
    const ds = await datasetOr404(db, req.query.dataset);
    const p = reportingPeriodOr400(ds, req.query.period);
    const ref = await reference(db);
    const one = await regionId(req.query.region);
    const regions = one !== undefined ? [one]
      : [...ref.unitsById.values()].filter((u) => u.level === 'region' && ref.membersOn(u.id, endDate(p)).length).map((u) => u.id);
    return completeness(db, ref, ds, p, regions);
  });

  r.get('/collection/grid', {
    schema: {
      tags, summary: 'Phiếu nhập của một báo cáo: kỳ này, cùng kỳ, tăng trưởng, kế hoạch, % kế hoạch, kiểm tra / the entry grid',
      description: 'Tỉnh (của mình) và người duyệt. editable = tỉnh đang được nhập. Mỗi ô có version để gửi lại khi lưu. ' +
        '/ The province itself and reviewers. Each cell carries the version to send back when saving.',
      querystring: reportQuery,
    },
  }, async (req) => {
    const rep = await resolveReport(db, req.query.dataset, req.query.province, req.query.period);
    ensure(req, canReadSubmission(req.actor, rep.unit.id, rep.ds.ministryUnitId), ...readDenied);
    return buildGrid(db, req.actor, rep);
  });

  r.put('/collection/entries', {
    schema: {
      tags, summary: 'Lưu nháp: các ô đã sửa (tất cả hoặc không) / save a draft: the changed cells, all or nothing',
      description: 'Cán bộ Sở của tỉnh. version = phiên bản ô đã thấy (0 = ô trống); nếu người khác đã sửa: 409 kèm giá trị hiện tại. ' +
        'Lỗi (kiểu, khoảng, lũy kế giảm) chặn lưu: 422 theo từng ô; cảnh báo trả về và cần ghi chú trước khi gửi. ' +
        "/ The province's officers. version = the cell version seen (0 = empty); 409 with the current values if someone changed it. Errors block (422 per cell); warnings need a comment before submission.",
      body: reportQuery.extend({
        dataset_version: z.number().int().min(1).optional(),
        entries: z.array(z.object({
          item: z.number().int().min(0), measure: z.enum(['actual', 'plan']).default('actual'),
          value: z.number().finite().nullable(), comment: z.string().max(LIMITS.commentLength).nullable().optional(), version: z.number().int().min(0),
        })).min(1).max(2000),
      }),
    },
  }, async (req) => {
    const actor = signedIn(req);
    const rep = await resolveReport(db, req.body.dataset, req.body.province, req.body.period);
    return saveEntries(db, { ...whoOf(req), actor }, rep,
      req.body.entries.map((e) => ({ item: e.item, measure: e.measure, value: e.value, comment: e.comment, expectedVersion: e.version })),
      { via: 'grid', datasetVersion: req.body.dataset_version });
  });

  r.get('/collection/template', {
    schema: {
      tags, summary: 'Tải mẫu báo cáo (Excel, CSV hoặc JSON) cho bộ số liệu, tỉnh và kỳ / download the report template',
      querystring: reportQuery.extend({ format: z.enum(['xlsx', 'csv', 'json']).default('xlsx') }),
    },
  }, async (req, reply) => {
    const rep = await resolveReport(db, req.query.dataset, req.query.province, req.query.period);
    ensure(req, canReadSubmission(req.actor, rep.unit.id, rep.ds.ministryUnitId), ...readDenied);
    const name = templateFileName(rep).replace(/\.xlsx$/, `.${req.query.format}`);
    reply.header('content-disposition', `attachment; filename="${name}"`).header('cache-control', 'private, no-store');
    if (req.query.format === 'xlsx') {
      return reply.type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet').send(await buildTemplate(db, rep));
    }
    const rows = await flatRowsOf(db, rep);
    if (req.query.format === 'csv') return reply.type('text/csv; charset=utf-8').send(toFlatCsv(rows));
    return reply.type('application/json').send(JSON.stringify(toFlatJson(rows)));
  });

  r.post('/collection/upload', {
    bodyLimit: LIMITS.bytes + 64 * 1024,
    schema: {
      tags, summary: 'Nộp tệp báo cáo đã điền (xlsx, csv, json): lưu tất cả hoặc không, lỗi theo trang, ô và lý do / upload a filled report',
      description: 'multipart/form-data, trường "file" (tối đa 2 MB); hoặc thân text/csv / application/json. Chỉ ô khác với số đã lưu được ghi; ' +
        'ô đã bị người khác sửa sau khi tải mẫu: 409. / multipart field "file" (max 2 MB), or a text/csv or application/json body. ' +
        'Only cells that differ are written; a cell changed by someone else since the download is a 409.',
      querystring: reportQuery.extend({ format: z.enum(['xlsx', 'csv', 'json']).optional() }),
      consumes: ['multipart/form-data', 'text/csv', 'application/json'],
    },
  }, async (req, reply) => {
    const actor = signedIn(req);
    const rep = await resolveReport(db, req.query.dataset, req.query.province, req.query.period);
    const file = await receiveFile(req, req.query.format);
    const res = await uploadReport(db, { ...whoOf(req), actor }, rep, file);
    return reply.status(res.saved.length ? 201 : 200).send(res);
  });

  r.get('/collection/submissions', {
    schema: {
      tags, summary: 'Danh sách báo cáo (hàng chờ duyệt: status=submitted) trong phạm vi của người dùng / reports visible to you (review queue)',
      querystring: z.object({
        dataset: z.string().optional(), period: z.string().optional(), status: z.enum(['draft', 'submitted', 'returned', 'approved']).optional(),
        province: z.string().optional(), limit: z.coerce.number().int().min(1).max(1000).default(200),
      }),
    },
  }, async (req) => {
    const actor = signedIn(req);
    const all = await datasets(db);
    const ref = await reference(db);
    const visibleDs = all.filter((d) => actor.role === 'province_officer' || canReview(actor, d.ministryUnitId));
    if (!visibleDs.length || actor.role === 'viewer') return { submissions: [] };
    let q = db.k.selectFrom('submission').selectAll().where('dataset_id', 'in', visibleDs.map((d) => d.id));
    if (actor.role === 'province_officer') q = q.where('unit_id', '=', actor.provinceId ?? -1);
    if (req.query.dataset) q = q.where('dataset_id', '=', all.find((d) => d.code === req.query.dataset)?.id ?? -1);
    if (req.query.status) q = q.where('status', '=', req.query.status);
    if (req.query.province) q = q.where('unit_id', '=', ref.unitsBySlug.get(req.query.province)?.id ?? -1);
    if (req.query.period) {
      const ds = req.query.dataset ? await datasetOr404(db, req.query.dataset) : null;
      const p = ds ? reportingPeriodOr400(ds, req.query.period) : null;
      if (p) q = q.where('period', '=', periodKey(p));
    }
    const rows = await q.orderBy('updated_at', 'desc').limit(req.query.limit).execute();
    const out = [];
    for (const s of rows) {
      const ds = all.find((d) => d.id === s.dataset_id)!;
      const p = fromKey(s.period);
      const cal = (await calendarOf(db, ds, [p])).get(s.period)!;
      const u = ref.unitsById.get(s.unit_id)!;
      out.push({ dataset: ds.code, province: u.slug, province_name_vi: u.nameVi, period: periodCode(p), deadline: cal.deadline, ...submissionView(s, cal.deadline) });
    }
    return { submissions: out };
  });

  r.get('/collection/submissions/:id', {
    schema: {
      tags, summary: 'Một báo cáo để duyệt: phiếu, lịch sử thao tác, so với các năm trước và các tỉnh cùng vùng / one report for review',
      params: z.object({ id: z.coerce.number().int().positive() }),
    },
  }, async (req) => {
    const rep = await reportById(req.params.id, { reader: req.actor });
    const [grid, timeline, peers] = await Promise.all([
      buildGrid(db, req.actor, rep),
      browseAudit(db.k, { entity: 'submission', entityId: String(req.params.id), limit: 500 }),
      peerComparison(db, rep),
    ]);
    const oldestFirst = timeline.reverse();
    return {
      ...grid, peers, changes: changesSincePrevious(oldestFirst, grid.submission.status),
      timeline: oldestFirst.map((e) => ({ at: e.at, actor: e.actor, role: e.role, action: e.action, note: e.note, status_before: (e.before as any)?.status ?? null, status_after: (e.after as any)?.status ?? null })),
    };
  });

  const actionBody = z.object({ version: z.number().int().min(1).describe('phiên bản báo cáo đã thấy / report version seen'), comment: z.string().max(4000).optional() });
  const actions = [
    ['submit', 'Gửi báo cáo (tỉnh): kiểm tra đủ chỉ tiêu bắt buộc, không lỗi, cảnh báo đã có ghi chú / submit (province)'],
    ['return', 'Trả lại kèm nhận xét (người duyệt) / return with a comment (reviewer)'],
    ['approve', 'Duyệt: số liệu được khóa và công bố (người duyệt) / approve: figures locked and published (reviewer)'],
    ['reopen', 'Mở lại để đính chính số đã duyệt, cần lý do (comment); số đã công bố giữ nguyên đến khi duyệt lại / reopen for a correction'],
  ] as const;
  for (const [action, summary] of actions) {
    r.post(`/collection/submissions/:id/${action}`, {
      schema: { tags, summary, params: z.object({ id: z.coerce.number().int().positive() }), body: actionBody },
    }, async (req) => {
      const w = who(req);
      const rep = await reportById(req.params.id, 'actions check for themselves');
      return act(db, w, rep, req.params.id, action, req.body.version, req.body.comment);
    });
  }

  /** The report behind an id; for a reader, 401 or 404 when they may not see it (ids are not confirmed).
   *  The actions (submit, return...) ask the policy themselves and answer 403. */
  async function reportById(id: number, check: { reader: Actor | null } | 'actions check for themselves') {
    const reader = check === 'actions check for themselves' ? undefined : check.reader;
    const s = await findSubmission(db.k, { id });
    const ds = s ? (await datasets(db)).find((d) => d.id === s.dataset_id) : undefined;
    const ref = await reference(db);
    const unit = s ? ref.unitsById.get(s.unit_id) : undefined;
    if (check !== 'actions check for themselves' && (!s || !ds || !unit || !canReadSubmission(reader ?? null, s.unit_id, ds.ministryUnitId))) {
      if (!reader) throw new UserError(401, 'unauthenticated', 'Cần đăng nhập để làm việc này.', 'Sign in to do this.');
      throw new UserError(404, 'not_found', 'Không tìm thấy báo cáo.', 'Report not found.');
    }
    if (!s || !ds || !unit) throw new UserError(404, 'not_found', 'Không tìm thấy báo cáo.', 'Report not found.');
    return resolveReport(db, ds.code, unit.slug, periodCode(fromKey(s.period)));
  }
}

/** The uploaded file: multipart (one file) or a raw CSV/JSON body. */
async function receiveFile(req: FastifyRequest, format?: UploadFormat): Promise<{ data: Buffer; name: string; format: UploadFormat }> {
  if (req.isMultipart()) {
    let file: { data: Buffer; name: string; mime: string } | null = null;
    try {
      for await (const part of req.parts()) {
        if (part.type !== 'file') continue;
        if (file) throw new UserError(422, 'one_file_only', 'Mỗi lần chỉ nộp một tệp.', 'Upload one file at a time.');
        file = { data: await part.toBuffer(), name: part.filename, mime: part.mimetype };
      }
    } catch (e: any) {
      if (e instanceof UserError) throw e;
      if (e?.code === 'FST_REQ_FILE_TOO_LARGE' || e?.code === 'FST_PARTS_LIMIT' || e?.code === 'FST_FILES_LIMIT') {
        throw new UserError(413, 'too_large', `Tệp lớn quá ${LIMITS.bytes / 1024 / 1024} MB hoặc có nhiều hơn một tệp.`, `The file is over ${LIMITS.bytes / 1024 / 1024} MB, or more than one file was sent.`);
      }
      throw e;
    }
    if (!file) throw new UserError(422, 'file_missing', 'Chưa chọn tệp (trường "file").', 'No file was sent (field "file").');
    const f = format ?? formatOf(file.name, file.mime);
    if (!f) throw new UserError(415, 'unsupported_file', 'Chỉ nhận tệp .xlsx (mẫu tải về), .csv hoặc .json.', 'Only .xlsx (the template), .csv or .json files.');
    return { data: file.data, name: file.name, format: f };
  }
  const type = String(req.headers['content-type'] ?? '');
  const f = format ?? (type.startsWith('text/csv') ? 'csv' : type.startsWith('application/json') ? 'json' : null);
  if (!f || f === 'xlsx') throw new UserError(415, 'unsupported_file', 'Gửi tệp Excel dạng multipart/form-data (trường "file"); CSV/JSON có thể gửi trực tiếp.', 'Send an Excel file as multipart/form-data; CSV/JSON may be sent as the body.');
  const text = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null);
  return { data: Buffer.from(text, 'utf8'), name: `upload.${f}`, format: f };
}
