// Calendar arithmetic on ISO 'YYYY-MM-DD' strings, in UTC so the host time zone never shifts a day.
import { PeriodError } from './core.ts';

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function pad(n: number, width = 2): string {
  return String(n).padStart(width, '0');
}

/** Month may be out of 1..12 and day out of range: Date.UTC rolls them over (month 0 = December
 *  of the previous year), which is exactly what "the 15th of month m-1" needs. */
export function isoDate(year: number, month: number, day: number): string {
  const d = new Date(Date.UTC(year, month - 1, day));
  return `${pad(d.getUTCFullYear(), 4)}-${pad(d.getUTCMonth() + 1)}-${pad(d.getUTCDate())}`;
}

/** Validates and returns the UTC time of an ISO date; throws PeriodError otherwise. */
export function isoTime(iso: string): number {
  const m = typeof iso === 'string' ? ISO.exec(iso) : null;
  if (!m) throw new PeriodError(`not an ISO date (YYYY-MM-DD): ${String(iso)}`, iso);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  if (isoDate(y, mo, d) !== iso) throw new PeriodError(`no such date: ${iso}`, iso);
  return Date.UTC(y, mo - 1, d);
}

export function addDays(iso: string, days: number): string {
  const d = new Date(isoTime(iso) + days * DAY_MS);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(iso: string): number {
  return new Date(isoTime(iso)).getUTCDay();
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}
