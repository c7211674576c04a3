import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { unweightedMean, weightedIndex, type WeightedIndex } from './weightedIndex.ts';
import type { Observation } from './types.ts';
import { closeTo, unitIds } from './testSupport.ts';

const iip = fc.integer({ min: 5000, max: 20000 }).map((c) => c / 100); // 50.00 … 200.00
const weight = fc.integer({ min: 1, max: 10_000_000 }).map((c) => c / 100);

test('Σ(v·w)/Σw over units with both; units without a weight are reported, not guessed', () => {
  const r = weightedIndex(
    [
      { unitId: 'hcm', value: 108 },
      { unitId: 'tay-ninh', value: 120 },
      { unitId: 'ca-mau', value: 130 }, // no weight known
      { unitId: 'can-tho', value: null },
    ],
    [
      { unitId: 'hcm', weight: 3 },
      { unitId: 'tay-ninh', weight: 1 },
      { unitId: 'can-tho', weight: 2 },
      { unitId: 'ca-mau', weight: null },
    ],
  );
  assert.deepEqual(r, {
    method: 'weighted',
    index: 111,
    included: ['hcm', 'tay-ninh'],
    withoutWeight: ['ca-mau'],
    notReported: ['can-tho'],
  });
});

test('no usable weight: null index; negative weight: refused', () => {
  assert.equal(weightedIndex([{ unitId: 'a', value: 110 }], [{ unitId: 'a', weight: 0 }]).index, null);
  assert.equal(weightedIndex([{ unitId: 'a', value: 110 }], []).index, null);
  assert.throws(() => weightedIndex([{ unitId: 'a', value: 1 }], [{ unitId: 'a', weight: -1 }]), RangeError);
});

test('the unweighted mean says so, and cannot be passed off as the weighted index', () => {
  const m = unweightedMean([
    { unitId: 'a', value: 100 },
    { unitId: 'b', value: 120 },
    { unitId: 'c', value: null },
  ]);
  assert.deepEqual(m, { method: 'unweighted', mean: 110, included: ['a', 'b'], notReported: ['c'] });
  const publish = (x: WeightedIndex) => x.index;
  // @ts-expect-error: an unweighted mean is not a WeightedIndex (checked by tsc)
  assert.equal(publish(m), undefined);
});

test('a mean never steps outside its values through rounding', () => {
  const three = ['a', 'b', 'c'].map((unitId) => ({ unitId, value: 0.1 }));
  assert.equal(unweightedMean(three).mean, 0.1);
  assert.equal(weightedIndex(three, three.map((o) => ({ unitId: o.unitId, weight: 1 }))).index, 0.1);
});

const withWeights = unitIds().chain((ids) =>
  fc.record({
    obs: fc.tuple(...ids.map(() => iip)).map((vs) => ids.map((unitId, i): Observation => ({ unitId, value: vs[i]! }))),
    w: fc.tuple(...ids.map(() => weight)).map((ws) => ids.map((unitId, i) => ({ unitId, weight: ws[i]! }))),
  }),
);

test('property: with equal weights the weighted index is the mean', () => {
  fc.assert(
    fc.property(withWeights, weight, ({ obs }, w) => {
      const idx = weightedIndex(obs, obs.map((o) => ({ unitId: o.unitId, weight: w }))).index!;
      const mean = unweightedMean(obs).mean!;
      assert.ok(closeTo(idx, mean, 1e-14), `${idx} vs ${mean}`);
    }),
  );
});

test('property: the weighted index lies between the smallest and largest value', () => {
  fc.assert(
    fc.property(withWeights, ({ obs, w }) => {
      const idx = weightedIndex(obs, w).index!;
      const vs = obs.map((o) => o.value!);
      assert.ok(idx >= Math.min(...vs) && idx <= Math.max(...vs));
    }),
  );
});

test('property: integer values and weights give the exact quotient', () => {
  const ids = ['a', 'b', 'c', 'd', 'e'];
  const int = fc.integer({ min: 0, max: 1_000_000 });
  fc.assert(
    fc.property(fc.array(int, { minLength: 5, maxLength: 5 }), fc.array(int, { minLength: 5, maxLength: 5 }), (vs, ws) => {
      const W = ws.reduce((a, b) => a + b, 0);
      fc.pre(W > 0);
      const r = weightedIndex(
        ids.map((unitId, i) => ({ unitId, value: vs[i]! })),
        ids.map((unitId, i) => ({ unitId, weight: ws[i]! })),
      );
      const exactVW = vs.reduce((a, v, i) => a + BigInt(v) * BigInt(ws[i]!), 0n); // < 2^53: Number() is exact
      assert.equal(r.index, Number(exactVW) / W);
    }),
  );
});

test('property: scaling all weights leaves the index unchanged', () => {
  fc.assert(
    fc.property(withWeights, fc.double({ min: 1e-3, max: 1e3, noNaN: true }), ({ obs, w }, k) => {
      const a = weightedIndex(obs, w).index!;
      const b = weightedIndex(obs, w.map((x) => ({ ...x, weight: x.weight * k }))).index!;
      assert.ok(closeTo(a, b, 1e-13), `${a} vs ${b}`);
    }),
  );
});
