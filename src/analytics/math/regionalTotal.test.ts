import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { regionalTotal } from './regionalTotal.ts';
import { observationsFor, unitIds } from './testSupport.ts';

test('sums the members that reported and lists the others', () => {
  const r = regionalTotal(
    [
      { unitId: 'ha-noi', value: 100.5 },
      { unitId: 'hai-phong', value: null },
      { unitId: 'ninh-binh', value: 20.25 },
      { unitId: 'can-tho', value: 999 }, // not a member: ignored
    ],
    ['ha-noi', 'hai-phong', 'ninh-binh', 'quang-ninh'],
  );
  assert.deepEqual(r, {
    total: 120.75,
    reported: ['ha-noi', 'ninh-binh'],
    missing: ['hai-phong', 'quang-ninh'],
    coverage: { reported: 2, of: 4 },
  });
});

test('nobody reported: total null, not 0', () => {
  const r = regionalTotal([{ unitId: 'a', value: null }], ['a', 'b']);
  assert.equal(r.total, null);
  assert.deepEqual(r.coverage, { reported: 0, of: 2 });
});

test('a reported zero is a figure', () => {
  assert.equal(regionalTotal([{ unitId: 'a', value: 0 }], ['a']).total, 0);
});

test('a member listed twice counts once; duplicate or non-finite observations are refused', () => {
  assert.deepEqual(regionalTotal([{ unitId: 'a', value: 1 }], ['a', 'a']).coverage, { reported: 1, of: 1 });
  assert.throws(() => regionalTotal([{ unitId: 'a', value: 1 }, { unitId: 'a', value: 2 }], ['a']), RangeError);
  assert.throws(() => regionalTotal([{ unitId: 'a', value: NaN }], ['a']), RangeError);
});

const region = unitIds().chain((ids) => fc.record({ ids: fc.constant(ids), obs: observationsFor(ids) }));

test('property: the total ignores missing members and the coverage counts them', () => {
  fc.assert(
    fc.property(region, ({ ids, obs }) => {
      const r = regionalTotal(obs, ids);
      const values = obs.flatMap((o) => (o.value === null ? [] : [o.value]));
      const exactCents = values.reduce((a, v) => a + BigInt(Math.round(v * 100)), 0n);
      assert.equal(r.total, values.length === 0 ? null : Number(exactCents) / 100);
      assert.equal(r.coverage.reported, values.length);
      assert.equal(r.coverage.of, ids.length);
      assert.deepEqual([...r.reported, ...r.missing].sort(), [...ids].sort());
    }),
  );
});

test('property: a member that did not report changes the coverage, never the total', () => {
  fc.assert(
    fc.property(region, ({ ids, obs }) => {
      const before = regionalTotal(obs, ids);
      const after = regionalTotal([...obs, { unitId: 'late', value: null }], [...ids, 'late']);
      assert.equal(after.total, before.total);
      assert.deepEqual(after.coverage, { reported: before.coverage.reported, of: before.coverage.of + 1 });
      assert.deepEqual(after.missing, [...before.missing, 'late']);
    }),
  );
});
