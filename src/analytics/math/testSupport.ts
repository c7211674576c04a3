// Test-only helpers: fast-check arbitraries for our data and exact (BigInt) reference arithmetic, so
// that properties compare against the true value instead of against another floating-point sum.
import fc from 'fast-check';
import type { Observation } from './types.ts';

/** A double as m · 2^e with m, e integers (exact). */
function decompose(x: number): { m: bigint; e: number } {
  if (!Number.isFinite(x)) throw new RangeError('finite only');
  if (x === 0) return { m: 0n, e: 0 };
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const sign = hi >>> 31 ? -1n : 1n;
  const exp = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  const m = exp === 0 ? frac : frac | (1n << 52n);
  return { m: sign * m, e: (exp === 0 ? 1 : exp) - 1075 };
}

/** The double nearest to m · 2^e (Number(bigint) rounds to nearest, ties to even). */
function toDouble(m: bigint, e: number): number {
  // The BigInt→Number conversion is the only rounding; scaling by 2^e is then exact as long as
  // nothing over- or underflows, which the arbitraries below keep clear of (checked, not assumed).
  const x = Number(m) * 2 ** e;
  if (!Number.isFinite(x) || (x !== 0 && Math.abs(x) < 2 ** -1000)) throw new RangeError('exact reference out of range');
  return x;
}

/** The correctly rounded exact sum of doubles. */
export function exactSum(xs: readonly number[]): number {
  const parts = xs.map(decompose);
  const e = Math.min(0, ...parts.map((p) => p.e));
  const total = parts.reduce((acc, p) => acc + (p.m << BigInt(p.e - e)), 0n);
  return toDouble(total, e);
}

/** The correctly rounded exact Σ a[i]·b[i]. */
export function exactDot(a: readonly number[], b: readonly number[]): number {
  const parts = a.map((x, i) => {
    const p = decompose(x);
    const q = decompose(b[i]!);
    return { m: p.m * q.m, e: p.e + q.e };
  });
  const e = Math.min(0, ...parts.map((p) => p.e));
  const total = parts.reduce((acc, p) => acc + (p.m << BigInt(p.e - e)), 0n);
  return toDouble(total, e);
}

/** Naive left-to-right sum, for showing what compensation fixes. */
export const naiveSum = (xs: readonly number[]): number => xs.reduce((a, b) => a + b, 0);

export function closeTo(actual: number, expected: number, rel = 1e-12): boolean {
  return Math.abs(actual - expected) <= rel * Math.max(1, Math.abs(expected));
}

/** Doubles with every bit random, of the magnitudes figures have (0 or 1e-6 ≤ |x| ≤ 1e6). */
export const anyDouble = fc.oneof(
  fc.constant(0),
  fc.tuple(fc.boolean(), fc.double({ min: 1e-6, max: 1e6, noNaN: true })).map(([neg, x]) => (neg ? -x : x)),
);

/** Levels as published: up to 1e6 tỷ đồng with two decimals. */
export const level = fc.integer({ min: 0, max: 100_000_000 }).map((c) => c / 100);
/** Strictly positive levels (a previous period one can divide by). */
export const positiveLevel = fc.integer({ min: 1, max: 100_000_000 }).map((c) => c / 100);
/** Integer levels: sums are exact, so results can be compared with ===. */
export const intLevel = fc.integer({ min: 0, max: 1_000_000 });

/** Distinct unit ids u0, u1, … (1..max of them). */
export const unitIds = (min = 1, max = 34) => fc.integer({ min, max }).map((n) => Array.from({ length: n }, (_, i) => `u${i}`));

/** Observations for the given ids; each value reported or null with probability ~1/5. */
export const observationsFor = (ids: readonly string[], value = level) =>
  fc.tuple(...ids.map(() => fc.option(value, { freq: 5 }))).map((vs) =>
    ids.map((unitId, i): Observation => ({ unitId, value: vs[i] ?? null })),
  );

/** A region: member ids with current and previous observations. */
export const panel = (value = level, minUnits = 1) =>
  unitIds(minUnits).chain((ids) =>
    fc.record({ ids: fc.constant(ids), current: observationsFor(ids, value), previous: observationsFor(ids, value) }),
  );
