// The synthetic catalogue in the store: units (34 "Tỉnh tổng hợp" provinces, 6 regions, `national`),
// memberships, the 200 indicators with IIP weights, dimensions, options and breakdowns, all flagged
// synthetic. Written through Kysely on the tables of src/db/schema.ts, then the reference is invalidated.
import { invalidateReference } from '../src/catalogue/reference.ts';
import type { Db } from '../src/db/database.ts';
import type { DatasetModel, DatasetPlan } from './generate.ts';

/** Region numbers 1..6 (the model assigns each province one of them). */
const regionNumbers = (model: DatasetModel) => Array.from({ length: Math.max(...model.regionOf) + 1 }, (_, r) => r + 1);

/** Store ids of the model's objects (a fresh store numbers them 1.. in creation order). */
export interface SynCatalogue {
  model: DatasetModel;
  provinceIds: number[];
  regionIds: number[]; // 6 regions, then national
  indicatorIds: number[]; // per spec
  tradeBreakdownIds: number[]; // commodity-major, ascending
  sectorBreakdownIds: number[];
}

const pad = (k: number, n: number) => String(k).padStart(Math.max(2, String(n).length), '0');

export async function createCatalogue(db: Db, model: DatasetModel): Promise<SynCatalogue> {
  const { plan, specs } = model;
  const existing = await db.k.selectFrom('unit').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  if (Number(existing.n) > 0) throw new Error('the synthetic catalogue needs an empty store');
  const note = 'Dữ liệu tổng hợp cho đo hiệu năng, không phải số liệu thật / synthetic benchmark data, not real figures';
  const unitRow = (slug: string, level: 'country' | 'region' | 'province', code: string | null, vi: string, en: string, shortVi: string) => ({
    slug, code, level, name_vi: vi, name_en: en, short_vi: shortVi, short_en: shortVi, parent_id: null,
    valid_from: '1900-01-01', valid_to: null, unidentified: 0, aliases: '[]', note, meta: JSON.stringify({ synthetic: true }),
  });
  await db.k.insertInto('unit').values([
    unitRow('national', 'country', null, 'Cả nước (tổng hợp)', 'Whole country (synthetic)', 'Cả nước'),
    ...regionNumbers(model).map((r) => unitRow(`syn-r${r}`, 'region', null, `Vùng tổng hợp ${r}`, `Synthetic region ${r}`, `Vùng TH ${r}`)),
    ...Array.from({ length: plan.provinces }, (_, p) => {
      const n = pad(p + 1, plan.provinces);
      return unitRow(`syn-${n}`, 'province', `S${n}`, `Tỉnh tổng hợp ${n}`, `Synthetic province ${n}`, `TTH ${n}`);
    }),
  ]).execute();
  const { provinceIds, regionIds } = await catalogueIds(db, model, false);
  await db.k.insertInto('region_membership').values(provinceIds.flatMap((u, p) => [
    { region_id: regionIds[model.regionOf[p]!]!, unit_id: u, valid_from: '1900-01-01', valid_to: null },
    { region_id: regionIds[6]!, unit_id: u, valid_from: '1900-01-01', valid_to: null },
  ])).execute();

  await insertChunked(db, 'indicator', specs.map((s) => ({
    code: s.code, name_vi: s.nameVi, name_en: s.nameEn, short_vi: s.nameVi, short_en: s.nameEn, base_unit: s.unit,
    decimals: s.nature === 'stock' ? 0 : 2, nature: s.nature, aggregation: s.aggregation, formula: s.formula, field: null,
    definition_vi: null, definition_en: null,
    meta: JSON.stringify({ synthetic: true, dimensions: s.dims === 'trade' ? ['commodity_group', 'partner_market'] : s.dims === 'sector' ? ['sector'] : [] }),
  })));
  const { indicatorIds } = await catalogueIds(db, model, false);
  await db.k.insertInto('unit_weight').values(specs.flatMap((s, i) => s.aggregation !== 'weighted_index' ? [] :
    provinceIds.map((u, p) => ({ unit_id: u, indicator_id: indicatorIds[i]!, base_year: 2020, weight: model.weight[p]! })))).execute();

  const dims: Array<[string, string, string, string, number]> = [
    ['commodity_group', 'Nhóm hàng (tổng hợp)', 'Commodity group (synthetic)', 'c', plan.commodities],
    ['partner_market', 'Thị trường (tổng hợp)', 'Partner market (synthetic)', 'm', plan.markets],
    ['sector', 'Khu vực, ngành (tổng hợp)', 'Sector (synthetic)', 's', plan.sectors],
  ];
  const opt = new Map<string, number>();
  for (const [code, vi, en, prefix, n] of dims) {
    const d = await db.k.insertInto('dimension').values({ code, name_vi: vi, name_en: en }).returning('id').executeTakeFirstOrThrow();
    await insertChunked(db, 'dimension_option', Array.from({ length: n }, (_, k) => ({
      dimension_id: d.id, code: `${prefix}${pad(k + 1, n)}`, name_vi: `${vi} ${k + 1}`, name_en: `${en} ${k + 1}`,
    })));
    for (const r of await db.k.selectFrom('dimension_option').select(['id', 'code']).where('dimension_id', '=', d.id).execute()) {
      opt.set(`${code}=${r.code}`, r.id);
    }
  }
  const { trade, sector } = breakdownSignatures(plan);
  const all = [...trade, ...sector];
  await insertChunked(db, 'breakdown', all.map((parts) => ({ signature: parts.join(';') })));
  const bIds = await idsBy(db, 'breakdown', 'signature');
  await insertChunked(db, 'breakdown_option', all.flatMap((parts) =>
    parts.map((o) => ({ breakdown_id: bIds.get(parts.join(';'))!, option_id: opt.get(o)! }))));
  invalidateReference(db);
  return catalogueIds(db, model, true);
}

function breakdownSignatures(plan: DatasetPlan): { trade: string[][]; sector: string[][] } {
  const trade: string[][] = [];
  for (let c = 1; c <= plan.commodities; c++) {
    for (let m = 1; m <= plan.markets; m++) {
      trade.push([`commodity_group=c${pad(c, plan.commodities)}`, `partner_market=m${pad(m, plan.markets)}`]);
    }
  }
  const sector = Array.from({ length: plan.sectors }, (_, s) => [`sector=s${pad(s + 1, plan.sectors)}`]);
  return { trade, sector };
}

/** The store ids of a catalogue already written (also used to reuse a store loaded by an earlier run). */
export async function catalogueIds(db: Db, model: DatasetModel, complete = true): Promise<SynCatalogue> {
  const { plan, specs } = model;
  const units = await idsBy(db, 'unit', 'slug');
  const inds = await idsBy(db, 'indicator', 'code');
  const bIds = complete ? await idsBy(db, 'breakdown', 'signature') : new Map<string, number>();
  const { trade, sector } = breakdownSignatures(plan);
  const must = (m: Map<string, number>, k: string) => {
    const id = m.get(k);
    if (id === undefined && complete) throw new Error(`the store lacks the synthetic ${k}: was it loaded with another --values?`);
    return id ?? -1;
  };
  return {
    model,
    provinceIds: Array.from({ length: plan.provinces }, (_, p) => must(units, `syn-${pad(p + 1, plan.provinces)}`)),
    regionIds: [...regionNumbers(model).map((r) => must(units, `syn-r${r}`)), must(units, 'national')],
    indicatorIds: specs.map((s) => must(inds, s.code)),
    tradeBreakdownIds: trade.map((p) => must(bIds, p.join(';'))),
    sectorBreakdownIds: sector.map((p) => must(bIds, p.join(';'))),
  };
}

async function insertChunked(db: Db, table: 'indicator' | 'dimension_option' | 'breakdown' | 'breakdown_option', rows: any[]): Promise<void> {
  for (let i = 0; i < rows.length; i += 500) await db.k.insertInto(table).values(rows.slice(i, i + 500)).execute();
}

async function idsBy(db: Db, table: 'unit' | 'indicator' | 'breakdown', col: 'slug' | 'code' | 'signature'): Promise<Map<string, number>> {
  const rows = (await db.k.selectFrom(table as 'unit').select(['id', `${col} as key` as 'slug']).execute()) as unknown as Array<{ id: number; key: string }>;
  return new Map(rows.map((r) => [r.key, r.id]));
}

/** The ids a fresh store assigns (for the standalone checksum run, which writes nowhere). */
export function localCatalogue(model: DatasetModel): SynCatalogue {
  const seq = (n: number, from = 1) => Array.from({ length: n }, (_, k) => from + k);
  const nTrade = model.plan.commodities * model.plan.markets;
  return {
    model, regionIds: seq(7), provinceIds: seq(model.plan.provinces, 8), indicatorIds: seq(model.specs.length),
    tradeBreakdownIds: seq(nTrade), sectorBreakdownIds: seq(model.plan.sectors, nTrade + 1),
  };
}
