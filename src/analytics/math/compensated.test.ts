import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decimalSum, dot, neumaierSum, sum, twoProduct } from './compensated.ts';
import { anyDouble, exactDot, exactSum, level, naiveSum } from './testSupport.ts';

// 34 provincial figures (tỷ đồng, 2 decimals) whose naive sum misses the published total.
const PROVINCES = [
  655154.04, 304814.33, 632483.48, 995881.08, 679461.47, 673123.35, 172698.02, 883172.06, 707273.84, 827534.55,
  739419.34, 337741.73, 793896.07, 192210.07, 579871.56, 233762.02, 208948.4, 787573.51, 871306.41, 843987.46,
  111338.61, 470387.48, 731333.13, 366013.4, 279317.25, 368255.49, 918724.41, 870764.61, 419268.96, 428655.5,
  819708.22, 172726.51, 158311.27, 317870.43,
];

test('34 provinces: the sum is the decimal total, where plain addition is off', () => {
  assert.equal(naiveSum(PROVINCES), 18552988.060000002);
  assert.equal(sum(PROVINCES), 18552988.06);
});

test('classic cases', () => {
  assert.equal(sum(Array(10).fill(0.1)), 1);
  assert.equal(sum([0.1, 0.2]), 0.3);
  assert.equal(sum([1e16, 1, -1e16]), 1);
  assert.equal(sum([]), 0);
  assert.equal(neumaierSum([1e16, 1, -1e16]), 1); // naive: 0
  assert.equal(neumaierSum(Array(10).fill(0.1)), 1); // naive: 0.9999999999999999
});

test('decimalSum steps aside for non-decimal inputs and for totals beyond 2^53', () => {
  assert.equal(decimalSum([1 / 3, 1]), null);
  assert.equal(decimalSum([1e21]), null);
  assert.equal(decimalSum([9e15, 9e15]), null);
  assert.equal(sum([1 / 3, 1 / 3, 1 / 3]), 1);
});

test('twoProduct is exact', () => {
  const [p, e] = twoProduct(0.1, 3);
  assert.equal(p, 0.30000000000000004);
  assert.equal(exactSum([p, e]), exactDot([0.1], [3]));
  assert.ok(e !== 0);
});

test('property: sums of 2-decimal figures equal the exact decimal total', () => {
  fc.assert(
    fc.property(fc.array(fc.integer({ min: -100_000_000, max: 100_000_000 }), { maxLength: 60 }), (cents) => {
      const exact = Number(cents.reduce((a, c) => a + BigInt(c), 0n)) / 100;
      assert.equal(sum(cents.map((c) => c / 100)), exact);
    }),
    { numRuns: 500 },
  );
});

test('property: the sum does not depend on the order of the units', () => {
  fc.assert(
    fc.property(
      fc.array(level, { maxLength: 40 }).chain((xs) => fc.tuple(fc.constant(xs), fc.shuffledSubarray(xs, { minLength: xs.length }))),
      ([xs, shuffled]) => assert.equal(sum(shuffled), sum(xs)),
    ),
  );
});

test('property: Neumaier = the correctly rounded exact sum of arbitrary doubles of our magnitudes', () => {
  fc.assert(
    fc.property(fc.array(anyDouble, { maxLength: 34 }), (xs) => assert.equal(neumaierSum(xs), exactSum(xs))),
    { numRuns: 1000 },
  );
});

test('property: dot = the correctly rounded exact Σ a·b', () => {
  fc.assert(
    fc.property(fc.array(fc.tuple(anyDouble, anyDouble), { maxLength: 34 }), (pairs) => {
      const a = pairs.map((p) => p[0]);
      const b = pairs.map((p) => p[1]);
      assert.equal(dot(a, b), exactDot(a, b));
    }),
    { numRuns: 1000 },
  );
});
