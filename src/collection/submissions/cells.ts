// The cells of one report: each item's figure for the period (or the cumulative), and the annual plan
// where the item collects it; their storage keys; and checking them all with the rules.
import type { Reference } from '../../catalogue/reference.ts';
import { periodKey, type Period } from '../../periods/period.ts';
import { cellPeriod, planPeriod, type Dataset, type DatasetItem } from '../datasets/dataset.ts';
import type { GridContext } from '../validation/context.ts';
import { checkActual, checkPlan, type Issue } from '../validation/rules.ts';
import { entryKey, type EntryRow } from './submissionStore.ts';

export type Measure = 'actual' | 'plan';

export interface Cell {
  item: DatasetItem;
  measure: Measure;
  indicator_id: number;
  breakdown_id: number;
  period: number;
  /** 0 actual, 1 plan: the `value` table's measure. */
  measureCode: number;
}

export function cellOf(item: DatasetItem, measure: Measure, p: Period): Cell {
  const period = periodKey(measure === 'plan' ? planPeriod(p) : cellPeriod(item.basis, p));
  return { item, measure, indicator_id: item.indicatorId, breakdown_id: item.breakdownId, period, measureCode: measure === 'plan' ? 1 : 0 };
}

export function cellsOf(ds: Dataset, p: Period): Cell[] {
  return ds.items.flatMap((it) => (it.withPlan ? [cellOf(it, 'actual', p), cellOf(it, 'plan', p)] : [cellOf(it, 'actual', p)]));
}

/** Issues of the given cells with the values they would have; `submitting` adds the required check. */
export function checkCells(ref: Reference, cells: Cell[], valueOf: (c: Cell) => { value: number | null; comment: string | null },
  ctx: GridContext, submitting: boolean): Issue[] {
  return cells.flatMap((c) => {
    const ind = ref.indicatorsById.get(c.indicator_id)!;
    const v = valueOf(c);
    if (c.measure === 'plan') return checkPlan(c.item, v.value);
    return checkActual(c.item, ind, v, ctx.cells.get(c.item.position)!, submitting);
  });
}

export const entryMap = (rows: EntryRow[]) => new Map(rows.map((r) => [entryKey(r), r]));

/** The same key as entryKey() of the entry that holds the cell. */
export const cellKey = (c: Cell): string => `${c.indicator_id}|${c.breakdown_id}|${c.period}|${c.measureCode}`;
