import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { growthOfSums, growthPct } from './growth.ts';
import { unitGrowths } from './unitGrowths.ts';
import { unweightedMean } from './weightedIndex.ts';
import type { Observation } from './types.ts';
import { closeTo, intLevel, panel, positiveLevel, unitIds } from './testSupport.ts';

const obs = (entries: Record<string, number | null>): Observation[] =>
  Object.entries(entries).map(([unitId, value]) => ({ unitId, value }));
const round2 = (x: number) => Math.round(x * 100) / 100;

test('seed 002: southern retail, 9 months 2024 — 2,442,330 vs 2,171,530 tỷ đồng is +12.47%', () => {
  const g = growthOfSums(obs({ south: 2442330 }), obs({ south: 2171530 }), ['south']);
  assert.equal(round2(g.growthPct!), 12.47);
});

test('seed 002 with the total spread over 20 provinces gives the same figure', () => {
  // Same totals, split unevenly: the regional growth depends on the sums only.
  const ids = Array.from({ length: 20 }, (_, i) => `p${i}`);
  const split = (total: number) => ids.map((_, i) => (i < 19 ? 5000 * (i + 1) : total - 5000 * 190));
  const g = growthOfSums(
    ids.map((unitId, i) => ({ unitId, value: split(2442330)[i]! })),
    ids.map((unitId, i) => ({ unitId, value: split(2171530)[i]! })),
    ids,
  );
  assert.equal(g.current, 2442330);
  assert.equal(g.previous, 2171530);
  assert.equal(round2(g.growthPct!), 12.47);
});

test('counterexample: the growth of sums is not the mean of the rates', () => {
  // A small province up 10%, a large one flat: the region grew 0.91%, not 5%.
  const current = obs({ small: 110, large: 1000 });
  const previous = obs({ small: 100, large: 1000 });
  const g = growthOfSums(current, previous, ['small', 'large']);
  const meanOfRates = unweightedMean(
    unitGrowths(current, previous).map((u) => ({ unitId: u.unitId, value: u.growthPct })),
  ).mean!;
  assert.equal(round2(g.growthPct!), 0.91);
  assert.equal(meanOfRates, 5);
});

test('only units that reported in both periods are compared, and the others say why', () => {
  const g = growthOfSums(
    obs({ a: 110, b: 50, c: null, d: null }),
    obs({ a: 100, b: null, c: 70, e: 1 }),
    ['a', 'b', 'c', 'd'],
  );
  assert.deepEqual(g.matched, ['a']);
  assert.deepEqual(g.excluded, [
    { unitId: 'b', reason: 'missing_previous' },
    { unitId: 'c', reason: 'missing_current' },
    { unitId: 'd', reason: 'missing_both' },
  ]);
  assert.equal(g.current, 110);
  assert.equal(g.previous, 100);
  assert.ok(closeTo(g.growthPct!, 10));
});

test('null growth when nothing matched or the previous sum is 0', () => {
  const none = growthOfSums(obs({ a: 1 }), obs({ a: null }), ['a']);
  assert.equal(none.growthPct, null);
  assert.equal(none.nullReason, 'no_matched_units');
  assert.equal(none.current, null);
  const zero = growthOfSums(obs({ a: 5 }), obs({ a: 0 }), ['a']);
  assert.equal(zero.growthPct, null);
  assert.equal(zero.nullReason, 'zero_previous');
  assert.equal(zero.current, 5);
});

test('growthPct is in percent (12.47, not 0.1247)', () => {
  assert.equal(growthPct(110, 100), 10);
  assert.ok(closeTo(growthPct(99.77, 100)!, -0.23));
  assert.equal(growthPct(1, 0), null);
});

// Integer levels make every sum exact, so the reference below is exact too.
const intPanel = panel(intLevel);

test('property: regional growth = growth of the summed series over the matched units', () => {
  fc.assert(
    fc.property(intPanel, ({ ids, current, previous }) => {
      const g = growthOfSums(current, previous, ids);
      const both = ids.filter((id, i) => current[i]!.value !== null && previous[i]!.value !== null);
      assert.deepEqual(g.matched, both);
      const c = both.reduce((a, id) => a + current[ids.indexOf(id)]!.value!, 0);
      const p = both.reduce((a, id) => a + previous[ids.indexOf(id)]!.value!, 0);
      assert.equal(g.growthPct, both.length === 0 || p === 0 ? null : ((c - p) / p) * 100);
    }),
  );
});

test('property: regional growth = the unit rates weighted by previous levels (and = their mean when those are equal)', () => {
  const full = unitIds().chain((ids) =>
    fc.record({
      ids: fc.constant(ids),
      prev: fc.array(positiveLevel, { minLength: ids.length, maxLength: ids.length }),
      cur: fc.array(positiveLevel, { minLength: ids.length, maxLength: ids.length }),
    }),
  );
  fc.assert(
    fc.property(full, ({ ids, prev, cur }) => {
      const toObs = (vs: number[]) => ids.map((unitId, i) => ({ unitId, value: vs[i]! }));
      const g = growthOfSums(toObs(cur), toObs(prev), ids).growthPct!;
      const P = prev.reduce((a, b) => a + b, 0);
      const weighted = ids.reduce((a, _, i) => a + (prev[i]! / P) * growthPct(cur[i]!, prev[i]!)!, 0);
      assert.ok(closeTo(g, weighted, 1e-9), `${g} vs ${weighted}`);
      const flat = growthOfSums(toObs(cur), toObs(ids.map(() => prev[0]!)), ids).growthPct!;
      const meanOfRates = ids.reduce((a, _, i) => a + growthPct(cur[i]!, prev[0]!)!, 0) / ids.length;
      assert.ok(closeTo(flat, meanOfRates, 1e-9), `${flat} vs ${meanOfRates}`);
    }),
  );
});

test('property: growth is invariant to scaling every value by a constant (units: tỷ ↔ triệu đồng)', () => {
  fc.assert(
    fc.property(panel(), fc.double({ min: 1e-3, max: 1e3, noNaN: true }), ({ ids, current, previous }, k) => {
      const g = growthOfSums(current, previous, ids).growthPct;
      const scale = (os: Observation[], f: number) => os.map((o) => ({ ...o, value: o.value === null ? null : o.value * f }));
      const scaled = growthOfSums(scale(current, k), scale(previous, k), ids).growthPct;
      if (g === null) assert.equal(scaled, null);
      else assert.ok(closeTo(scaled!, g, 1e-9), `${scaled} vs ${g}`);
    }),
  );
});

test('property: a unit that reported in only one period does not change the growth', () => {
  fc.assert(
    fc.property(panel(), positiveLevel, fc.boolean(), ({ ids, current, previous }, v, inCurrent) => {
      const before = growthOfSums(current, previous, ids);
      const add = (os: Observation[], value: number | null) => [...os, { unitId: 'newcomer', value }];
      const after = growthOfSums(add(current, inCurrent ? v : null), add(previous, inCurrent ? null : v), [...ids, 'newcomer']);
      assert.equal(after.growthPct, before.growthPct);
      assert.equal(after.current, before.current);
      assert.deepEqual(after.excluded.at(-1), {
        unitId: 'newcomer',
        reason: inCurrent ? 'missing_previous' : 'missing_current',
      });
    }),
  );
});

test('property: the order of members and observations does not matter', () => {
  fc.assert(
    fc.property(
      panel().chain((p) => fc.record({ p: fc.constant(p), order: fc.shuffledSubarray(p.ids, { minLength: p.ids.length }) })),
      ({ p, order }) => {
        const g = growthOfSums(p.current, p.previous, p.ids).growthPct;
        const shuffled = growthOfSums([...p.current].reverse(), p.previous, order).growthPct;
        assert.equal(shuffled, g);
      },
    ),
  );
});
