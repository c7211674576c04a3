// A small, hand-made catalogue for tests of the engine: four provinces in a region, two of which merge
// on 2025-07-01, and indicators of each aggregation kind. Real master data is tested on its own.
import { invalidateReference } from '../catalogue/reference.ts';
import type { Db } from './database.ts';

export const FIXTURE = {
  provinces: ['a', 'b', 'c', 'd'] as const, // c and d merge into cd on 2025-07-01
};

export async function loadFixtureCatalogue(db: Db): Promise<Record<string, number>> {
  const ids: Record<string, number> = {};
  const unit = async (slug: string, level: 'country' | 'region' | 'province', code: string | null, from = '1900-01-01', to: string | null = null) => {
    const r = await db.k
      .insertInto('unit')
      .values({
        slug, code, level, name_vi: `Tỉnh ${slug.toUpperCase()}`, name_en: `Province ${slug.toUpperCase()}`,
        short_vi: slug.toUpperCase(), short_en: slug.toUpperCase(), parent_id: null, valid_from: from,
        valid_to: to, unidentified: 0, aliases: '[]', note: null,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[slug] = r.id;
  };
  await unit('region1', 'region', null);
  await unit('a', 'province', '01');
  await unit('b', 'province', '02');
  await unit('c', 'province', '03', '1900-01-01', '2025-06-30');
  await unit('d', 'province', '04', '1900-01-01', '2025-06-30');
  await unit('cd', 'province', '04', '2025-07-01');
  await db.k.insertInto('unit_succession').values([
    { predecessor_id: ids.c!, successor_id: ids.cd!, effective_date: '2025-07-01' },
    { predecessor_id: ids.d!, successor_id: ids.cd!, effective_date: '2025-07-01' },
  ]).execute();
  const member = (u: string, from: string, to: string | null) => ({ region_id: ids.region1!, unit_id: ids[u]!, valid_from: from, valid_to: to });
  await db.k.insertInto('region_membership').values([
    member('a', '1900-01-01', null), member('b', '1900-01-01', null),
    member('c', '1900-01-01', '2025-06-30'), member('d', '1900-01-01', '2025-06-30'), member('cd', '2025-07-01', null),
  ]).execute();
  const indicator = async (code: string, aggregation: 'sum' | 'weighted_index' | 'derived', nature: 'flow' | 'stock' | 'index', baseUnit: string, formula: string | null = null) => {
    const r = await db.k
      .insertInto('indicator')
      .values({
        code, name_vi: code, name_en: code, short_vi: code, short_en: code, base_unit: baseUnit, decimals: 2,
        nature, aggregation, formula, field: null, definition_vi: null, definition_en: null, meta: '{}',
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    ids[code] = r.id;
  };
  await indicator('retail_services', 'sum', 'flow', 'tỷ đồng');
  await indicator('exports', 'sum', 'flow', 'triệu USD');
  await indicator('imports', 'sum', 'flow', 'triệu USD');
  await indicator('trade_balance', 'derived', 'flow', 'triệu USD', 'exports - imports');
  await indicator('iip', 'weighted_index', 'index', '%');
  await db.k.insertInto('unit_weight').values(
    (['a', 'b', 'c', 'd', 'cd'] as const).map((u, i) => ({ unit_id: ids[u]!, indicator_id: ids.iip!, base_year: 2020, weight: [10, 30, 20, 40, 60][i]! })),
  ).execute();
  invalidateReference(db);
  return ids;
}
