import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDb } from '../db/testing.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import type { Db } from '../db/database.ts';
import { writeValues, WriteRejected } from './writeValues.ts';
import { STATUS_CODE, type ValueWrite } from './valueModel.ts';
import { revisions } from './valueRepository.ts';
import { bulkLoad } from './bulk/bulkLoad.ts';

let db: Db;
let ids: Record<string, number>;
before(async () => {
  db = await openTestDb();
  ids = await loadFixtureCatalogue(db);
});
after(async () => db.close());

const P_9T_2024 = 2024409;
const w = (unit: string, value: number | null, extra: Partial<ValueWrite> = {}): ValueWrite => ({
  period: P_9T_2024, indicatorId: ids.retail_services!, breakdownId: 0, unitId: ids[unit]!, measure: 0,
  value, status: STATUS_CODE.official, growthPct: null, pctOfPlan: null, qualifier: null, note: null, ...extra,
});
const ctx = { actor: 'test', kind: 'edit' };

async function rollup(region: string, period = P_9T_2024) {
  return db.k.selectFrom('rollup').selectAll()
    .where('region_id', '=', ids[region]!).where('period', '=', period)
    .where('indicator_id', '=', ids.retail_services!).executeTakeFirst();
}

describe('writing values', () => {
  test('a new value is stored with version 1 and moves the region rollup', async () => {
    const r = await writeValues(db, [w('a', 100), w('b', 250.5)], ctx);
    assert.equal(r.inserted, 2);
    assert.deepEqual(r.versions, [1, 1]);
    const ru = await rollup('region1');
    assert.equal(ru?.n, 2);
    assert.equal(ru?.total_micro, 350.5e6);
  });

  test('a revision keeps the earlier value in history with who and when', async () => {
    const r = await writeValues(db, [w('a', 120, { expectedVersion: 1, note: 'số chính thức' })], { ...ctx, actor: 'analyst' });
    assert.equal(r.updated, 1);
    assert.deepEqual(r.versions, [2]);
    const revs = await revisions(db.k, w('a', 0));
    assert.deepEqual(revs.map((x) => x.value), [100, 120]);
    assert.equal(revs[0]!.supersededBy, r.changeSetId);
    assert.equal(revs[1]!.actor, 'analyst');
    assert.equal((await rollup('region1'))?.total_micro, 370.5e6);
  });

  test('a stale version is refused with the current value, and nothing is written', async () => {
    await assert.rejects(
      writeValues(db, [w('b', 1, { expectedVersion: 1 }), w('a', 999, { expectedVersion: 1 })], ctx),
      (e: unknown) => {
        assert.ok(e instanceof WriteRejected);
        assert.equal(e.problems.length, 1);
        assert.equal(e.problems[0]!.code, 'conflict');
        assert.equal(e.problems[0]!.index, 1);
        assert.equal(e.problems[0]!.current?.value, 120);
        assert.match(e.problems[0]!.messageVi, /người khác/);
        return true;
      },
    );
    const revs = await revisions(db.k, w('b', 0));
    assert.deepEqual(revs.map((x) => x.value), [250.5]);
  });

  test('an estimate does not replace an official figure unless asked to', async () => {
    await assert.rejects(writeValues(db, [w('b', 1, { status: STATUS_CODE.estimate })], ctx), WriteRejected);
  });

  test('writing the same content again creates no revision', async () => {
    const r = await writeValues(db, [w('b', 250.5)], ctx);
    assert.equal(r.unchanged, 1);
    assert.equal(r.changeSetId, null);
  });

  test('a deletion keeps the value in history and takes it out of the rollup', async () => {
    const r = await writeValues(db, [w('b', null, { delete: true })], ctx);
    assert.equal(r.deleted, 1);
    const ru = await rollup('region1');
    assert.equal(ru?.n, 1);
    assert.equal(ru?.total_micro, 120e6);
    const revs = await revisions(db.k, w('b', 0));
    assert.deepEqual(revs.map((x) => x.value), [250.5]);
  });

  test('two rows with the same key in one write are refused', async () => {
    await assert.rejects(writeValues(db, [w('b', 1), w('b', 2)], ctx), WriteRejected);
  });

  test('a province outside the region on the period end date does not feed it', async () => {
    // cd exists from 2025-07-01: a value for 6 months of 2025 must not count in any region.
    await writeValues(db, [w('cd', 5, { period: 2025406 })], ctx);
    assert.equal((await rollup('region1', 2025406)), undefined);
  });
});

describe('bulk loading', () => {
  test('loads new values, revises existing ones with history, and keeps rollups equal to a recomputation', async () => {
    const rows: ValueWrite[] = [];
    for (let m = 1; m <= 12; m++) {
      for (const u of ['a', 'b', 'c', 'd']) rows.push(w(u, m * 10 + u.charCodeAt(0), { period: 2023100 + m }));
    }
    const r1 = await bulkLoad(db, [rows.slice(0, 20), rows.slice(20)], { actor: 'bulk', kind: 'bulk' });
    assert.equal(r1.inserted, 48);
    // Load again with two changed values: one batch meets existing rows.
    const again = rows.map((x, i) => (i < 2 ? { ...x, value: x.value! + 1 } : x));
    const r2 = await bulkLoad(db, [again], { actor: 'bulk', kind: 'bulk' });
    assert.deepEqual([r2.inserted, r2.updated, r2.unchanged], [0, 2, 46]);
    const revs = await revisions(db.k, rows[0]!);
    assert.deepEqual(revs.map((x) => x.value), [rows[0]!.value, rows[0]!.value! + 1]);
    for (let m = 1; m <= 12; m++) {
      const expected = again.filter((x) => x.period === 2023100 + m).reduce((s, x) => s + x.value!, 0);
      const ru = await rollup('region1', 2023100 + m);
      assert.equal(ru?.total_micro, expected * 1e6);
      assert.equal(ru?.n, 4);
    }
  });

  test('a refused row rolls back the whole load', async () => {
    const before = await db.k.selectFrom('value').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    const rows = [w('a', 1, { period: 2022101 }), w('a', 2, { period: 2023101, status: STATUS_CODE.estimate })];
    await assert.rejects(bulkLoad(db, [rows], { actor: 'bulk', kind: 'bulk' }), WriteRejected);
    const after = await db.k.selectFrom('value').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    assert.equal(Number(after.n), Number(before.n));
  });
});
