// The entry grid's unsaved edits kept in the tab: the key (account × data set × province × period), the
// record written as the officer types (only cells that differ from what is stored), and the merge of
// what was kept with the grid as it is now (cells gone, edits now equal to the stored figure, a cell
// changed since keeping the version it was typed against, texts in the other language).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { draftKey, draftKeyOf, dropKept, readKept, restoreKept, retypeDrafts, writeKept, type DraftStorage } from './draftStore.ts';
import { edit, entriesToSave, type Drafts } from './gridState.ts';
import type { GridRow } from './types.ts';

function row(over: Partial<GridRow> = {}): GridRow {
  return {
    item: 0, indicator: 'iip', name_vi: 'Chỉ số', name_en: 'Index', unit: '%', decimals: 2,
    nature: 'index', breakdown: null, basis: 'month', required: true, integer: false, min: 0, max: 1000,
    period: 'T10/2026', period_vi: 'tháng 10/2026', period_en: 'October 2026', last_year: 100, previous_cumulative: null,
    value: null, comment: null, version: 0, updated_by: null, updated_at: null, growth_pct: null, growth_kind: 'index',
    plan: null, pct_of_plan: null, history: [], issues: [], ...over,
  } as GridRow;
}

class Memory implements DraftStorage {
  map = new Map<string, string>();
  getItem(k: string) { return this.map.get(k) ?? null; }
  setItem(k: string, v: string) { this.map.set(k, v); }
  removeItem(k: string) { this.map.delete(k); }
}

const rows = [
  row({ item: 0, value: 101.5, version: 2 }),
  row({ item: 1, value: null, version: 0, plan: { value: null, version: 0, published: null } as GridRow['plan'] }),
  row({ item: 2, value: 7, version: 1, comment: 'cũ' }),
];

describe('the key', () => {
  test('one record per account, data set, province and period', () => {
    const k = draftKey('sct-hanoi', 'bao-cao-thang', 'ha-noi', 'T10/2026');
    assert.equal(draftKeyOf('sct-hanoi', '?dataset=bao-cao-thang&province=ha-noi&period=T10%2F2026'), k);
    assert.notEqual(draftKey('sct-hanoi', 'bao-cao-thang', 'ha-noi', 'T11/2026'), k);
    assert.notEqual(draftKey('sct-hanoi', 'bao-cao-thang', 'hai-phong', 'T10/2026'), k);
    assert.notEqual(draftKey('sct-hanoi', 'bao-cao-quy', 'ha-noi', 'T10/2026'), k);
    assert.notEqual(draftKey('sct-hanoi-2', 'bao-cao-thang', 'ha-noi', 'T10/2026'), k);
    // no separator can be smuggled through a name
    assert.notEqual(draftKey('a|b', 'c', 'd', 'e'), draftKey('a', 'b|c', 'd', 'e'));
  });
});

describe('keeping and restoring', () => {
  const key = draftKey('sct-hanoi', 'bao-cao-thang', 'ha-noi', 'T10/2026');

  test('what is typed is kept with the version it was typed against, and comes back the same', () => {
    const s = new Memory();
    let d: Drafts = {};
    d = edit(d, rows[0]!, 'actual', { text: '105,3' });
    d = edit(d, rows[1]!, 'plan', { text: '1.200' });
    d = edit(d, rows[2]!, 'actual', { comment: 'mới' });
    writeKept(s, key, rows, d, 'vi');
    const kept = readKept(s, key);
    assert.deepEqual(kept, { lang: 'vi', drafts: { '0|actual': { base: 2, text: '105,3' }, '1|plan': { base: 0, text: '1.200' }, '2|actual': { base: 1, comment: 'mới' } } });
    const back = restoreKept(rows, kept, 'vi');
    assert.deepEqual(back, kept!.drafts);
    assert.deepEqual(entriesToSave(rows, back, 'vi').entries, [
      { item: 0, measure: 'actual', value: 105.3, version: 2 },
      { item: 1, measure: 'plan', value: 1200, version: 0 },
      { item: 2, measure: 'actual', value: 7, version: 1, comment: 'mới' },
    ]);
  });

  test('only cells that differ from what is stored are kept; none left removes the record', () => {
    const s = new Memory();
    const d = edit(edit({}, rows[0]!, 'actual', { text: '101,5' }), rows[2]!, 'actual', { text: '8' });
    writeKept(s, key, rows, d, 'vi');
    assert.deepEqual(Object.keys(readKept(s, key)!.drafts), ['2|actual']);
    writeKept(s, key, rows, {}, 'vi'); // the save stored them
    assert.equal(s.getItem(key), null);
    writeKept(s, key, rows, d, 'vi');
    dropKept(s, key);
    assert.equal(s.getItem(key), null);
  });

  test('a cell changed on the server since keeps its old version (the save is refused: the conflict panel)', () => {
    const kept = { lang: 'vi' as const, drafts: { '0|actual': { base: 2, text: '110' } } };
    const now = [row({ item: 0, value: 120, version: 3 })];
    const back = restoreKept(now, kept, 'vi');
    assert.deepEqual(back, { '0|actual': { base: 2, text: '110' } });
    assert.deepEqual(entriesToSave(now, back, 'vi').entries, [{ item: 0, measure: 'actual', value: 110, version: 2 }]);
  });

  test('an edit now equal to the stored figure, a row or a plan the grid no longer has: dropped', () => {
    const kept = {
      lang: 'vi' as const,
      drafts: { '0|actual': { base: 2, text: '120' }, '0|plan': { base: 0, text: '5' }, '9|actual': { base: 0, text: '1' }, '2|actual': { base: 1, text: '9' } },
    };
    const now = [row({ item: 0, value: 120, version: 3 }), rows[2]!];
    assert.deepEqual(restoreKept(now, kept, 'vi'), { '2|actual': { base: 1, text: '9' } });
  });

  test('texts typed in one language read the same number in the other', () => {
    const kept = { lang: 'vi' as const, drafts: { '0|actual': { base: 2, text: '1.234,5' }, '2|actual': { base: 1, text: 'abc' } } };
    assert.deepEqual(restoreKept(rows, kept, 'en'), { '0|actual': { base: 2, text: '1,234.5' }, '2|actual': { base: 1, text: 'abc' } });
    assert.deepEqual(retypeDrafts({ '0|actual': { base: 2, text: '1,234.5', comment: 'x' } }, 'en', 'vi'), { '0|actual': { base: 2, text: '1.234,5', comment: 'x' } });
  });

  test('a record not understood, or no storage at all, restores nothing and throws nothing', () => {
    const s = new Memory();
    s.setItem(key, '{not json');
    assert.equal(readKept(s, key), null);
    s.setItem(key, JSON.stringify({ v: 2, lang: 'vi', drafts: {} }));
    assert.equal(readKept(s, key), null);
    s.setItem(key, JSON.stringify({ v: 1, lang: 'vi', at: '', drafts: { '0|actual': { base: 'x', text: 1 }, 'bad': { base: 0 }, '2|actual': { base: 1, text: '9' } } }));
    assert.deepEqual(readKept(s, key)!.drafts, { '2|actual': { base: 1, text: '9' } });
    assert.equal(readKept(null, key), null);
    assert.deepEqual(restoreKept(rows, null, 'vi'), {});
    writeKept(null, key, rows, edit({}, rows[0]!, 'actual', { text: '1' }), 'vi');
    const full: DraftStorage = { getItem: () => null, setItem: () => { throw new Error('QuotaExceededError'); }, removeItem: () => {} };
    writeKept(full, key, rows, edit({}, rows[0]!, 'actual', { text: '1' }), 'vi');
  });
});
