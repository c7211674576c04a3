// The reporting period (kỳ báo cáo): its shape, validation, canonical form and storage key.
// Every function that returns a Period returns it canonical (docs/CONTRACTS.md, "Periods").

/** month = tháng, quarter = quý, half = 6 tháng (H2 only once canonical),
 *  ytd = N tháng đầu năm (first N months, cumulative), year = năm. */
export type PeriodKind = 'month' | 'quarter' | 'half' | 'ytd' | 'year';

export interface Period {
  readonly kind: PeriodKind;
  readonly year: number;
  /** month 1..12, quarter 1..4, half 1..2, ytd 1..12, year 0 */
  readonly n: number;
}

/** Years the model accepts. Wide enough for any series the ministry keeps, narrow enough that a
 *  stray number in a text ("1.618", "2.841") is never read as a year and keys stay 7 digits. */
export const YEAR_MIN = 1900;
export const YEAR_MAX = 2999;

export const PERIOD_KINDS: readonly PeriodKind[] = ['month', 'quarter', 'half', 'ytd', 'year'];

/** Digit used in the storage key (year*1000 + kind*100 + n). */
export const KIND_DIGIT: Readonly<Record<PeriodKind, number>> = {
  month: 1,
  quarter: 2,
  half: 3,
  ytd: 4,
  year: 5,
};

const N_MAX: Readonly<Record<PeriodKind, number>> = { month: 12, quarter: 4, half: 2, ytd: 12, year: 0 };

/** Thrown on any malformed period, key or code; `input` is what was rejected. */
export class PeriodError extends Error {
  override readonly name = 'PeriodError';
  constructor(
    message: string,
    readonly input: unknown,
  ) {
    super(message);
  }
}

function isInt(x: unknown): x is number {
  return typeof x === 'number' && Number.isInteger(x);
}

/** Why `p` is not a valid period, or null when it is. */
export function periodProblem(p: unknown): string | null {
  if (typeof p !== 'object' || p === null) return 'not an object';
  const { kind, year, n } = p as Record<string, unknown>;
  if (typeof kind !== 'string' || !(PERIOD_KINDS as readonly string[]).includes(kind)) {
    return `unknown kind ${String(kind)}`;
  }
  if (!isInt(year) || year < YEAR_MIN || year > YEAR_MAX) {
    return `year must be an integer in ${YEAR_MIN}..${YEAR_MAX}`;
  }
  const max = N_MAX[kind as PeriodKind];
  const min = kind === 'year' ? 0 : 1;
  if (!isInt(n) || n < min || n > max) return `${kind} n must be an integer in ${min}..${max}`;
  return null;
}

export function isValidPeriod(p: unknown): p is Period {
  return periodProblem(p) === null;
}

export function assertPeriod(p: unknown): asserts p is Period {
  const problem = periodProblem(p);
  if (problem) throw new PeriodError(`invalid period: ${problem}`, p);
}

/** H1 → 6T, Q1 → 3T, 1T → T1, 12T → year: one form per span of months, so keys are unique. */
export function canonical(p: Period): Period {
  assertPeriod(p);
  const { kind, year, n } = p;
  if (kind === 'half' && n === 1) return { kind: 'ytd', year, n: 6 };
  if (kind === 'quarter' && n === 1) return { kind: 'ytd', year, n: 3 };
  if (kind === 'ytd' && n === 1) return { kind: 'month', year, n: 1 };
  if (kind === 'ytd' && n === 12) return { kind: 'year', year, n: 0 };
  return { kind, year, n };
}

/** Validating constructor; returns the canonical period. */
export function makePeriod(kind: PeriodKind, year: number, n = 0): Period {
  return canonical({ kind, year, n });
}

export function isCanonical(p: Period): boolean {
  const c = canonical(p);
  return c.kind === p.kind && c.n === p.n;
}

export function samePeriod(a: Period, b: Period): boolean {
  return periodKey(a) === periodKey(b);
}

/** Storage key of the canonical form: H1/2024 and 6T/2024 both give 2024406. */
export function periodKey(p: Period): number {
  const c = canonical(p);
  return c.year * 1000 + KIND_DIGIT[c.kind] * 100 + c.n;
}

/** Inverse of periodKey. Rejects keys periodKey never produces (including non-canonical ones such
 *  as 2024301 for H1) so that one period can never be stored under two keys. */
export function fromKey(key: number): Period {
  if (!isInt(key) || key < 0) throw new PeriodError('period key must be a non-negative integer', key);
  const year = Math.floor(key / 1000);
  const digit = Math.floor((key % 1000) / 100);
  const n = key % 100;
  const kind = PERIOD_KINDS[digit - 1];
  if (!kind) throw new PeriodError(`period key has unknown kind digit ${digit}`, key);
  const p = { kind, year, n };
  const problem = periodProblem(p);
  if (problem) throw new PeriodError(`invalid period key: ${problem}`, key);
  if (!isCanonical(p)) {
    throw new PeriodError(`non-canonical period key; use ${periodKey(p)}`, key);
  }
  return p;
}
