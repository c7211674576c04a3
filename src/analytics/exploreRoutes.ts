// Pivot explorer API: indicators × places × periods × disaggregations with growth, share and % of
// plan; the same table as CSV or Excel; and where a dashboard opens (the latest period with figures).
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../server/app.ts';
import { langParam } from '../server/params.ts';
import { UserError } from '../server/errors.ts';
import { parsePeriod, periodCode, type Period } from '../periods/period.ts';
import { explore, type ExploreQuery } from './explore.ts';
import { exploreCsv, exploreXlsx } from './exploreExport.ts';
import { MEASURES, type Measure } from './exploreTable.ts';
import { latestFigure } from './latest.ts';

const list = (s?: string) => (s ? s.split(',').map((x) => x.trim()).filter(Boolean) : []);

const exploreQuery = {
  places: z.string().min(1).describe('mã đơn vị (vùng, tỉnh), cách nhau bởi dấu phẩy / comma-separated place ids'),
  indicators: z.string().min(1).describe('mã chỉ tiêu, cách nhau bởi dấu phẩy / comma-separated indicator codes'),
  periods: z.string().min(1).describe('kỳ, cách nhau bởi dấu phẩy: 9T/2024,9T/2023 / comma-separated periods'),
  breakdowns: z.string().optional().describe('phân tổ "dimension=option" (nhiều chiều nối bằng ;), cách nhau bởi dấu phẩy; "total" = tổng số / breakdown signatures, comma-separated; "total" is the total'),
};

function toQuery(q: { places: string; indicators: string; periods: string; breakdowns?: string }): ExploreQuery {
  const periods: Period[] = [];
  for (const text of list(q.periods)) {
    const p = parsePeriod(text);
    if (!p) throw new UserError(400, 'invalid_request', `Kỳ không đọc được: "${text}" (ví dụ 9T/2024, T10/2024, Q3/2024, 2024).`, `Unreadable period "${text}".`);
    if (!periods.some((x) => periodCode(x) === periodCode(p))) periods.push(p);
  }
  const breakdowns = list(q.breakdowns).map((b) => (b === 'total' ? '' : b.split(';').map((s) => s.trim()).filter(Boolean).sort().join(';')));
  return { places: [...new Set(list(q.places))], indicators: [...new Set(list(q.indicators))], periods, breakdowns: [...new Set(breakdowns)] };
}

export async function exploreRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/analytics/explore', {
    schema: {
      tags: ['analytics'],
      summary: 'Bảng tổng hợp tùy chọn: chỉ tiêu × đơn vị × kỳ × phân tổ, kèm tăng trưởng, tỷ trọng, % kế hoạch / pivot explorer data',
      querystring: z.object(exploreQuery),
    },
  }, async (req) => explore(db, toQuery(req.query)));

  r.get('/analytics/explore/export', {
    schema: {
      tags: ['analytics'],
      summary: 'Xuất bảng tổng hợp ra CSV hoặc Excel (.xlsx) / export the pivot table as CSV or Excel',
      querystring: z.object({
        ...exploreQuery,
        format: z.enum(['csv', 'xlsx']).default('xlsx'),
        measures: z.string().optional().describe('value,growth,share,plan'),
        lang: langParam,
      }),
    },
  }, async (req, reply) => {
    const q = toQuery(req.query);
    const measures = list(req.query.measures).filter((m): m is Measure => (MEASURES as readonly string[]).includes(m));
    const res = await explore(db, q);
    const lang = req.query.lang;
    const stem = `${lang === 'vi' ? 'bang-tong-hop' : 'pivot'}-${q.periods.map(periodCode).join('_').replaceAll('/', '-')}`.slice(0, 120);
    if (req.query.format === 'csv') {
      return reply.type('text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${stem}.csv"`).send(exploreCsv(res, measures, lang));
    }
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', `attachment; filename="${stem}.xlsx"`)
      .send(await exploreXlsx(res, measures, lang));
  });

  r.get('/analytics/latest', {
    schema: {
      tags: ['analytics'],
      summary: 'Kỳ gần nhất có số liệu của một vùng cho một chỉ tiêu (trang mở đầu) / the latest period with a figure for a region',
      querystring: z.object({ region: z.string().optional(), indicator: z.string().optional() }),
    },
  }, async (req) => {
    const l = await latestFigure(db, { region: req.query.region, indicator: req.query.indicator });
    if (!l) throw new UserError(404, 'not_found', 'Chưa có vùng hoặc chỉ tiêu nào trong danh mục.', 'The catalogue has no region or indicator yet.');
    return l;
  });
}
