import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { rank } from './rank.ts';

interface Row {
  id: string;
  g: number | null;
}
const rows = (gs: (number | null)[]): Row[] => gs.map((g, i) => ({ id: `u${i}`, g }));
const view = (r: ReturnType<typeof rank<Row>>) => r.map((x) => [x.item.id, x.rank]);

test('competition ranking 1, 2, 2, 4; missing figures last and unranked', () => {
  const r = rank(rows([5, null, 9, 7, 7, 1]), { by: 'g', direction: 'desc', ties: 'competition' });
  assert.deepEqual(view(r), [
    ['u2', 1],
    ['u3', 2],
    ['u4', 2],
    ['u0', 4],
    ['u5', 5],
    ['u1', null],
  ]);
});

test('ascending, by a function, with NaN treated as missing', () => {
  const r = rank(rows([3, 1, NaN, 1]), { by: (x) => x.g, direction: 'asc' });
  assert.deepEqual(view(r), [
    ['u1', 1],
    ['u3', 1],
    ['u0', 3],
    ['u2', null],
  ]);
});

test('empty and all-missing inputs', () => {
  assert.deepEqual(rank([], { by: 'g', direction: 'desc' }), []);
  assert.deepEqual(view(rank(rows([null, null]), { by: 'g', direction: 'desc' })), [
    ['u0', null],
    ['u1', null],
  ]);
});

// Few distinct values, so ties are common.
const gs = fc.array(fc.option(fc.integer({ min: -3, max: 3 }), { freq: 4 }), { maxLength: 30 });
const direction = fc.constantFrom('asc' as const, 'desc' as const);

test('property: rank = 1 + the number of strictly better values; missing values unranked and last', () => {
  fc.assert(
    fc.property(gs, direction, (values, dir) => {
      const r = rank(rows(values), { by: 'g', direction: dir });
      const better = (a: number, b: number) => (dir === 'desc' ? a > b : a < b);
      assert.equal(r.length, values.length);
      for (const { item, rank: k } of r) {
        if (item.g === null) assert.equal(k, null);
        else assert.equal(k, 1 + values.filter((v) => v !== null && better(v, item.g!)).length);
      }
      const firstNull = r.findIndex((x) => x.rank === null);
      if (firstNull >= 0) assert.ok(r.slice(firstNull).every((x) => x.rank === null));
      const ranks = r.flatMap((x) => (x.rank === null ? [] : [x.rank]));
      assert.deepEqual(ranks, [...ranks].sort((a, b) => a - b));
    }),
  );
});

test('property: permuting the input permutes the output and keeps every unit’s rank', () => {
  fc.assert(
    fc.property(
      gs.chain((v) => fc.tuple(fc.constant(rows(v)), fc.shuffledSubarray(rows(v), { minLength: v.length }))),
      direction,
      ([original, shuffled], dir) => {
        const rankOf = (items: Row[]) =>
          new Map(rank(items, { by: 'g', direction: dir }).map((x) => [x.item.id, x.rank]));
        assert.deepEqual(rankOf(shuffled), rankOf(original));
      },
    ),
  );
});
