// Bulk loads keep the rollups equal to a recomputation however the deltas are split: written in the
// middle of a load, met again by a later batch, or (PostgreSQL) created by someone else between the
// moment a load looked and the moment it COPYs.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openTestDb, testStoreKind } from '../../db/testing.ts';
import { loadFixtureCatalogue } from '../../db/fixtures.ts';
import type { Db, PostgresHandle } from '../../db/database.ts';
import { checkRollups } from '../../analytics/rebuildRollups.ts';
import { RollupDeltaSet } from '../../analytics/rollupDeltas.ts';
import { STATUS_CODE, type ValueWrite } from '../valueModel.ts';
import { bulkLoad } from './bulkLoad.ts';
import { RollupWriter } from './postgresBulk.ts';

let db: Db;
let ids: Record<string, number>;
before(async () => {
  db = await openTestDb();
  ids = await loadFixtureCatalogue(db);
});
after(async () => db.close());

const w = (unit: string, period: number, value: number): ValueWrite => ({
  period, indicatorId: ids.exports!, breakdownId: 0, unitId: ids[unit]!, measure: 0, value,
  status: STATUS_CODE.official, growthPct: null, pctOfPlan: null, qualifier: null, note: null,
});
const ctx = { actor: 'test', kind: 'bulk' };
const regionTotal = async (period: number) => (await db.k.selectFrom('rollup').select(['total_micro', 'n'])
  .where('period', '=', period).where('region_id', '=', ids.region1!).where('indicator_id', '=', ids.exports!)
  .where('breakdown_id', '=', 0).where('measure', '=', 0).executeTakeFirst());

describe('bulk loads and the rollups', () => {
  test('a period split over batches, deltas written after every batch: each region sum is exact', async () => {
    const months = [2021101, 2021102, 2021103];
    // batches cut across periods and units, so the same rollup row is met by several batches
    const rows = months.flatMap((p, i) => ['a', 'b', 'c', 'd'].map((u, j) => w(u, p, 10 * (i + 1) + j)));
    const batches = [rows.slice(0, 3), rows.slice(3, 5), rows.slice(5, 9), rows.slice(9)];
    const r = await bulkLoad(db, batches, ctx, { rollupFlushRows: 1 });
    assert.equal(r.inserted, 12);
    for (const [i, p] of months.entries()) {
      const sum = [0, 1, 2, 3].reduce((s, j) => s + 10 * (i + 1) + j, 0);
      assert.deepEqual({ ...(await regionTotal(p)) }, { total_micro: sum * 1e6, n: 4 });
    }
    assert.deepEqual(await checkRollups(db), []);
  });

  test('a load into periods that already have rollups adds to them', async () => {
    await bulkLoad(db, [[w('a', 2021104, 5)], [w('b', 2021104, 6)]], ctx, { rollupFlushRows: 1 });
    await bulkLoad(db, [[w('c', 2021104, 7)], [w('d', 2021104, 8)]], ctx);
    assert.deepEqual({ ...(await regionTotal(2021104)) }, { total_micro: 26e6, n: 4 });
    assert.deepEqual(await checkRollups(db), []);
  });

  test('PostgreSQL: a rollup row created by another writer after the load looked is added to, not lost', { skip: testStoreKind !== 'postgres' }, async () => {
    const client = await (db.raw as PostgresHandle).pool.connect();
    try {
      await client.query('BEGIN');
      const deltas = (unit: string, value: number) => {
        const d = new RollupDeltaSet();
        d.addNew(w(unit, 2021105, value), [ids.region1!], value, STATUS_CODE.official, null);
        return d;
      };
      const first = new RollupWriter(client);
      const other = new RollupWriter(client);
      const probe = new RollupDeltaSet();
      probe.addNew({ ...w('a', 2021105, 1), indicatorId: ids.imports! }, [ids.region1!], 1, STATUS_CODE.official, null);
      await first.write(probe); // `first` now believes 2021105 had no rollups before it
      await other.write(deltas('a', 40)); // someone else creates the exports row of 2021105
      await first.write(deltas('b', 2)); // `first` tries a COPY, meets the row, falls back to the upsert
      const { rows } = await client.query(
        'SELECT total_micro, n FROM rollup WHERE period = 2021105 AND region_id = $1 AND indicator_id = $2', [ids.region1, ids.exports]);
      assert.deepEqual(rows, [{ total_micro: 42e6, n: 2 }]);
      await client.query('ROLLBACK');
    } finally {
      client.release();
    }
  });
});
