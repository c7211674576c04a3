// Writing master data (units, successions, regions, ministry units, indicators, dimensions) into the
// store: an idempotent upsert keyed by the files' ids, so loading a newer version of the files updates
// what changed and never renumbers what values already point to.
import type { Transaction } from 'kysely';
import type { Db } from '../db/database.ts';
import type { Database } from '../db/schema.ts';
import type { MasterData } from './masterDataSchema.ts';
import { invalidateReference } from './reference.ts';
import { rebuildRollups } from '../analytics/rebuildRollups.ts';

type T = Transaction<Database>;

export interface LoadReport {
  units: number;
  communes: number;
  memberships: number;
  successions: number;
  ministryUnits: number;
  indicators: number;
  dimensions: number;
  options: number;
  membershipChanged: boolean;
}

export async function loadMasterDataIntoStore(db: Db, md: MasterData): Promise<LoadReport> {
  const report = await db.k.transaction().execute(async (trx) => {
    const ids = await upsertUnits(trx, md);
    const successions = await replaceSuccessions(trx, md, ids);
    const { count: memberships, changed } = await replaceMemberships(trx, md, ids);
    const ministryUnits = await upsertMinistryUnits(trx, md);
    const { dimensions, options } = await upsertDimensions(trx, md);
    const indicators = await upsertIndicators(trx, md);
    return {
      units: md.units.length, communes: md.communes.length, memberships, successions, ministryUnits,
      indicators, dimensions, options, membershipChanged: changed,
    };
  });
  invalidateReference(db);
  // Rollups are sums over memberships: when those move, the sums are recomputed from the values.
  if (report.membershipChanged) await rebuildRollups(db);
  return report;
}

async function upsertUnits(trx: T, md: MasterData): Promise<Map<string, number>> {
  const rows = [
    ...md.units.map((u) => ({
      slug: u.id, code: u.code, level: u.level, name_vi: u.name_vi, name_en: u.name_en, short_vi: u.short_vi,
      short_en: u.short_en, parent_id: null as number | null, valid_from: u.valid_from, valid_to: u.valid_to,
      unidentified: u.unidentified ? 1 : 0, aliases: JSON.stringify([...u.aliases, ...u.former_names.map((f) => f.name_vi)]),
      note: u.note, meta: JSON.stringify({ kind: u.kind, ...(u.region ?? {}), former_names: u.former_names }),
    })),
  ];
  for (const r of rows) await upsertUnit(trx, r);
  const ids = await unitIds(trx);
  for (const c of md.communes) {
    await upsertUnit(trx, {
      slug: c.id, code: c.code, level: 'commune', name_vi: c.name_vi, name_en: c.name_en, short_vi: c.name_vi,
      short_en: c.name_en, parent_id: ids.get(c.parent) ?? null, valid_from: c.valid_from, valid_to: c.valid_to,
      unidentified: 0, aliases: JSON.stringify(c.aliases), note: c.note, meta: JSON.stringify({ kind: c.kind }),
    });
  }
  return unitIds(trx);
}

async function upsertUnit(trx: T, r: Omit<Database['unit'], 'id' | 'meta'> & { meta: string }): Promise<void> {
  const { slug, ...rest } = r;
  await trx.insertInto('unit').values(r).onConflict((oc) => oc.column('slug').doUpdateSet(rest)).execute();
  void slug;
}

async function unitIds(trx: T): Promise<Map<string, number>> {
  return new Map((await trx.selectFrom('unit').select(['id', 'slug']).execute()).map((u) => [u.slug, u.id]));
}

async function replaceSuccessions(trx: T, md: MasterData, ids: Map<string, number>): Promise<number> {
  await trx.deleteFrom('unit_succession').execute();
  const rows = md.successions.map((s) => ({ predecessor_id: ids.get(s.predecessor)!, successor_id: ids.get(s.successor)!, effective_date: s.effective_date }));
  if (rows.length) await trx.insertInto('unit_succession').values(rows).execute();
  return rows.length;
}

async function replaceMemberships(trx: T, md: MasterData, ids: Map<string, number>): Promise<{ count: number; changed: boolean }> {
  const key = (r: { region_id: number; unit_id: number; valid_from: string; valid_to: string | null }) =>
    `${r.region_id}|${r.unit_id}|${r.valid_from}|${r.valid_to}`;
  const before = new Set((await trx.selectFrom('region_membership').selectAll().execute()).map(key));
  const rows = md.memberships.map((m) => ({ region_id: ids.get(m.region)!, unit_id: ids.get(m.unit)!, valid_from: m.valid_from, valid_to: m.valid_to }));
  const changed = before.size !== rows.length || rows.some((r) => !before.has(key(r)));
  if (changed) {
    await trx.deleteFrom('region_membership').execute();
    for (let i = 0; i < rows.length; i += 500) await trx.insertInto('region_membership').values(rows.slice(i, i + 500)).execute();
  }
  return { count: rows.length, changed };
}

async function upsertMinistryUnits(trx: T, md: MasterData): Promise<number> {
  for (const m of md.ministryUnits) {
    const row = {
      slug: m.id, kind: m.kind, name_vi: m.name_vi, name_en: m.name_en, short_vi: m.short_vi, short_en: m.short_en,
      valid_from: m.valid_from, valid_to: m.valid_to,
    };
    const { slug, ...rest } = row;
    void slug;
    await trx.insertInto('ministry_unit').values(row).onConflict((oc) => oc.column('slug').doUpdateSet(rest)).execute();
  }
  return md.ministryUnits.length;
}

async function upsertDimensions(trx: T, md: MasterData): Promise<{ dimensions: number; options: number }> {
  let options = 0;
  for (const d of md.dimensions) {
    const dim = await trx
      .insertInto('dimension')
      .values({ code: d.code, name_vi: d.name_vi, name_en: d.name_en })
      .onConflict((oc) => oc.column('code').doUpdateSet({ name_vi: d.name_vi, name_en: d.name_en }))
      .returning('id')
      .executeTakeFirstOrThrow();
    for (const o of d.options) {
      await trx
        .insertInto('dimension_option')
        .values({ dimension_id: dim.id, code: o.code, name_vi: o.name_vi, name_en: o.name_en })
        .onConflict((oc) => oc.columns(['dimension_id', 'code']).doUpdateSet({ name_vi: o.name_vi, name_en: o.name_en }))
        .execute();
      options++;
    }
  }
  return { dimensions: md.dimensions.length, options };
}

async function upsertIndicators(trx: T, md: MasterData): Promise<number> {
  for (const i of md.indicators) {
    const row = {
      code: i.code, name_vi: i.name_vi, name_en: i.name_en, short_vi: i.short_vi, short_en: i.short_en,
      base_unit: i.base_unit, decimals: i.decimals, nature: i.nature, aggregation: i.aggregation, formula: i.formula,
      field: i.field, definition_vi: i.definition_vi, definition_en: i.definition_en,
      meta: JSON.stringify({ ladder: i.ladder, prose_vi: i.prose_vi, prose_en: i.prose_en, aliases_vi: i.aliases_vi, disaggregations: i.disaggregations, weights: i.weights, note: i.note }),
    };
    const { code, ...rest } = row;
    void code;
    await trx.insertInto('indicator').values(row).onConflict((oc) => oc.column('code').doUpdateSet(rest)).execute();
  }
  return md.indicators.length;
}
