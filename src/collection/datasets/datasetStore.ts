// SQL of data sets, their items, holidays and calendar overrides.
import type { Kysely, Transaction } from 'kysely';
import type { Db } from '../../db/database.ts';
import type { Database } from '../../db/schema.ts';
import { ensureBreakdowns, loadBreakdownResolver } from '../breakdowns.ts';
import type { Basis, Dataset, ParsedDefinition, Periodicity, Regime } from './dataset.ts';

type Q = Kysely<Database> | Transaction<Database>;

export async function listDatasets(q: Q): Promise<Dataset[]> {
  const rows = await q.selectFrom('dataset as d').leftJoin('ministry_unit as m', 'm.id', 'd.ministry_unit_id')
    .selectAll('d').select('m.slug as mu_slug').orderBy('d.code').execute();
  if (!rows.length) return [];
  const items = await q.selectFrom('dataset_item as i').innerJoin('breakdown as b', 'b.id', 'i.breakdown_id')
    .selectAll('i').select('b.signature').where('i.dataset_id', 'in', rows.map((r) => r.id)).orderBy('i.dataset_id').orderBy('i.position').execute();
  return rows.map((r) => ({
    id: r.id, code: r.code, nameVi: r.name_vi, nameEn: r.name_en, periodicity: r.periodicity as Periodicity, regime: r.regime as Regime,
    cutoffDay: r.cutoff_day, workingDaysAfter: r.working_days_after, ministryUnitId: r.ministry_unit_id, ministryUnitSlug: r.mu_slug ?? null,
    active: r.active === 1, version: r.version,
    items: items.filter((i) => i.dataset_id === r.id).map((i) => ({
      position: i.position, indicatorId: i.indicator_id, breakdownId: i.breakdown_id, breakdown: i.signature, basis: i.basis as Basis,
      required: i.required === 1, withPlan: i.with_plan === 1, integerOnly: i.integer_only === 1, min: i.min_value, max: i.max_value, growthBand: i.growth_band,
    })),
  }));
}

// Data sets change rarely and are read on every save: cached per store, dropped on every write.
const cache = new WeakMap<Db, Promise<Dataset[]>>();
export function datasets(db: Db): Promise<Dataset[]> {
  let p = cache.get(db);
  if (!p) {
    p = listDatasets(db.k);
    cache.set(db, p);
    p.catch(() => cache.delete(db));
  }
  return p;
}
export const invalidateDatasets = (db: Db) => cache.delete(db);

export async function datasetByCode(db: Db, code: string): Promise<Dataset | null> {
  return (await datasets(db)).find((d) => d.code === code) ?? null;
}

/** Creates or replaces a data set's definition; `expectedVersion` guards a replacement. */
export async function saveDataset(db: Db, d: ParsedDefinition, indicatorIds: Map<string, number>, ministryUnitId: number | null,
  expectedVersion: number | undefined, then: (trx: Transaction<Database>, r: { id: number; created: boolean }) => Promise<void>,
): Promise<{ id: number; created: boolean } | { conflict: true }> {
  // Breakdown ids first: ensureBreakdowns has its own transaction (SQLite has one connection).
  const bids = await ensureBreakdowns(db, await loadBreakdownResolver(db), d.items.map((i) => i.breakdown));
  const result = await db.k.transaction().execute((trx) => saveIn(trx, d, indicatorIds, bids, ministryUnitId, expectedVersion, then));
  invalidateDatasets(db);
  return result;
}

async function saveIn(trx: Transaction<Database>, d: ParsedDefinition, indicatorIds: Map<string, number>, bids: Map<string, number>,
  ministryUnitId: number | null, expectedVersion: number | undefined,
  then: (trx: Transaction<Database>, r: { id: number; created: boolean }) => Promise<void>,
): Promise<{ id: number; created: boolean } | { conflict: true }> {
  const at = new Date().toISOString();
  const existing = await trx.selectFrom('dataset').select(['id', 'version']).where('code', '=', d.code).executeTakeFirst();
  const fields = {
    name_vi: d.name_vi, name_en: d.name_en, periodicity: d.periodicity, regime: d.regime, cutoff_day: d.cutoff_day,
    working_days_after: d.working_days_after, ministry_unit_id: ministryUnitId, active: d.active ? 1 : 0, updated_at: at,
  };
  let id: number;
  if (existing) {
    if (expectedVersion !== undefined && expectedVersion !== existing.version) return { conflict: true };
    await trx.updateTable('dataset').set({ ...fields, version: existing.version + 1 }).where('id', '=', existing.id).execute();
    await trx.deleteFrom('dataset_item').where('dataset_id', '=', existing.id).execute();
    id = existing.id;
  } else {
    id = (await trx.insertInto('dataset').values({ code: d.code, ...fields, created_at: at }).returning('id').executeTakeFirstOrThrow()).id;
  }
  await trx.insertInto('dataset_item').values(d.items.map((it, position) => ({
    dataset_id: id, position, indicator_id: indicatorIds.get(it.indicator)!, breakdown_id: bids.get(it.breakdown)!, basis: it.basis,
    required: it.required ? 1 : 0, with_plan: it.plan ? 1 : 0, integer_only: it.integer ? 1 : 0, min_value: it.min ?? null,
    max_value: it.max ?? null, growth_band: it.growth_band ?? null,
  }))).execute();
  const r = { id, created: !existing };
  await then(trx, r);
  return r;
}

export async function holidays(q: Q): Promise<{ day: string; name_vi: string; name_en: string }[]> {
  return q.selectFrom('holiday').selectAll().orderBy('day').execute();
}

export async function calendarOverrides(q: Q, datasetId: number, periods: number[]) {
  if (!periods.length) return [];
  return q.selectFrom('reporting_period').selectAll().where('dataset_id', '=', datasetId).where('period', 'in', periods).execute();
}
