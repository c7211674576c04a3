import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { planProgress } from './planProgress.ts';
import { closeTo, level } from './testSupport.ts';

test('seed 003: exports at 72% of a 137 triệu USD plan after 9 months', () => {
  const p = planProgress(98.64, 137, 9);
  assert.ok(closeTo(p.pctOfPlan!, 72));
  assert.equal(p.remaining, 38.36); // not 38.36000000000001
  assert.equal(p.monthsLeft, 3);
  assert.ok(closeTo(p.monthlyPaceNeeded!, 38.36 / 3));
});

test('plan met: nothing remains, pace 0 (not negative)', () => {
  assert.deepEqual(planProgress(19_600, 19_550, 11), { pctOfPlan: (19_600 / 19_550) * 100, remaining: -50, monthsLeft: 1, monthlyPaceNeeded: 0 });
});

test('no month left with something remaining: no pace', () => {
  assert.deepEqual(planProgress(100, 120, 12), { pctOfPlan: (100 / 120) * 100, remaining: 20, monthsLeft: 0, monthlyPaceNeeded: null });
});

test('plan 0 or missing, value missing', () => {
  assert.deepEqual(planProgress(5, 0, 6), { pctOfPlan: null, remaining: -5, monthsLeft: 6, monthlyPaceNeeded: 0 });
  assert.deepEqual(planProgress(5, null, 6), { pctOfPlan: null, remaining: null, monthsLeft: 6, monthlyPaceNeeded: null });
  assert.deepEqual(planProgress(null, 10, 6), { pctOfPlan: null, remaining: null, monthsLeft: 6, monthlyPaceNeeded: null });
});

test('months elapsed must be a whole month in 0..12', () => {
  for (const m of [-1, 13, 2.5, NaN]) assert.throws(() => planProgress(1, 2, m), RangeError);
  assert.throws(() => planProgress(Infinity, 2, 3), RangeError);
});

const months = fc.integer({ min: 0, max: 12 });

test('property: remaining + cumulative = plan, exactly, in the published decimals', () => {
  const cents = fc.integer({ min: 0, max: 100_000_000 });
  fc.assert(
    fc.property(cents, cents, months, (cum, plan, m) => {
      const remaining = planProgress(cum / 100, plan / 100, m).remaining!;
      assert.equal(remaining, (plan - cum) / 100);
      assert.equal(Math.round(remaining * 100) + cum, plan);
    }),
  );
});

test('property: remaining + cumulative = plan, and pace × months left = remaining, for decimal figures', () => {
  fc.assert(
    fc.property(level, level, months, (cum, plan, m) => {
      const p = planProgress(cum, plan, m);
      // Two roundings, each within half an ulp of the larger operand.
      assert.ok(Math.abs(p.remaining! + cum - plan) <= Number.EPSILON * Math.max(cum, plan));
      if (p.remaining! > 0 && p.monthsLeft > 0) assert.ok(closeTo(p.monthlyPaceNeeded! * p.monthsLeft, p.remaining!, 1e-15));
      if (plan > 0) assert.ok(closeTo((p.pctOfPlan! / 100) * plan, cum, 1e-15));
      assert.equal(p.monthsLeft, 12 - m);
    }),
  );
});
