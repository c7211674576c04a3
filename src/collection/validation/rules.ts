// Validation of a province's figures, per cell, before they are saved and again before they are
// submitted. Errors block; warnings are allowed once explained by a comment. Pure: the context
// (last year, the previous cumulative, the unit's own history) is loaded by context.ts.
import type { IndicatorRef } from '../../catalogue/reference.ts';
import type { DatasetItem } from '../datasets/dataset.ts';

export type Severity = 'error' | 'warning';
export type IssueCode = 'not_a_number' | 'not_integer' | 'below_min' | 'above_max' | 'below_previous_cumulative'
  | 'growth_outlier' | 'required' | 'negative_plan';

export interface Issue {
  severity: Severity;
  code: IssueCode;
  /** Which cell: the item's position in the data set and the measure (actual or plan). */
  item: number;
  measure: 'actual' | 'plan';
  messageVi: string;
  messageEn: string;
  /** A warning with a comment no longer blocks submission. */
  commented?: boolean;
}

export interface CellInput {
  value: number | null;
  comment: string | null;
}

export interface CellContext {
  lastYear: number | null;
  previousCumulative: number | null;
  /** The unit's own growth rates (%) for the same cell in earlier years, most recent first. */
  history: number[];
}

// Formatters made once: toLocaleString builds a new one on every call, which showed in the saves' profile.
const vi2 = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 2 });
const vi1 = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 1 });
const fmt = (x: number) => vi2.format(x);
const pct = (x: number) => `${vi1.format(x)}%`;

/** Growth vs the same period last year, %: for an index (IIP, same period last year = 100) it is the
 *  index minus 100; for a level it is the ratio of the two levels. Null when it cannot be computed. */
export function growthPct(ind: Pick<IndicatorRef, 'nature'>, value: number | null, lastYear: number | null): number | null {
  if (value === null) return null;
  if (ind.nature === 'index') return value - 100;
  if (lastYear === null || lastYear <= 0) return null;
  return (value / lastYear - 1) * 100;
}

export function pctOfPlan(value: number | null, plan: number | null): number | null {
  return value === null || plan === null || plan <= 0 ? null : (value / plan) * 100;
}

/** Default band (percentage points) when the unit has fewer than three years of history. */
export const DEFAULT_GROWTH_BAND = 50;
/** With history: mean ± max(3 standard deviations, this floor). */
export const MIN_HISTORY_BAND = 20;

export function growthOutlier(g: number, history: number[], band: number | null): { low: number; high: number } | null {
  if (history.length >= 3) {
    const mean = history.reduce((a, b) => a + b, 0) / history.length;
    const sd = Math.sqrt(history.reduce((a, b) => a + (b - mean) ** 2, 0) / (history.length - 1));
    const w = band ?? Math.max(3 * sd, MIN_HISTORY_BAND);
    return g < mean - w || g > mean + w ? { low: mean - w, high: mean + w } : null;
  }
  const w = band ?? DEFAULT_GROWTH_BAND;
  return Math.abs(g) > w ? { low: -w, high: w } : null;
}

export function checkActual(item: DatasetItem, ind: IndicatorRef, cell: CellInput, ctx: CellContext, submitting: boolean): Issue[] {
  const out: Issue[] = [];
  const issue = (severity: Severity, code: IssueCode, messageVi: string, messageEn: string) =>
    out.push({ severity, code, item: item.position, measure: 'actual', messageVi, messageEn });
  const v = cell.value;
  if (v === null) {
    if (submitting && item.required) issue('error', 'required', `Chưa nhập "${ind.nameVi}" (bắt buộc).`, `"${ind.nameEn}" is required.`);
    return out;
  }
  if (!Number.isFinite(v)) {
    issue('error', 'not_a_number', 'Giá trị không phải là số.', 'The value is not a number.');
    return out;
  }
  if (item.integerOnly && !Number.isInteger(v)) issue('error', 'not_integer', 'Chỉ tiêu này nhận số nguyên.', 'This indicator takes whole numbers.');
  // Levels, counts and indices are never negative unless the data set says so.
  const min = item.min ?? 0;
  if (v < min) issue('error', 'below_min', `Giá trị ${fmt(v)} nhỏ hơn mức tối thiểu ${fmt(min)} ${ind.baseUnit}.`, `${v} is below the minimum ${min}.`);
  if (item.max !== null && v > item.max) issue('error', 'above_max', `Giá trị ${fmt(v)} vượt mức tối đa ${fmt(item.max)} ${ind.baseUnit}.`, `${v} is above the maximum ${item.max}.`);
  // A cumulative of an additive flow cannot shrink from one month to the next.
  if (item.basis === 'ytd' && ind.aggregation === 'sum' && ind.nature === 'flow' && ctx.previousCumulative !== null && v < ctx.previousCumulative) {
    issue('error', 'below_previous_cumulative',
      `Lũy kế ${fmt(v)} thấp hơn lũy kế kỳ trước ${fmt(ctx.previousCumulative)} ${ind.baseUnit}: số cộng dồn không thể giảm.`,
      `The cumulative ${v} is below the previous cumulative ${ctx.previousCumulative}.`);
  }
  const g = growthPct(ind, v, ctx.lastYear);
  if (g !== null) {
    const band = growthOutlier(g, ctx.history, item.growthBand);
    if (band) {
      out.push({
        severity: 'warning', code: 'growth_outlier', item: item.position, measure: 'actual', commented: !!cell.comment?.trim(),
        messageVi: `Tăng trưởng ${pct(g)} so với cùng kỳ nằm ngoài khoảng thường thấy của đơn vị (${pct(band.low)} đến ${pct(band.high)}); cần ghi chú giải thích.`,
        messageEn: `Growth of ${g.toFixed(1)}% is outside the unit's usual range (${band.low.toFixed(1)}% to ${band.high.toFixed(1)}%); explain it in a comment.`,
      });
    }
  }
  return out;
}

export function checkPlan(item: DatasetItem, value: number | null): Issue[] {
  if (value === null || value >= 0) return [];
  return [{ severity: 'error', code: 'negative_plan', item: item.position, measure: 'plan', messageVi: 'Kế hoạch không được âm.', messageEn: 'The plan cannot be negative.' }];
}

/** Errors, and warnings without a comment, block submission. */
export const blocks = (i: Issue): boolean => i.severity === 'error' || !i.commented;
