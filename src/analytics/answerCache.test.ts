// The answer cache may only ever save time: whoever writes — this process, another connection, another
// process on PostgreSQL — the next answer shows the write.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../db/database.ts';
import { openTestDbPair, testStoreKind } from '../db/testing.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import { writeValues } from '../collection/writeValues.ts';
import { bulkLoad } from '../collection/bulk/bulkLoad.ts';
import { STATUS_CODE, type ValueWrite } from '../collection/valueModel.ts';
import { parseCode, periodKey } from '../periods/period.ts';
import { regionalPivot } from './pivot.ts';
import { rebuildRollups } from './rebuildRollups.ts';

let db: Db;
let other: Db; // a second connection (pool) to the same store
let ids: Record<string, number>;
let close: () => Promise<void>;
before(async () => {
  ({ db, other, close } = await openTestDbPair());
  ids = await loadFixtureCatalogue(db);
});
after(async () => {
  await close();
});

const T10 = parseCode('T10/2024');
const val = (unit: string, value: number, extra: Partial<ValueWrite> = {}): ValueWrite => ({
  period: periodKey(T10), indicatorId: ids.exports!, breakdownId: 0, unitId: ids[unit]!, measure: 0, value,
  status: STATUS_CODE.official, growthPct: null, pctOfPlan: null, qualifier: null, note: null, ...extra,
});
const ctx = { actor: 'test', kind: 'seed' };
const exportsOf = async () => (await regionalPivot(db, { period: T10, indicators: ['exports'], regions: ['region1'] }))[0]!.value;
/** The answer, once it equals `want` (PostgreSQL's notification may take a moment to arrive). */
async function eventually(want: number, ms = 3000): Promise<number | null> {
  const until = Date.now() + ms;
  let got = await exportsOf();
  while (got !== want && Date.now() < until) {
    await new Promise((r) => setTimeout(r, 20));
    got = await exportsOf();
  }
  return got;
}

describe('answer cache', () => {
  test('a repeated question gets the same answer, and each caller its own copy', async () => {
    await writeValues(db, [val('a', 10), val('b', 20), val('c', 30), val('d', 40)], ctx);
    const first = await regionalPivot(db, { period: T10, regions: ['region1'] });
    first[0]!.value = -1;
    first[0]!.coverage.reported = -1;
    const second = await regionalPivot(db, { period: T10, regions: ['region1'] });
    assert.notEqual(second[0]!.value, -1);
    assert.notEqual(second[0]!.coverage.reported, -1);
    assert.equal(await exportsOf(), 100);
  });

  test('a value written by this process is in the very next answer', async () => {
    assert.equal(await exportsOf(), 100);
    await writeValues(db, [val('a', 15, { expectedVersion: 1 })], ctx);
    assert.equal(await exportsOf(), 105);
  });

  test('a value written through another connection shows too', async () => {
    await new Promise((r) => setTimeout(r, 300)); // PostgreSQL: the listener is up, answers are cached
    assert.equal(await exportsOf(), 105);
    assert.equal(await exportsOf(), 105);
    await writeValues(other, [val('b', 25, { expectedVersion: 1 })], ctx);
    // SQLite sees it at once (data_version); PostgreSQL when the commit's notification arrives.
    assert.equal(testStoreKind === 'sqlite' ? await exportsOf() : await eventually(110), 110);
  });

  test('a bulk load and a rollup rebuild are in the next answer', async () => {
    await bulkLoad(db, [[val('c', 35, { expectedVersion: 1 })]], { actor: 'test', kind: 'bulk' });
    assert.equal(await exportsOf(), 115);
    await db.k.updateTable('rollup').set({ total_micro: 0 }).execute(); // damage it, then repair
    await rebuildRollups(db);
    assert.equal(await exportsOf(), 115);
  });
});
