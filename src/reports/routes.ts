// Reports API: GET /api/reports/:type?region=|province=&period=&lang=&format=html|docx|pdf|xlsx|json.
// Reports read only published figures (the `value` table), so, like the analytics, they are public.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../server/app.ts';
import { langParam, periodParam } from '../server/params.ts';
import { notFound } from '../server/errors.ts';
import { REPORT_FORMATS, REPORT_TYPES, type ReportFormat, type ReportType } from './model.ts';
import { generateReport } from './generate.ts';
import { FONT_FILE, readFont } from './render/fonts.ts';

const DESCRIPTIONS: Record<ReportType, { vi: string; en: string; needs: 'region' | 'province' | 'region?' ; example: string }> = {
  conference: {
    vi: 'Báo cáo phục vụ hội nghị ngành Công Thương khu vực: kết quả từng chỉ tiêu, tỉnh trên mức bình quân, cụm công nghiệp, tiến độ kế hoạch, khó khăn, nhiệm vụ, kiến nghị, bảng và biểu đồ.',
    en: 'Regional conference report: results indicator by indicator, provinces above the regional rate, clusters, plan progress, difficulties, tasks, recommendations, tables and charts.',
    needs: 'region', example: '/api/reports/conference?region=south&period=9T/2024',
  },
  provincial: {
    vi: 'Báo cáo sơ kết của một tỉnh: kết quả, % kế hoạch, chỉ tiêu còn lại và mức cần đạt mỗi tháng.',
    en: 'Provincial period review: results, % of plan, the targets for the rest of the year and what each requires per month.',
    needs: 'province', example: '/api/reports/provincial?province=unnamed-province-003&period=9T/2019',
  },
  monthly: {
    vi: 'Bản tin tháng: mỗi khu vực một trang (bỏ trống region để có tất cả các khu vực).',
    en: 'Monthly brief: one page per region (omit region for every region).',
    needs: 'region?', example: '/api/reports/monthly?region=south&period=T10/2024',
  },
};

export async function reportRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/reports', {
    schema: { tags: ['reports'], summary: 'Các loại báo cáo / report types' },
  }, async () => ({
    types: REPORT_TYPES.map((type) => ({ type, ...DESCRIPTIONS[type] })),
    formats: REPORT_FORMATS,
  }));

  r.get('/reports/:type', {
    schema: {
      tags: ['reports'],
      summary: 'Báo cáo viết từ số liệu: HTML, Word (Nghị định 30), PDF, Excel / a report written from the data',
      description:
        'format=html (mặc định): trang xem trước, mỗi số liệu dẫn tới số liệu gốc; docx: văn bản theo Nghị định 30/2020/NĐ-CP; pdf; xlsx: phụ lục bảng; json: mô hình báo cáo. ' +
        '/ html (default): preview in which every figure links to its inputs; docx: Decree 30 document; pdf; xlsx: annex tables; json: the report model.',
      params: z.object({ type: z.enum(REPORT_TYPES as [ReportType, ...ReportType[]]) }),
      querystring: z.object({
        region: z.string().max(80).optional().describe('mã vùng / region id (north, south, central, national)'),
        province: z.string().max(80).optional().describe('mã tỉnh / province id'),
        period: periodParam,
        lang: langParam,
        format: z.enum(REPORT_FORMATS as [ReportFormat, ...ReportFormat[]]).default('html'),
        date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('ngày ghi trên báo cáo / date printed on the report (YYYY-MM-DD)'),
      }),
    },
  }, async (req, reply) => {
    const q = req.query;
    const origin = `${req.protocol}://${req.headers.host ?? 'localhost'}`;
    const out = await generateReport(db, {
      type: req.params.type, region: q.region ?? null, province: q.province ?? null, period: q.period, lang: q.lang, date: q.date,
      reader: req.actor ?? null,
    }, q.format, { selfPath: `/api/reports/${req.params.type}`, absoluteBase: origin });
    const disposition = q.format === 'html' || q.format === 'json' ? 'inline' : 'attachment';
    return reply
      .type(out.contentType)
      .header('content-disposition', `${disposition}; filename="${out.fileName}"`)
      .header('cache-control', 'no-store')
      .send(out.body);
  });

  // Tinos for the preview, for readers without Times New Roman (whitelisted names only).
  r.get('/reports/assets/:file', {
    schema: { hide: true, params: z.object({ file: z.string().max(80) }) },
  }, async (req, reply) => {
    if (!FONT_FILE.test(req.params.file)) throw notFound('tệp', 'File');
    return reply
      .type(req.params.file.endsWith('.woff2') ? 'font/woff2' : 'font/woff')
      .header('cache-control', 'public, max-age=31536000, immutable')
      .send(readFont(req.params.file));
  });
}
