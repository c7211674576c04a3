// Calendar dates as ISO strings (YYYY-MM-DD): they compare correctly as strings.

const ISO = /^(\d{4})-(\d{2})-(\d{2})$/;

/** True for a real calendar date written YYYY-MM-DD. */
export function isIsoDate(s: string): boolean {
  const m = ISO.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === s;
}

/** The next calendar day. */
export function dayAfter(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

/** The previous calendar day. */
export function dayBefore(date: string): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - 1);
  return d.toISOString().slice(0, 10);
}

/** Whether [from, to] (to null = open) contains the date. */
export function spans(from: string, to: string | null, date: string): boolean {
  return from <= date && (to === null || date <= to);
}

/** Whether two validity windows share at least one day. */
export function overlaps(aFrom: string, aTo: string | null, bFrom: string, bTo: string | null): boolean {
  return (aTo === null || bFrom <= aTo) && (bTo === null || aFrom <= bTo);
}

/** Whether window [innerFrom, innerTo] lies inside [outerFrom, outerTo]. */
export function within(innerFrom: string, innerTo: string | null, outerFrom: string, outerTo: string | null): boolean {
  if (innerFrom < outerFrom) return false;
  if (outerTo === null) return true;
  return innerTo !== null && innerTo <= outerTo;
}
