import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { growthOfSums } from './growth.ts';
import { unitGrowths, unitsAboveAverage, type UnitGrowth } from './unitGrowths.ts';
import { panel } from './testSupport.ts';

test('unitGrowths: per unit, null where a period is missing or the base is 0', () => {
  const g = unitGrowths(
    [
      { unitId: 'a', value: 112 },
      { unitId: 'b', value: 5 },
      { unitId: 'c', value: null },
    ],
    [
      { unitId: 'a', value: 100 },
      { unitId: 'b', value: 0 },
      { unitId: 'd', value: 7 },
    ],
  );
  assert.deepEqual(g, [
    { unitId: 'a', growthPct: 12 },
    { unitId: 'b', growthPct: null },
    { unitId: 'c', growthPct: null },
    { unitId: 'd', growthPct: null },
  ]);
});

test('"6/20 tỉnh" above the regional 10.73%: ids by descending growth, out of those with a growth', () => {
  // Shaped like seed 002: 20 southern provinces, six above the regional average.
  const above = { 'tra-vinh': 25.1, 'binh-phuoc': 19.4, 'kien-giang': 15.2, 'tay-ninh': 14.9, 'vinh-long': 12, 'ben-tre': 11.8 };
  const others = Array.from({ length: 13 }, (_, i): UnitGrowth => ({ unitId: `p${i}`, growthPct: 5 + i * 0.4 }));
  const growths: UnitGrowth[] = [
    ...others,
    { unitId: 'hau-giang', growthPct: 10.73 }, // exactly the average: not above
    ...Object.entries(above).map(([unitId, growthPct]) => ({ unitId, growthPct })),
    { unitId: 'unreported', growthPct: null },
  ];
  assert.deepEqual(unitsAboveAverage(growths, 10.73), {
    above: ['tra-vinh', 'binh-phuoc', 'kien-giang', 'tay-ninh', 'vinh-long', 'ben-tre'],
    count: 6,
    of: 20,
  });
});

test('a unit growing at exactly the regional rate is not above it, whatever the rounding', () => {
  // Every unit +10%: each unit rate and the regional rate are computed differently but are all 10%.
  const prev = [100, 250, 33.3, 0.7, 1234.56];
  const ids = prev.map((_, i) => `u${i}`);
  const current = ids.map((unitId, i) => ({ unitId, value: prev[i]! * 1.1 }));
  const previous = ids.map((unitId, i) => ({ unitId, value: prev[i]! }));
  const region = growthOfSums(current, previous, ids).growthPct!;
  assert.deepEqual(unitsAboveAverage(unitGrowths(current, previous), region), { above: [], count: 0, of: 5 });
});

test('ties in growth are listed by id', () => {
  const r = unitsAboveAverage(
    [
      { unitId: 'b', growthPct: 5 },
      { unitId: 'a', growthPct: 5 },
    ],
    1,
  );
  assert.deepEqual(r.above, ['a', 'b']);
});

test('property: above = exactly the units strictly over the regional growth, in descending order', () => {
  fc.assert(
    fc.property(panel(), ({ ids, current, previous }) => {
      const region = growthOfSums(current, previous, ids).growthPct;
      fc.pre(region !== null);
      const growths = unitGrowths(current, previous);
      const r = unitsAboveAverage(growths, region);
      const byId = new Map(growths.map((g) => [g.unitId, g.growthPct]));
      assert.equal(r.of, growths.filter((g) => g.growthPct !== null).length);
      assert.equal(r.count, r.above.length);
      for (const id of r.above) assert.ok(byId.get(id)! > region);
      for (let i = 1; i < r.above.length; i++) assert.ok(byId.get(r.above[i - 1]!)! >= byId.get(r.above[i]!)!);
      const notAbove = growths.filter((g) => g.growthPct !== null && !r.above.includes(g.unitId));
      for (const g of notAbove) assert.ok(g.growthPct! <= region + 1e-9 * Math.max(1, Math.abs(region)));
    }),
  );
});

test('property: never every unit is above the regional growth (it is a weighted mean of theirs)', () => {
  fc.assert(
    fc.property(panel(), ({ ids, current, previous }) => {
      const region = growthOfSums(current, previous, ids).growthPct;
      fc.pre(region !== null);
      const r = unitsAboveAverage(unitGrowths(current, previous), region);
      assert.ok(r.count < r.of, `${r.count}/${r.of}`);
    }),
  );
});
