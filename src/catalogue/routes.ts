// Catalogue API: units with their history, regions and their members over time, indicators,
// disaggregations, ministry units, and a period reader.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { RouteContext } from '../server/app.ts';
import { notFound } from '../server/errors.ts';
import { formatPeriod, parsePeriod, periodCode, periodKey, endDate, startDate } from '../periods/period.ts';
import { inForce, reference, type Reference, type UnitRef } from './reference.ts';

const today = () => new Date().toISOString().slice(0, 10);
const dateParam = z.string().regex(/^\d{4}-\d{2}-\d{2}$/).optional().describe('ngày hiệu lực YYYY-MM-DD (mặc định hôm nay) / date in force');

function unitView(u: UnitRef) {
  return {
    id: u.slug, code: u.code, level: u.level, name_vi: u.nameVi, name_en: u.nameEn, short_vi: u.shortVi, short_en: u.shortEn,
    valid_from: u.validFrom, valid_to: u.validTo, aliases: u.aliases, unidentified: u.unidentified,
  };
}

function history(ref: Reference, u: UnitRef) {
  const slugOf = (id: number) => ref.unitsById.get(id)!.slug;
  const memberships = ref.memberships
    .filter((m) => m.unitId === u.id)
    .map((m) => ({ region: slugOf(m.regionId), valid_from: m.validFrom, valid_to: m.validTo }));
  return {
    predecessors: (ref.predecessors.get(u.id) ?? []).map(slugOf),
    successors: (ref.successors.get(u.id) ?? []).map(slugOf),
    regions: memberships,
  };
}

export async function catalogueRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get('/units', {
    schema: {
      tags: ['catalogue'],
      summary: 'Đơn vị hành chính (tỉnh, thành phố) theo ngày hiệu lực / provinces and cities in force on a date',
      querystring: z.object({ date: dateParam, level: z.enum(['province', 'region', 'country', 'commune']).default('province'), all: z.coerce.boolean().default(false) }),
    },
  }, async (req) => {
    const ref = await reference(db);
    const date = req.query.date ?? today();
    const units = [...ref.unitsById.values()]
      .filter((u) => u.level === req.query.level && !u.unidentified && (req.query.all || inForce(u, date)))
      .sort((a, b) => (a.code ?? a.slug).localeCompare(b.code ?? b.slug) || a.validFrom.localeCompare(b.validFrom));
    return { date, units: units.map((u) => ({ ...unitView(u), ...history(ref, u) })) };
  });

  r.get('/units/:id', {
    schema: { tags: ['catalogue'], summary: 'Một đơn vị và lịch sử của nó / one unit and its history', params: z.object({ id: z.string() }) },
  }, async (req) => {
    const ref = await reference(db);
    const u = ref.unitsBySlug.get(req.params.id);
    if (!u) throw notFound(`đơn vị "${req.params.id}"`, `Unit "${req.params.id}"`);
    return { ...unitView(u), meta: u.meta, ...history(ref, u) };
  });

  r.get('/regions', {
    schema: { tags: ['catalogue'], summary: 'Các vùng và số thành viên / regions and member counts', querystring: z.object({ date: dateParam }) },
  }, async (req) => {
    const ref = await reference(db);
    const date = req.query.date ?? today();
    const regions = [...ref.unitsById.values()].filter((u) => u.level === 'region' || u.level === 'country');
    return {
      date,
      regions: regions.map((g) => ({ ...unitView(g), label_vi: g.meta.label_vi, label_en: g.meta.label_en, members: ref.membersOn(g.id, date).length })),
    };
  });

  r.get('/regions/:id', {
    schema: {
      tags: ['catalogue'],
      summary: 'Thành viên của vùng theo ngày, và lịch sử thành viên / members on a date and membership history',
      params: z.object({ id: z.string() }),
      querystring: z.object({ date: dateParam }),
    },
  }, async (req) => {
    const ref = await reference(db);
    const g = ref.unitsBySlug.get(req.params.id);
    if (!g || (g.level !== 'region' && g.level !== 'country')) throw notFound(`vùng "${req.params.id}"`, `Region "${req.params.id}"`);
    const date = req.query.date ?? today();
    const slugOf = (id: number) => ref.unitsById.get(id)!.slug;
    return {
      ...unitView(g), meta: g.meta, date,
      members: ref.membersOn(g.id, date).map(unitView),
      history: ref.memberships.filter((m) => m.regionId === g.id).map((m) => ({ unit: slugOf(m.unitId), valid_from: m.validFrom, valid_to: m.validTo })),
    };
  });

  r.get('/indicators', { schema: { tags: ['catalogue'], summary: 'Danh mục chỉ tiêu / indicator catalogue' } }, async () => {
    const ref = await reference(db);
    return { indicators: [...ref.indicatorsById.values()].map(indicatorView) };
  });

  r.get('/indicators/:code', {
    schema: { tags: ['catalogue'], summary: 'Một chỉ tiêu / one indicator', params: z.object({ code: z.string() }) },
  }, async (req) => {
    const ref = await reference(db);
    const i = ref.indicatorsByCode.get(req.params.code);
    if (!i) throw notFound(`chỉ tiêu "${req.params.code}"`, `Indicator "${req.params.code}"`);
    const row = await db.k.selectFrom('indicator').select(['definition_vi', 'definition_en', 'field']).where('id', '=', i.id).executeTakeFirstOrThrow();
    return { ...indicatorView(i), ...row };
  });

  r.get('/dimensions', { schema: { tags: ['catalogue'], summary: 'Phân tổ và lựa chọn / disaggregations and options' } }, async () => {
    const dims = await db.k.selectFrom('dimension').selectAll().orderBy('id').execute();
    const opts = await db.k.selectFrom('dimension_option').selectAll().orderBy('id').execute();
    return {
      dimensions: dims.map((d) => ({
        code: d.code, name_vi: d.name_vi, name_en: d.name_en,
        options: opts.filter((o) => o.dimension_id === d.id).map((o) => ({ code: o.code, name_vi: o.name_vi, name_en: o.name_en })),
      })),
    };
  });

  r.get('/ministry-units', { schema: { tags: ['catalogue'], summary: 'Đơn vị thuộc Bộ (Cục, Vụ) / ministry units' } }, async () => {
    const rows = await db.k.selectFrom('ministry_unit').selectAll().orderBy('id').execute();
    return { ministry_units: rows.map(({ id, slug, ...rest }) => ({ id: slug, ...rest, _n: id })).map(({ _n, ...x }) => x) };
  });

  r.get('/periods/parse', {
    schema: {
      tags: ['catalogue'],
      summary: 'Đọc một kỳ viết theo mọi cách / read a period written any way',
      querystring: z.object({ text: z.string().max(200) }),
    },
  }, async (req) => {
    const p = parsePeriod(req.query.text);
    if (!p) throw notFound(`kỳ trong "${req.query.text}"`, `A period in "${req.query.text}"`);
    return {
      code: periodCode(p), key: periodKey(p), kind: p.kind, year: p.year, n: p.n, start: startDate(p), end: endDate(p),
      label_vi: formatPeriod(p, 'vi'), label_en: formatPeriod(p, 'en'),
    };
  });
}

function indicatorView(i: import('./reference.ts').IndicatorRef) {
  return {
    code: i.code, name_vi: i.nameVi, name_en: i.nameEn, short_vi: i.shortVi, short_en: i.shortEn, base_unit: i.baseUnit,
    decimals: i.decimals, nature: i.nature, aggregation: i.aggregation, formula: i.formula,
    ladder: i.meta.ladder ?? [], disaggregations: i.meta.disaggregations ?? [], weights: i.meta.weights ?? null,
  };
}
