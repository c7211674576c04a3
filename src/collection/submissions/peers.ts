// For reviewers: the same figure from the other provinces of the region(s) for the same period
// (submitted or approved reports), with their growth, and the median growth to compare with.
import type { Db } from '../../db/database.ts';
import { endDate, fromKey } from '../../periods/period.ts';
import { growthPct } from '../validation/rules.ts';
import { cellOf, cellKey } from './cells.ts';
import type { ReportRef } from './report.ts';

export async function peerComparison(db: Db, r: ReportRef) {
  const { ds, unit, period: p, ref } = r;
  const date = endDate(p);
  const regions = ref.memberships.filter((m) => m.unitId === unit.id && m.validFrom <= date && (m.validTo === null || date <= m.validTo)).map((m) => m.regionId);
  const peers = [...new Set(regions.flatMap((g) => ref.membersOn(g, date).map((u) => u.id)))].filter((id) => id !== unit.id);
  if (!peers.length) return ds.items.map((it) => ({ item: it.position, peers: [], median_growth_pct: null }));
  const rows = await db.k.selectFrom('submission_entry as e').innerJoin('submission as s', 's.id', 'e.submission_id')
    .select(['s.unit_id', 's.status', 'e.indicator_id', 'e.breakdown_id', 'e.period', 'e.measure', 'e.value'])
    .where('s.dataset_id', '=', ds.id).where('s.period', '=', r.key).where('s.status', 'in', ['submitted', 'approved'])
    .where('s.unit_id', 'in', peers).where('e.measure', '=', 0).execute();
  const cells = ds.items.map((it) => cellOf(it, 'actual', p));
  const lastYearKeys = [...new Set(cells.map((c) => c.period - 1000))];
  const lastUnits = new Set<number>();
  const covering = (u: number, key: number) => ref.unitsCoveringOn(u, endDate(fromKey(key)));
  for (const u of peers) for (const k of lastYearKeys) covering(u, k).forEach((x) => lastUnits.add(x));
  const last = await db.k.selectFrom('value').select(['unit_id', 'indicator_id', 'breakdown_id', 'period', 'value'])
    .where('period', 'in', lastYearKeys).where('measure', '=', 0).where('unit_id', 'in', [...lastUnits, -1])
    .where('indicator_id', 'in', [...new Set(cells.map((c) => c.indicator_id))]).execute();
  const lastAt = new Map(last.map((x) => [`${x.unit_id}|${x.indicator_id}|${x.breakdown_id}|${x.period}`, x.value]));
  return cells.map((c) => {
    const ind = ref.indicatorsById.get(c.indicator_id)!;
    const list = rows.filter((x) => cellKey({ ...c }) === `${x.indicator_id}|${x.breakdown_id}|${x.period}|0`).map((x) => {
      const us = covering(x.unit_id, c.period - 1000);
      const vals = us.map((u) => lastAt.get(`${u}|${c.indicator_id}|${c.breakdown_id}|${c.period - 1000}`));
      const lastYear = vals.length && vals.every((v) => typeof v === 'number') ? (vals as number[]).reduce((a, b) => a + b, 0) : null;
      const u = ref.unitsById.get(x.unit_id)!;
      return { province: u.slug, name_vi: u.nameVi, status: x.status, value: x.value, last_year: lastYear, growth_pct: growthPct(ind, x.value, lastYear) };
    });
    const gs = list.map((x) => x.growth_pct).filter((g): g is number => g !== null).sort((a, b) => a - b);
    const median = gs.length ? (gs.length % 2 ? gs[(gs.length - 1) / 2]! : (gs[gs.length / 2 - 1]! + gs[gs.length / 2]!) / 2) : null;
    return { item: c.item.position, peers: list, median_growth_pct: median };
  });
}
