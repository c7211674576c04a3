// Exporting current values in the same shape an import takes, so a file can go out and come back.
import { reference } from '../catalogue/reference.ts';
import type { Db } from '../db/database.ts';
import { fromKey, parsePeriod, periodCode, periodKey } from '../periods/period.ts';
import { STATUS_NAME } from './valueModel.ts';

export interface ExportFilter {
  places?: string[];
  indicators?: string[];
  periods?: string[];
  status?: 'estimate' | 'official' | 'plan';
  limit?: number;
}

export interface ExportedValue {
  place: string;
  indicator: string;
  period: string;
  breakdown: string;
  value: number | null;
  unit: string;
  status: string;
  growth_pct: number | null;
  pct_of_plan: number | null;
  qualifier: string | null;
  note: string | null;
  version: number;
  changed_at: string;
  changed_by: string;
  source: string | null;
}

export async function* exportValues(db: Db, f: ExportFilter): AsyncGenerator<ExportedValue> {
  const ref = await reference(db);
  let q = db.k
    .selectFrom('value as v')
    .innerJoin('change_set as c', 'c.id', 'v.change_set_id')
    .innerJoin('breakdown as b', 'b.id', 'v.breakdown_id')
    .selectAll('v')
    .select(['c.at', 'c.actor', 'c.source_document', 'b.signature']);
  if (f.periods?.length) {
    const keys = f.periods.map((p) => parsePeriod(p)).filter((p) => p !== null).map(periodKey);
    q = q.where('v.period', 'in', keys.length ? keys : [-1]);
  }
  if (f.indicators?.length) q = q.where('v.indicator_id', 'in', f.indicators.map((c) => ref.indicatorsByCode.get(c)?.id ?? -1));
  if (f.places?.length) q = q.where('v.unit_id', 'in', f.places.map((s) => ref.unitsBySlug.get(s)?.id ?? -1));
  if (f.status) q = q.where('v.status', '=', STATUS_NAME.indexOf(f.status));
  // Keyset pages over the primary key: constant memory and no OFFSET scans, on both stores.
  let after: [number, number, number, number, number] | null = null;
  let left = f.limit ?? Infinity;
  while (left > 0) {
    let page = q;
    if (after) {
      const a = after;
      page = page.where((eb) =>
        eb(eb.refTuple('v.period', 'v.indicator_id', 'v.breakdown_id', 'v.unit_id', 'v.measure'), '>', eb.tuple(a[0], a[1], a[2], a[3], a[4])));
    }
    const rows = await page
      .orderBy('v.period').orderBy('v.indicator_id').orderBy('v.breakdown_id').orderBy('v.unit_id').orderBy('v.measure')
      .limit(Math.min(1000, left))
      .execute();
    if (!rows.length) return;
    left -= rows.length;
    const last = rows[rows.length - 1]!;
    after = [last.period, last.indicator_id, last.breakdown_id, last.unit_id, last.measure];
    for (const r of rows) {
      const ind = ref.indicatorsById.get(r.indicator_id)!;
      yield {
      place: ref.unitsById.get(r.unit_id)!.slug, indicator: ind.code, period: periodCode(fromKey(r.period)),
      breakdown: r.signature, value: r.value, unit: ind.baseUnit, status: STATUS_NAME[r.status]!,
      growth_pct: r.growth_pct, pct_of_plan: r.pct_of_plan, qualifier: r.qualifier, note: r.note,
      version: r.version, changed_at: r.at, changed_by: r.actor, source: r.source_document,
    };
    }
  }
}
