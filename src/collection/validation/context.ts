// What the rules compare a figure with: last year's value (for a province created in July 2025, the
// sum of its predecessors), the previous cumulative, the unit's own growth in earlier years and the
// published annual plan. One query: `value`, with the previous report's entries for the cumulative.
import { sql, type Kysely, type Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { Reference } from '../../catalogue/reference.ts';
import type { Db } from '../../db/database.ts';
import { endDate, fromKey, periodKey, type Period } from '../../periods/period.ts';
import { cellPeriod, planPeriod, previousCumulative, previousReportingPeriod, type Dataset, type DatasetItem } from '../datasets/dataset.ts';
import { growthPct, type CellContext } from './rules.ts';

const HISTORY_YEARS = 5;

export interface GridContext {
  cells: Map<number, CellContext>; // by item position
  publishedPlan: Map<number, number | null>;
  /** Values of the same cell in earlier years, most recent first (for reviewers' comparison). */
  pastValues: Map<number, { period: number; value: number | null }[]>;
}

/** `q`: the transaction to read in (a save reads its context only once it knows the save is not stale). */
export async function loadContext(db: Db, ref: Reference, ds: Dataset, unitId: number, p: Period, items: DatasetItem[],
  q: Kysely<Database> | Transaction<Database> = db.k): Promise<GridContext> {
  const units = new Set<number>([unitId]);
  // The units that covered this one at each period's end (memoised: asked per item and year).
  const coveringAt = new Map<number, number[]>();
  const covering = (key: number): number[] => {
    let us = coveringAt.get(key);
    if (!us) coveringAt.set(key, (us = ref.unitsCoveringOn(unitId, endDate(fromKey(key)))));
    return us;
  };
  const periods = new Set<number>();
  for (const it of items) {
    const k = periodKey(cellPeriod(it.basis, p));
    for (let y = 1; y <= HISTORY_YEARS + 1; y++) {
      periods.add(k - 1000 * y);
      covering(k - 1000 * y).forEach((u) => units.add(u));
    }
    const prev = previousCumulative(ds.periodicity, p);
    if (it.basis === 'ytd' && prev) periods.add(periodKey(prev));
    if (it.withPlan) periods.add(periodKey(planPeriod(p)));
  }
  // Published values and, for cumulatives, the previous report's entries: one query (one round trip).
  const published = q.selectFrom('value').select(['period', 'indicator_id', 'breakdown_id', 'unit_id', 'measure', 'value', sql<number>`0`.as('draft')])
    .where('period', 'in', [...periods])
    .where('indicator_id', 'in', [...new Set(items.map((i) => i.indicatorId))])
    .where('breakdown_id', 'in', [...new Set(items.map((i) => i.breakdownId))])
    .where('unit_id', 'in', [...units]);
  const prevPeriod = previousReportingPeriod(ds.periodicity, p);
  const rows = await (items.some((i) => i.basis === 'ytd') && prevPeriod
    ? published.unionAll(q.selectFrom('submission_entry as e').innerJoin('submission as s', 's.id', 'e.submission_id')
      .select(['e.period', 'e.indicator_id', 'e.breakdown_id', 's.unit_id', 'e.measure', 'e.value', sql<number>`1`.as('draft')])
      .where('s.dataset_id', '=', ds.id).where('s.unit_id', '=', unitId).where('s.period', '=', periodKey(prevPeriod)).where('e.measure', '=', 0))
    : published).execute();
  const at = new Map<string, number | null>();
  // The previous report's entries, by indicator|breakdown|period: the previous cumulative when the
  // ministry has not approved that report yet.
  const prevEntries = new Map<string, number | null>();
  for (const r of rows) {
    if (Number(r.draft)) prevEntries.set(`${r.indicator_id}|${r.breakdown_id}|${r.period}`, r.value);
    else at.set(`${r.period}|${r.indicator_id}|${r.breakdown_id}|${r.unit_id}|${r.measure}`, r.value);
  }
  // A territory's value: the unit's own, or the sum of the units that covered it then (all must be there).
  const valueOf = (it: DatasetItem, key: number, measure = 0): number | null => {
    const us = measure === 0 ? covering(key) : [unitId];
    let sum = 0;
    for (const u of us.length ? us : [unitId]) {
      const v = at.get(`${key}|${it.indicatorId}|${it.breakdownId}|${u}|${measure}`);
      if (v === undefined || v === null) return null;
      sum += v;
    }
    return sum;
  };
  const cells = new Map<number, CellContext>();
  const publishedPlan = new Map<number, number | null>();
  const pastValues = new Map<number, { period: number; value: number | null }[]>();
  for (const it of items) {
    const ind = ref.indicatorsById.get(it.indicatorId)!;
    const k = periodKey(cellPeriod(it.basis, p));
    const past = Array.from({ length: HISTORY_YEARS + 1 }, (_, i) => ({ period: k - 1000 * (i + 1), value: valueOf(it, k - 1000 * (i + 1)) }));
    const history: number[] = [];
    for (let i = 0; i < HISTORY_YEARS; i++) {
      const g = growthPct(ind, past[i]!.value, past[i + 1]!.value);
      if (g !== null) history.push(g);
    }
    const prev = it.basis === 'ytd' ? previousCumulative(ds.periodicity, p) : null;
    const prevKey = prev ? periodKey(prev) : null;
    const previous = prevKey === null ? null
      : valueOf(it, prevKey) ?? prevEntries.get(`${it.indicatorId}|${it.breakdownId}|${prevKey}`) ?? null;
    cells.set(it.position, { lastYear: past[0]!.value, previousCumulative: previous, history });
    publishedPlan.set(it.position, it.withPlan ? valueOf(it, periodKey(planPeriod(p)), 1) : null);
    pastValues.set(it.position, past.slice(0, HISTORY_YEARS));
  }
  return { cells, publishedPlan, pastValues };
}
