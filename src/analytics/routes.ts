// Analytics API: the regional figure of one indicator (with its inputs) and the regional pivot.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../server/app.ts';
import { periodParam, langParam } from '../server/params.ts';
import { regionalIndicator } from './regional.ts';
import { regionalPivot } from './pivot.ts';
import { describeRegionalFigure } from './describe.ts';
import { reference } from '../catalogue/reference.ts';
import { series } from './series.ts';

export async function analyticsRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/analytics/regions/:region/indicators/:indicator', {
    schema: {
      tags: ['analytics'],
      summary: 'Chỉ tiêu của vùng trong kỳ, so cùng kỳ, các tỉnh trên mức bình quân / One indicator of a region for a period',
      description:
        'Tổng của vùng từ số liệu các tỉnh đã báo cáo (độ phủ luôn kèm theo), tăng trưởng so cùng kỳ tính từ tổng (không lấy bình quân tốc độ), ' +
        'các tỉnh có mức tăng cao hơn mức tăng của vùng, xếp hạng, tỷ trọng, % kế hoạch, và số liệu vùng đã công bố. ' +
        '/ Regional level from reporting provinces (coverage shown), growth as a ratio of sums, provinces above the regional rate, ranks, shares, % of plan, published figures.',
      params: z.object({ region: z.string(), indicator: z.string() }),
      querystring: z.object({ period: periodParam, lang: langParam, breakdown: z.coerce.number().int().min(0).optional() }),
    },
  }, async (req) => {
    const { period, lang } = req.query;
    const figure = await regionalIndicator(db, { region: req.params.region, indicator: req.params.indicator, period, breakdownId: req.query.breakdown });
    return { ...figure, text: describeRegionalFigure(await reference(db), figure, lang) };
  });

  r.get('/analytics/pivot', {
    schema: {
      tags: ['analytics'],
      summary: 'Bảng tổng hợp: mọi chỉ tiêu × mọi vùng trong kỳ / Regional pivot: every indicator × every region',
      querystring: z.object({
        period: periodParam,
        regions: z.string().optional().describe('mã vùng, cách nhau bởi dấu phẩy / comma-separated region ids'),
        indicators: z.string().optional().describe('mã chỉ tiêu, cách nhau bởi dấu phẩy / comma-separated indicator codes'),
      }),
    },
  }, async (req) => {
    const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : undefined);
    const cells = await regionalPivot(db, { period: req.query.period, regions: list(req.query.regions), indicators: list(req.query.indicators) });
    return { period: req.query.period, cells };
  });

  r.get('/analytics/series', {
    schema: {
      tags: ['analytics'],
      summary: 'Chuỗi thời gian của một chỉ tiêu cho một vùng hoặc tỉnh / time series of one indicator for a region or province',
      querystring: z.object({
        place: z.string(), indicator: z.string(),
        kind: z.enum(['month', 'quarter', 'half', 'ytd', 'year']).default('month'),
        n: z.coerce.number().int().min(1).max(12).optional().describe('với ytd: số tháng / for ytd: number of months'),
        from: z.coerce.number().int().min(1900).max(2999), to: z.coerce.number().int().min(1900).max(2999),
      }).refine((q) => q.to >= q.from && q.to - q.from <= 30, { message: 'Khoảng năm không hợp lệ (tối đa 30 năm) / invalid year range' }),
    },
  }, async (req) => {
    const q = req.query;
    return { place: q.place, indicator: q.indicator, points: await series(db, { place: q.place, indicator: q.indicator, kind: q.kind, n: q.n, fromYear: q.from, toYear: q.to }) };
  });
}
