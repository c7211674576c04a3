// Data sets, the reporting calendar and holidays: read by anyone signed in, defined by the ministry.
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { audit } from '../../access/audit.ts';
import { ensure, signedIn } from '../../access/guards.ts';
import { canDefineDatasets } from '../../access/policy.ts';
import { reference, type Reference } from '../../catalogue/reference.ts';
import { formatPeriod, fromKey, periodCode, periodKey } from '../../periods/period.ts';
import { isoTime } from '../../periods/dates.ts';
import type { RouteContext } from '../../server/app.ts';
import { UserError } from '../../server/errors.ts';
import { calendarOf, datasetOr404, reportingPeriodOr400 } from '../submissions/report.ts';
import { datasetDefinitionSchema, definitionProblems, periodsOfYear, type Dataset } from './dataset.ts';
import { datasets, saveDataset } from './datasetStore.ts';

export function datasetView(ds: Dataset, ref: Reference) {
  return {
    code: ds.code, name_vi: ds.nameVi, name_en: ds.nameEn, periodicity: ds.periodicity, regime: ds.regime, cutoff_day: ds.cutoffDay,
    working_days_after: ds.workingDaysAfter, ministry_unit: ds.ministryUnitSlug, active: ds.active, version: ds.version,
    items: ds.items.map((it) => {
      const ind = ref.indicatorsById.get(it.indicatorId)!;
      return {
        item: it.position, indicator: ind.code, name_vi: ind.nameVi, name_en: ind.nameEn, unit: ind.baseUnit, breakdown: it.breakdown, basis: it.basis,
        required: it.required, plan: it.withPlan, integer: it.integerOnly, min: it.min, max: it.max, growth_band: it.growthBand,
      };
    }),
  };
}

const isoDay = z.string().refine((s) => { try { isoTime(s); return true; } catch { return false; } }, 'ngày dạng YYYY-MM-DD / a YYYY-MM-DD date');

export async function datasetRoutes(app: FastifyInstance, { db }: RouteContext): Promise<void> {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const tags = ['collection'];

  r.get('/collection/datasets', {
    schema: { tags, summary: 'Các bộ số liệu báo cáo / reporting data sets' },
  }, async (req) => {
    signedIn(req);
    const ref = await reference(db);
    return { datasets: (await datasets(db)).map((d) => datasetView(d, ref)) };
  });

  r.get('/collection/datasets/:code', {
    schema: { tags, summary: 'Một bộ số liệu: chỉ tiêu, phân tổ, kỳ, quy tắc kiểm tra / one data set', params: z.object({ code: z.string() }) },
  }, async (req) => {
    signedIn(req);
    return { dataset: datasetView(await datasetOr404(db, req.params.code), await reference(db)) };
  });

  const save = async (req: any, body: z.output<typeof datasetDefinitionSchema>, expectedVersion: number | undefined, mustExist: boolean) => {
    const actor = ensure(req, canDefineDatasets(req.actor));
    const ref = await reference(db);
    const problems = definitionProblems(body, ref.indicatorsByCode);
    if (problems.length) throw new UserError(422, 'invalid_dataset', `Bộ số liệu không hợp lệ: ${problems[0]!.messageVi}`, 'Invalid data set.', problems);
    let muId: number | null = null;
    if (body.ministry_unit) {
      const m = await db.k.selectFrom('ministry_unit').select('id').where('slug', '=', body.ministry_unit).executeTakeFirst();
      if (!m) throw new UserError(422, 'invalid_dataset', `Không có đơn vị thuộc Bộ "${body.ministry_unit}".`, `No ministry unit "${body.ministry_unit}".`);
      muId = m.id;
    }
    const before = (await datasets(db)).find((d) => d.code === body.code);
    if (mustExist && !before) throw new UserError(404, 'not_found', `Không có bộ số liệu "${body.code}".`, `No data set "${body.code}".`);
    if (!mustExist && before) throw new UserError(409, 'exists', `Bộ số liệu "${body.code}" đã có; dùng PUT để sửa.`, `Data set "${body.code}" exists; use PUT.`);
    const ids = new Map([...ref.indicatorsByCode].map(([c, i]) => [c, i.id]));
    const res = await saveDataset(db, body, ids, muId, expectedVersion, async (trx, r2) => {
      await audit(trx, { actor, ip: req.ip }, {
        action: r2.created ? 'dataset.create' : 'dataset.update', entity: 'dataset', entityId: body.code,
        before: before ? datasetView(before, ref) : null, after: body,
      });
    });
    if ('conflict' in res) throw new UserError(409, 'conflict', 'Bộ số liệu vừa được người khác sửa; hãy tải lại.', 'Someone else changed this data set; reload it.');
    return datasetView((await datasets(db)).find((d) => d.code === body.code)!, ref);
  };

  r.post('/collection/datasets', {
    schema: { tags, summary: 'Tạo bộ số liệu (Bộ) / define a data set (ministry)', body: datasetDefinitionSchema },
  }, async (req, reply) => reply.status(201).send({ dataset: await save(req, req.body, undefined, false) }));

  r.put('/collection/datasets/:code', {
    schema: {
      tags, summary: 'Sửa bộ số liệu (Bộ; gửi version đã thấy) / redefine a data set (ministry; send the version seen)',
      params: z.object({ code: z.string() }), body: datasetDefinitionSchema.extend({ version: z.number().int().min(1) }),
    },
  }, async (req) => {
    if (req.body.code !== req.params.code) throw new UserError(400, 'invalid_request', 'Mã trong đường dẫn và nội dung khác nhau.', 'Code in path and body differ.');
    return { dataset: await save(req, req.body, req.body.version, true) };
  });

  r.get('/collection/datasets/:code/calendar', {
    schema: {
      tags, summary: 'Lịch báo cáo của năm: kỳ số liệu và hạn nộp (Nghị định 09/2019) / the year\'s reporting calendar',
      params: z.object({ code: z.string() }), querystring: z.object({ year: z.coerce.number().int().min(2000).max(2100) }),
    },
  }, async (req) => {
    signedIn(req);
    const ds = await datasetOr404(db, req.params.code);
    const periods = periodsOfYear(ds.periodicity, req.query.year);
    const cal = await calendarOf(db, ds, periods);
    return {
      dataset: ds.code, year: req.query.year,
      periods: periods.map((p) => {
        const c = cal.get(periodKey(p))!;
        return { period: periodCode(p), name_vi: formatPeriod(p, 'vi'), name_en: formatPeriod(p, 'en'), window_from: c.windowFrom, window_to: c.windowTo, deadline: c.deadline, overridden: c.overridden, note: c.note };
      }),
    };
  });

  r.put('/collection/calendar', {
    schema: {
      tags, summary: 'Dời hạn nộp của một kỳ (Bộ); deadline = null trả về hạn theo quy tắc / move one period\'s deadline (ministry)',
      body: z.object({ dataset: z.string(), period: z.string(), deadline: isoDay.nullable(), note: z.string().max(1000).optional() }),
    },
  }, async (req) => {
    const actor = ensure(req, canDefineDatasets(req.actor));
    const ds = await datasetOr404(db, req.body.dataset);
    const p = reportingPeriodOr400(ds, req.body.period);
    const key = periodKey(p);
    const before = (await calendarOf(db, ds, [p])).get(key)!;
    await db.k.transaction().execute(async (trx) => {
      await trx.deleteFrom('reporting_period').where('dataset_id', '=', ds.id).where('period', '=', key).execute();
      if (req.body.deadline) {
        await trx.insertInto('reporting_period').values({
          dataset_id: ds.id, period: key, window_from: before.windowFrom, window_to: before.windowTo, deadline: req.body.deadline, note: req.body.note ?? null,
        }).execute();
      }
      await audit(trx, { actor, ip: req.ip }, { action: 'calendar.deadline', entity: 'dataset', entityId: ds.code, before, after: { period: periodCode(fromKey(key)), deadline: req.body.deadline, note: req.body.note ?? null } });
    });
    const after = (await calendarOf(db, ds, [p])).get(key)!;
    return { period: periodCode(p), window_from: after.windowFrom, window_to: after.windowTo, deadline: after.deadline, overridden: after.overridden, note: after.note };
  });

  r.get('/collection/holidays', {
    schema: { tags, summary: 'Ngày nghỉ (không tính vào hạn nộp) / holidays (not working days)' },
  }, async (req) => {
    signedIn(req);
    return { holidays: await db.k.selectFrom('holiday').selectAll().orderBy('day').execute() };
  });

  r.put('/collection/holidays/:day', {
    schema: {
      tags, summary: 'Thêm hoặc sửa ngày nghỉ (Bộ) / add or rename a holiday (ministry)',
      params: z.object({ day: isoDay }), body: z.object({ name_vi: z.string().min(1).max(200), name_en: z.string().min(1).max(200) }),
    },
  }, async (req) => {
    const actor = ensure(req, canDefineDatasets(req.actor));
    const row = { day: req.params.day, ...req.body };
    await db.k.transaction().execute(async (trx) => {
      await trx.deleteFrom('holiday').where('day', '=', row.day).execute();
      await trx.insertInto('holiday').values(row).execute();
      await audit(trx, { actor, ip: req.ip }, { action: 'holiday.set', entity: 'holiday', entityId: row.day, after: row });
    });
    return { holiday: row };
  });

  r.delete('/collection/holidays/:day', {
    schema: { tags, summary: 'Bỏ một ngày nghỉ (Bộ) / remove a holiday (ministry)', params: z.object({ day: isoDay }) },
  }, async (req) => {
    const actor = ensure(req, canDefineDatasets(req.actor));
    await db.k.transaction().execute(async (trx) => {
      await trx.deleteFrom('holiday').where('day', '=', req.params.day).execute();
      await audit(trx, { actor, ip: req.ip }, { action: 'holiday.delete', entity: 'holiday', entityId: req.params.day });
    });
    return { deleted: req.params.day };
  });
}
