// Values: one figure of one unit, indicator, breakdown and period, as an estimate, official figure or
// plan. Pure rules for what a write may do to the value that is already there.

export type FigureStatus = 'estimate' | 'official' | 'plan';
export const STATUS_CODE: Record<FigureStatus, number> = { estimate: 0, official: 1, plan: 2 };
export const STATUS_NAME: FigureStatus[] = ['estimate', 'official', 'plan'];
/** Plans are their own series; estimates and official figures are revisions of one actual series. */
export const measureOf = (s: FigureStatus): number => (s === 'plan' ? 1 : 0);

export interface ValueKey {
  period: number;
  indicatorId: number;
  breakdownId: number;
  unitId: number;
  measure: number;
}

export interface ValueContent {
  value: number | null;
  status: number;
  growthPct: number | null;
  pctOfPlan: number | null;
  qualifier: string | null;
  note: string | null;
}

export interface ValueRecord extends ValueKey, ValueContent {
  version: number;
  changeSetId: number;
}

export interface ValueWrite extends ValueKey, ValueContent {
  /** The version the writer last saw (0 = it saw no value). Omitted: no concurrency check. */
  expectedVersion?: number;
  /** Remove the current value (it stays in history). */
  delete?: boolean;
  /** Allow an estimate to replace an official figure. */
  allowDowngrade?: boolean;
}

export const keyOf = (k: ValueKey): string =>
  `${k.period}|${k.indicatorId}|${k.breakdownId}|${k.unitId}|${k.measure}`;

export function sameContent(a: ValueContent, b: ValueContent): boolean {
  return (
    a.value === b.value &&
    a.status === b.status &&
    a.growthPct === b.growthPct &&
    a.pctOfPlan === b.pctOfPlan &&
    a.qualifier === b.qualifier &&
    a.note === b.note
  );
}

export type WriteProblemCode = 'conflict' | 'empty' | 'downgrade' | 'nothing_to_delete' | 'not_finite';

export interface WriteProblem {
  index: number;
  code: WriteProblemCode;
  messageVi: string;
  messageEn: string;
  current?: ValueRecord | null;
}

export type WriteDecision =
  | { kind: 'insert' }
  | { kind: 'update'; before: ValueRecord }
  | { kind: 'delete'; before: ValueRecord }
  | { kind: 'unchanged' }
  | { kind: 'problem'; problem: WriteProblem };

/** What writing `w` does when `existing` is the current value. */
export function decideWrite(index: number, w: ValueWrite, existing: ValueRecord | null): WriteDecision {
  const problem = (code: WriteProblemCode, messageVi: string, messageEn: string): WriteDecision => ({
    kind: 'problem',
    problem: { index, code, messageVi, messageEn, current: existing },
  });
  if (w.expectedVersion !== undefined && w.expectedVersion !== (existing?.version ?? 0)) {
    return problem(
      'conflict',
      'Số liệu đã được người khác sửa trong lúc bạn nhập; hãy xem giá trị hiện tại rồi lưu lại.',
      'Someone else changed this figure while you were editing; review the current value and save again.',
    );
  }
  if (w.delete) {
    if (!existing) return problem('nothing_to_delete', 'Không có số liệu để xóa.', 'There is no value to delete.');
    return { kind: 'delete', before: existing };
  }
  for (const x of [w.value, w.growthPct, w.pctOfPlan]) {
    if (x !== null && !Number.isFinite(x)) {
      return problem('not_finite', 'Giá trị không phải là một số hữu hạn.', 'The value is not a finite number.');
    }
  }
  if (w.value === null && w.growthPct === null && w.pctOfPlan === null) {
    return problem('empty', 'Cần ít nhất giá trị, tốc độ tăng hoặc % kế hoạch.', 'A value, a growth rate or a % of plan is required.');
  }
  if (!existing) return { kind: 'insert' };
  if (existing.status === STATUS_CODE.official && w.status === STATUS_CODE.estimate && !w.allowDowngrade) {
    return problem(
      'downgrade',
      'Đã có số chính thức; số ước tính không thay thế số chính thức.',
      'An official figure exists; an estimate does not replace it.',
    );
  }
  if (sameContent(existing, w)) return { kind: 'unchanged' };
  return { kind: 'update', before: existing };
}
