// Careful sums. Regional sums add up ~34 values of up to 1e6 tỷ đồng with decimals; plain
// left-to-right addition drifts (18552988.060000002 for a total published as 18.552.988,06), and
// figures are compared to the last digit.
//
// Two layers: figures as published are short decimals, so when every input is one, the sum is done
// exactly on scaled integers and rounded once, giving the double nearest the decimal total. Otherwise
// (computed values such as 1/3) Neumaier's compensated summation keeps the low-order bits that each
// addition loses; for our magnitudes that is the correctly rounded sum of the doubles themselves.
// (The two can differ: 0.1 and 0.2 as doubles add up to 0.30000000000000004 exactly rounded.)

/** Σ values: exact for decimal figures, compensated otherwise. */
export function sum(values: Iterable<number>): number {
  const xs = [...values];
  return decimalSum(xs) ?? neumaierSum(xs);
}

/** a − b by the same rules (137 − 98.64 = 38.36, where plain subtraction gives 38.36000000000001). */
export function difference(a: number, b: number): number {
  return sum([a, -b]);
}

const MAX_DECIMALS = 9;
const DECIMAL = /^(-?)(\d+)(?:\.(\d+))?$/;

/** The sum of short decimals, exactly, rounded once; null when an input is not one or it won't fit. */
export function decimalSum(xs: readonly number[]): number | null {
  const parts: { digits: string; decimals: number }[] = [];
  for (const x of xs) {
    const m = DECIMAL.exec(String(x)); // shortest round-trip form: the decimal the figure was written as
    if (!m || (m[3]?.length ?? 0) > MAX_DECIMALS) return null;
    parts.push({ digits: m[1]! + m[2]! + (m[3] ?? ''), decimals: m[3]?.length ?? 0 });
  }
  const d = Math.max(0, ...parts.map((p) => p.decimals));
  const total = parts.reduce((acc, p) => acc + BigInt(p.digits) * 10n ** BigInt(d - p.decimals), 0n);
  // Number(total) must be exact for the single division below to be the only rounding.
  if (total > 2n ** 53n || total < -(2n ** 53n)) return null;
  return Number(total) / 10 ** d;
}

/** Σ values with Neumaier compensation. */
export function neumaierSum(values: Iterable<number>): number {
  let s = 0;
  let c = 0; // running compensation: what rounding took out of s
  for (const x of values) {
    const t = s + x;
    c += Math.abs(s) >= Math.abs(x) ? s - t + x : x - t + s;
    s = t;
  }
  return s + c;
}

// Dekker's split: a = hi + lo with each half fitting 26 bits, so that hi·hi etc. are exact.
const SPLITTER = 134217729; // 2^27 + 1
function split(a: number): [number, number] {
  const c = SPLITTER * a;
  const hi = c - (c - a);
  return [hi, a - hi];
}

/** a·b as p + e exactly (p = the rounded product, e = its rounding error), barring under/overflow. */
export function twoProduct(a: number, b: number): [number, number] {
  const p = a * b;
  const [ah, al] = split(a);
  const [bh, bl] = split(b);
  const e = al * bl - (p - ah * bh - al * bh - ah * bl);
  return [p, e];
}

/** Σ a[i]·b[i], with each product's rounding error kept and the whole summed with compensation. */
export function dot(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new RangeError('dot: vectors of different lengths');
  const terms: number[] = [];
  for (let i = 0; i < a.length; i++) terms.push(...twoProduct(a[i]!, b[i]!));
  return sum(terms);
}
