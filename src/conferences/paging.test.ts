// Keyset paging over a sorted list: order by the key whatever the input order, pages that neither
// skip nor repeat, and a cursor that survives items added or removed between pages.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { compareKeys, decodeCursor, encodeCursor, paginate } from './paging.ts';

const items = [
  { id: 5, at: '2024-10-11' }, { id: 2, at: '2024-05-17' }, { id: 9, at: null }, { id: 3, at: '2024-10-11' }, { id: 7, at: '2025-01-02' },
];
const key = (x: { id: number; at: string | null }) => [x.at, x.id];

describe('paging', () => {
  test('keys compare null first, numbers by value, strings by code point', () => {
    assert.ok(compareKeys([null, 1], ['2024', 0]) < 0);
    assert.ok(compareKeys(['2024', 10], ['2024', 9]) > 0, 'not as text');
    assert.ok(compareKeys(['Z'], ['a']) < 0);
    assert.equal(compareKeys(['x', 1], ['x', 1]), 0);
  });

  test('pages walk the sorted list once', () => {
    const p1 = paginate(items, key, { limit: 2 });
    assert.deepEqual(p1.items.map((x) => x.id), [9, 2]);
    assert.equal(p1.total, 5);
    const p2 = paginate(items, key, { limit: 2, cursor: p1.next_cursor! });
    assert.deepEqual(p2.items.map((x) => x.id), [3, 5]);
    const p3 = paginate(items, key, { limit: 2, cursor: p2.next_cursor! });
    assert.deepEqual(p3.items.map((x) => x.id), [7]);
    assert.equal(p3.next_cursor, null);
  });

  test('an item removed before the cursor does not shift the next page', () => {
    const p1 = paginate(items, key, { limit: 2 });
    const fewer = items.filter((x) => x.id !== 2);
    assert.deepEqual(paginate(fewer, key, { limit: 2, cursor: p1.next_cursor! }).items.map((x) => x.id), [3, 5]);
  });

  test('cursors round-trip and a forged one is refused in Vietnamese first', () => {
    assert.deepEqual(decodeCursor(encodeCursor(['2024-10-11', 5])), ['2024-10-11', 5]);
    assert.throws(() => decodeCursor('%%%'), (e: any) => e.status === 422 && /^Con trỏ trang/.test(e.messageVi));
    assert.throws(() => decodeCursor(Buffer.from('{"a":1}').toString('base64url')), (e: any) => e.code === 'invalid_cursor');
  });
});
