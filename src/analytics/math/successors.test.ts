import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { growthOfSums } from './growth.ts';
import { mapOntoSuccessors } from './successors.ts';
import type { Observation } from './types.ts';
import { intLevel } from './testSupport.ts';

// Three 2025 units of the North (domain §6): two merged, one unchanged.
const PREDECESSORS: Record<string, string[]> = {
  'bac-ninh-2025': ['bac-giang', 'bac-ninh'],
  'phu-tho-2025': ['hoa-binh', 'phu-tho', 'vinh-phuc'],
  'ha-noi': ['ha-noi'],
};
const predecessorsOf = (id: string) => PREDECESSORS[id] ?? [];
const SUCCESSORS = Object.keys(PREDECESSORS);
const obs = (entries: Record<string, number | null>): Observation[] =>
  Object.entries(entries).map(([unitId, value]) => ({ unitId, value }));

test('a new province’s past is the sum of its predecessors', () => {
  const past = mapOntoSuccessors(
    obs({ 'bac-giang': 120.5, 'bac-ninh': 200.25, 'hoa-binh': 10, 'phu-tho': null, 'vinh-phuc': 30, 'ha-noi': 500 }),
    predecessorsOf,
    SUCCESSORS,
  );
  assert.deepEqual(past, [
    { unitId: 'bac-ninh-2025', value: 320.75, predecessors: ['bac-giang', 'bac-ninh'], missing: [] },
    { unitId: 'phu-tho-2025', value: null, predecessors: ['hoa-binh', 'phu-tho', 'vinh-phuc'], missing: ['phu-tho'] },
    { unitId: 'ha-noi', value: 500, predecessors: ['ha-noi'], missing: [] },
  ]);
});

test('growth across July 2025 is recomputed from the summed levels', () => {
  const previous = mapOntoSuccessors(
    obs({ 'bac-giang': 100, 'bac-ninh': 300, 'hoa-binh': 10, 'phu-tho': null, 'vinh-phuc': 30, 'ha-noi': 500 }),
    predecessorsOf,
    SUCCESSORS,
  );
  const current = obs({ 'bac-ninh-2025': 440, 'phu-tho-2025': 50, 'ha-noi': 550 });
  const g = growthOfSums(current, previous, SUCCESSORS);
  assert.deepEqual(g.matched, ['bac-ninh-2025', 'ha-noi']);
  assert.deepEqual(g.excluded, [{ unitId: 'phu-tho-2025', reason: 'missing_previous' }]);
  assert.equal(g.growthPct, 10); // (440 + 550) / (400 + 500) − 1
});

test('a unit without predecessors has no past; a predecessor under two successors is a data error', () => {
  assert.deepEqual(mapOntoSuccessors([], () => [], ['new']), [{ unitId: 'new', value: null, predecessors: [], missing: [] }]);
  assert.throws(() => mapOntoSuccessors([], () => ['same'], ['x', 'y']), /predecessor of both x and y/);
});

// Random whole merges: n predecessors partitioned among successors.
const reorganisation = fc.integer({ min: 1, max: 63 }).chain((n) =>
  fc.record({
    owner: fc.array(fc.integer({ min: 0, max: 33 }), { minLength: n, maxLength: n }),
    prev: fc.array(fc.option(intLevel, { freq: 6 }), { minLength: n, maxLength: n }),
    cur: fc.array(fc.option(intLevel, { freq: 6 }), { minLength: n, maxLength: n }),
  }),
);

function merge(owner: number[]) {
  const successors = [...new Set(owner)].map((k) => `s${k}`);
  const predecessorsOf = (s: string) => owner.flatMap((k, i) => (`s${k}` === s ? [`p${i}`] : []));
  return { successors, predecessorsOf };
}
const toObs = (vs: (number | null)[]) => vs.map((value, i) => ({ unitId: `p${i}`, value }));

test('property: summed onto successors, levels add up to the same total when everyone reported', () => {
  fc.assert(
    fc.property(reorganisation, ({ owner, prev }) => {
      const { successors, predecessorsOf } = merge(owner);
      const mapped = mapOntoSuccessors(toObs(prev), predecessorsOf, successors);
      const complete = mapped.filter((m) => m.value !== null);
      for (const m of mapped) assert.equal(m.value === null, m.missing.length > 0);
      const fromComplete = complete.flatMap((m) => m.predecessors.map((p) => prev[Number(p.slice(1))]!));
      assert.equal(
        complete.reduce((a, m) => a + m.value!, 0),
        fromComplete.reduce((a, v) => a + v, 0),
      );
    }),
  );
});

test('property: when every old province reported in both years, growth over successors = growth over predecessors', () => {
  fc.assert(
    fc.property(reorganisation, ({ owner, prev, cur }) => {
      const p = prev.map((v) => v ?? 1);
      const c = cur.map((v) => v ?? 1);
      const { successors, predecessorsOf } = merge(owner);
      const old = growthOfSums(toObs(c), toObs(p), owner.map((_, i) => `p${i}`));
      const now = growthOfSums(
        mapOntoSuccessors(toObs(c), predecessorsOf, successors),
        mapOntoSuccessors(toObs(p), predecessorsOf, successors),
        successors,
      );
      assert.equal(now.growthPct, old.growthPct);
    }),
  );
});
