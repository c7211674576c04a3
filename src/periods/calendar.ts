// What a period covers on the calendar, and moving between periods.
import { canonical, makePeriod, type Period } from './core.ts';
import { daysInMonth, isoDate } from './dates.ts';

/** First and last calendar month covered (1..12). */
export function monthRange(p: Period): { first: number; last: number } {
  const { kind, n } = canonical(p);
  switch (kind) {
    case 'month':
      return { first: n, last: n };
    case 'quarter':
      return { first: 3 * n - 2, last: 3 * n };
    case 'half':
      return { first: 6 * n - 5, last: 6 * n };
    case 'ytd':
      return { first: 1, last: n };
    case 'year':
      return { first: 1, last: 12 };
  }
}

export function monthsCovered(p: Period): number[] {
  const { first, last } = monthRange(p);
  return Array.from({ length: last - first + 1 }, (_, i) => first + i);
}

export function startDate(p: Period): string {
  return isoDate(p.year, monthRange(p).first, 1);
}

export function endDate(p: Period): string {
  const { last } = monthRange(p);
  return isoDate(p.year, last, daysInMonth(p.year, last));
}

/** True when every month of b is a month of a (same year). */
export function contains(a: Period, b: Period): boolean {
  if (a.year !== b.year) return false;
  const ra = monthRange(a);
  const rb = monthRange(b);
  return ra.first <= rb.first && rb.last <= ra.last;
}

/** Runs from January: ytd, year, and also T1 (≡ 1T) and Q1/H1 (≡ 3T/6T) by canonicalisation.
 *  These are the periods whose differences give single months: T(N) = N T − (N−1)T. */
export function isCumulative(p: Period): boolean {
  return monthRange(p).first === 1;
}

export function samePeriodLastYear(p: Period): Period {
  const c = canonical(p);
  return makePeriod(c.kind, c.year - 1, c.n);
}

/** The period just before, of the same kind: T1 → T12 of last year, Q2 → Q1 (= 3T), H2 → H1 (= 6T),
 *  9T → 8T, 2T → T1 (= 1T), year → previous year. Throws PeriodError below YEAR_MIN. */
export function previousPeriod(p: Period): Period {
  const { kind, year, n } = canonical(p);
  switch (kind) {
    case 'month':
      return n === 1 ? makePeriod('month', year - 1, 12) : makePeriod('month', year, n - 1);
    case 'quarter':
      return makePeriod('quarter', year, n - 1);
    case 'half':
      return makePeriod('half', year, 1);
    case 'ytd':
      return makePeriod('ytd', year, n - 1);
    case 'year':
      return makePeriod('year', year - 1);
  }
}
