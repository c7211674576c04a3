// Calendar days in Việt Nam (UTC+7, no daylight saving): due dates are dates, answers are instants.
export const vietnamDate = (instant: string | Date): string =>
  new Date(new Date(instant).getTime() + 7 * 3600_000).toISOString().slice(0, 10);

export const vietnamToday = (now: Date = new Date()): string => vietnamDate(now);

/** Whole days from a to b (b − a), both ISO dates. */
export function daysBetween(a: string, b: string): number {
  return Math.round((Date.parse(`${b}T00:00:00Z`) - Date.parse(`${a}T00:00:00Z`)) / 86_400_000);
}

export function addDays(iso: string, n: number): string {
  return new Date(Date.parse(`${iso}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
}
