// Progress against the annual plan (domain §4): % of plan = value / plan; remaining = plan −
// cumulative; monthly pace needed = remaining / months left.
import { difference } from './compensated.ts';

export interface PlanProgress {
  /** cumulative / plan × 100; null without a positive plan or without a value. */
  pctOfPlan: number | null;
  /** plan − cumulative (negative once the plan is exceeded); null without a plan or a value. */
  remaining: number | null;
  monthsLeft: number;
  /**
   * remaining / monthsLeft; 0 once the plan is met (nothing more is needed, not a negative pace);
   * null when something remains but no month is left, or without a plan or a value.
   */
  monthlyPaceNeeded: number | null;
}

function paceNeeded(remaining: number, monthsLeft: number): number | null {
  if (remaining <= 0) return 0;
  return monthsLeft === 0 ? null : remaining / monthsLeft;
}

export function planProgress(
  cumulative: number | null,
  annualPlan: number | null,
  monthsElapsed: number,
): PlanProgress {
  if (!Number.isInteger(monthsElapsed) || monthsElapsed < 0 || monthsElapsed > 12) {
    throw new RangeError(`monthsElapsed must be an integer 0..12, got ${monthsElapsed}`);
  }
  for (const x of [cumulative, annualPlan]) {
    if (x !== null && !Number.isFinite(x)) throw new RangeError(`non-finite figure: ${x}`);
  }
  const monthsLeft = 12 - monthsElapsed;
  if (cumulative === null || annualPlan === null) {
    return { pctOfPlan: null, remaining: null, monthsLeft, monthlyPaceNeeded: null };
  }
  const remaining = difference(annualPlan, cumulative);
  return {
    // A share of a zero or negative plan reads as nonsense ("bằng −150% kế hoạch"): no percentage.
    pctOfPlan: annualPlan > 0 ? (cumulative / annualPlan) * 100 : null,
    remaining,
    monthsLeft,
    monthlyPaceNeeded: paceNeeded(remaining, monthsLeft),
  };
}
