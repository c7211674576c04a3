// Values API: read current values, write a batch (all-or-nothing), import a CSV/JSON file,
// export, and the revision history of one value.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../server/app.ts';
import { UserError } from '../server/errors.ts';
import { reference } from '../catalogue/reference.ts';
import { parsePeriod, periodCode, fromKey, periodKey } from '../periods/period.ts';
import { exportValues, type ExportedValue } from './exportValues.ts';
import { importValues, ImportRejected } from './importValues.ts';
import { toCsv, parseValueFile } from './valueFiles.ts';
import { valueInputSchema } from './valueInput.ts';
import { revisions } from './valueRepository.ts';
import { STATUS_NAME } from './valueModel.ts';
import { audit } from '../access/audit.ts';
import { publicationGuard } from './publication.ts';
import type { ChangeContext } from './writeValues.ts';

const rejected = (e: ImportRejected) =>
  new UserError(422, 'rejected', `Không có gì được ghi: ${e.errors.length} lỗi.`, `Nothing was written: ${e.errors.length} errors.`, e.errors);

const sourceFields = {
  source_document: z.string().max(500).optional().describe('tài liệu nguồn / source document'),
  source_quote: z.string().max(4000).optional().describe('câu trích nguồn / source sentence'),
  note: z.string().max(4000).optional(),
};

export async function valueRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  // Who wrote a figure is shown to signed-in users; the public sees the figure and its source.
  const who = (req: { actor: unknown }, actor: string) => (req.actor ? actor : null);

  r.get('/values', {
    schema: {
      tags: ['values'],
      summary: 'Số liệu hiện hành / current values',
      querystring: z.object({
        place: z.string().optional(), indicator: z.string().optional(), period: z.string().optional(),
        status: z.enum(['estimate', 'official', 'plan']).optional(), limit: z.coerce.number().int().min(1).max(10000).default(1000),
      }),
    },
  }, async (req) => {
    const q = req.query;
    const values: ExportedValue[] = [];
    for await (const v of exportValues(db, {
      places: q.place?.split(','), indicators: q.indicator?.split(','), periods: q.period ? [q.period] : undefined, status: q.status, limit: q.limit,
    })) values.push({ ...v, changed_by: who(req, v.changed_by)! });
    return { values };
  });

  r.post('/values', {
    schema: {
      tags: ['values'],
      summary: 'Ghi một loạt số liệu đã công bố (Bộ; tất cả hoặc không) / write a batch of published values (ministry; all or nothing)',
      description: 'Quản trị viên, chuyên viên phân tích. Tỉnh gửi số liệu qua /api/submissions. Sửa số đã duyệt cần lý do (note). ' +
        'Gửi expected_version (phiên bản đã thấy, 0 = chưa có) để phát hiện sửa đồng thời: 409 kèm giá trị hiện tại. ' +
        '/ Administrators and analysts; provinces report through /api/submissions. Changing an approved figure needs a reason (note). ' +
        'Send expected_version to detect concurrent edits: 409 with the current value.',
      body: z.object({ values: z.array(valueInputSchema).min(1).max(50000), ...sourceFields }),
    },
  }, async (req, reply) => {
    const ctx: ChangeContext = { actor: '', kind: 'edit', sourceDocument: req.body.source_document, sourceQuote: req.body.source_quote, note: req.body.note };
    const authorize = publicationGuard(db, req, ctx);
    try {
      const res = await importValues(db, req.body.values, ctx, {
        authorize,
        alongside: (trx, r) => audit(trx, { actor: req.actor, ip: req.ip }, { action: 'values.write', entity: 'change_set', entityId: r.changeSetId, note: ctx.note, after: r }),
      });
      return reply.status(res.changeSetId ? 201 : 200).send(res);
    } catch (e) {
      if (e instanceof ImportRejected) {
        const conflict = e.errors.some((x) => /người khác/.test(x.messageVi));
        const err = rejected(e);
        throw conflict ? new UserError(409, 'conflict', err.messageVi, err.messageEn, e.errors) : err;
      }
      throw e;
    }
  });

  r.post('/values/import', {
    schema: {
      tags: ['values'],
      summary: 'Nhập tệp CSV hoặc JSON số liệu đã công bố (Bộ; tất cả hoặc không) / import a CSV or JSON file of published values (ministry)',
      querystring: z.object({ format: z.enum(['csv', 'json']).default('csv'), ...sourceFields }),
      body: z.unknown().describe('nội dung tệp (text/csv, text/plain hoặc application/json) / the file content'),
    },
  }, async (req, reply) => {
    const ctx: ChangeContext = { actor: '', kind: 'import', sourceDocument: req.query.source_document ?? null, sourceQuote: req.query.source_quote, note: req.query.note };
    const authorize = publicationGuard(db, req, ctx);
    const text = typeof req.body === 'string' ? req.body : JSON.stringify(req.body ?? null);
    const parsed = parseValueFile(text, req.query.format);
    if ('errors' in parsed) throw new UserError(400, 'unreadable_file', parsed.errors[0]!.messageVi, parsed.errors[0]!.messageEn, parsed.errors);
    try {
      const res = await importValues(db, parsed.rows, ctx, {
        authorize,
        alongside: (trx, r) => audit(trx, { actor: req.actor, ip: req.ip }, { action: 'values.import', entity: 'change_set', entityId: r.changeSetId, note: ctx.note, after: r }),
      });
      return reply.status(201).send(res);
    } catch (e) {
      if (e instanceof ImportRejected) throw rejected(e);
      throw e;
    }
  });

  r.get('/values/export', {
    schema: {
      tags: ['values'],
      summary: 'Xuất số liệu CSV/JSON / export values as CSV or JSON',
      querystring: z.object({
        format: z.enum(['csv', 'json']).default('csv'), place: z.string().optional(), indicator: z.string().optional(), period: z.string().optional(),
      }),
    },
  }, async (req, reply) => {
    const rows: ExportedValue[] = [];
    for await (const v of exportValues(db, { places: req.query.place?.split(','), indicators: req.query.indicator?.split(','), periods: req.query.period?.split(',') })) {
      rows.push({ ...v, changed_by: who(req, v.changed_by)! });
    }
    if (req.query.format === 'json') return reply.type('application/json').send(JSON.stringify({ values: rows }));
    return reply
      .type('text/csv; charset=utf-8')
      .header('content-disposition', 'attachment; filename="so-lieu.csv"')
      .send('\uFEFF' + toCsv(rows as unknown as Record<string, unknown>[]));
  });

  r.get('/values/history', {
    schema: {
      tags: ['values'],
      summary: 'Lịch sử sửa đổi của một số liệu / revision history of one value',
      querystring: z.object({
        place: z.string(), indicator: z.string(), period: z.string(),
        status: z.enum(['estimate', 'official', 'plan']).default('official'), breakdown: z.coerce.number().int().min(0).default(0),
      }),
    },
  }, async (req) => {
    const ref = await reference(db);
    const unit = ref.unitsBySlug.get(req.query.place);
    const ind = ref.indicatorsByCode.get(req.query.indicator);
    const period = parsePeriod(req.query.period);
    if (!unit || !ind || !period) throw new UserError(404, 'not_found', 'Không tìm thấy đơn vị, chỉ tiêu hoặc kỳ.', 'Unit, indicator or period not found.');
    const revs = await revisions(db.k, {
      period: periodKey(period), indicatorId: ind.id, unitId: unit.id, breakdownId: req.query.breakdown, measure: req.query.status === 'plan' ? 1 : 0,
    });
    return {
      place: unit.slug, indicator: ind.code, period: periodCode(period), unit: ind.baseUnit,
      revisions: revs.map((x) => ({
        version: x.version, value: x.value, status: STATUS_NAME[x.status], growth_pct: x.growthPct, pct_of_plan: x.pctOfPlan,
        qualifier: x.qualifier, note: x.note, at: x.at, actor: who(req, x.actor), kind: x.kind, source_document: x.sourceDocument,
        source_quote: x.sourceQuote, change_note: x.changeNote, current: x.supersededBy === null, period: periodCode(fromKey(x.period)),
      })),
    };
  });
}
