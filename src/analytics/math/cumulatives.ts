// Months from cumulatives and back (domain §4): month N = cumulative(N) − cumulative(N−1), only
// between figures of the same status and vintage. Subtracting an estimate from an official figure
// yields a number that is neither, so it is refused with a reason instead.
import { difference, sum } from './compensated.ts';
import type { FigureStatus, StatusedValue } from './types.ts';

export type DerivedFigure =
  | { ok: true; value: number; status: FigureStatus; vintage?: string }
  | { ok: false; reason: 'status_mismatch' | 'vintage_mismatch'; statuses: FigureStatus[] }
  | { ok: false; reason: 'missing'; missing: number[] }
  | { ok: false; reason: 'no_months' };

/** The refusal earned by differing statuses or vintages (an unstated vintage conflicts with none). */
function mismatch(figs: readonly StatusedValue[]): DerivedFigure | null {
  const statuses = [...new Set(figs.map((f) => f.status))];
  if (statuses.length > 1) return { ok: false, reason: 'status_mismatch', statuses };
  const vintages = new Set(figs.map((f) => f.vintage).filter((v) => v !== undefined));
  if (vintages.size > 1) return { ok: false, reason: 'vintage_mismatch', statuses };
  return null;
}

function vintageOf(figs: readonly StatusedValue[]): { vintage?: string } {
  const v = figs.find((f) => f.vintage !== undefined)?.vintage;
  return v === undefined ? {} : { vintage: v };
}

/**
 * Month N from the cumulatives to N and to N−1. `missing` lists 1 for cumN, 2 for cumNminus1.
 * January has no N−1: its month is its cumulative, so callers do not call this for it.
 */
export function monthFromCumulatives(cumN: StatusedValue, cumNminus1: StatusedValue): DerivedFigure {
  const missing = [cumN, cumNminus1].flatMap((f, i) => (f.value === null ? [i + 1] : []));
  if (missing.length > 0) return { ok: false, reason: 'missing', missing };
  const refused = mismatch([cumN, cumNminus1]);
  if (refused) return refused;
  const value = difference(cumN.value!, cumNminus1.value!);
  return { ok: true, value, status: cumN.status, ...vintageOf([cumN, cumNminus1]) };
}

/**
 * The cumulative to month N from months 1..N (in order). Only when every month is present: a
 * cumulative with a hole is not a cumulative. `missing` lists the 1-based months that are null.
 */
export function cumulativeFromMonths(months: readonly StatusedValue[]): DerivedFigure {
  if (months.length === 0) return { ok: false, reason: 'no_months' };
  const missing = months.flatMap((m, i) => (m.value === null ? [i + 1] : []));
  if (missing.length > 0) return { ok: false, reason: 'missing', missing };
  const refused = mismatch(months);
  if (refused) return refused;
  return { ok: true, value: sum(months.map((m) => m.value!)), status: months[0]!.status, ...vintageOf(months) };
}
