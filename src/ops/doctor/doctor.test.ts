// The doctor on a healthy store finds nothing; on a store corrupted on purpose it names the problem.
import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import { sql } from 'kysely';
import { closeSync, mkdtempSync, openSync, rmSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { openDb, type Db, type SqliteHandle } from '../../db/database.ts';
import { openTestDb, testStoreKind } from '../../db/testing.ts';
import { storeWithHistory } from '../testSupport.ts';
import { runDoctor } from './doctor.ts';
import { formatReport, healthy, problemCodes } from './findings.ts';
import { rawConnection } from '../store/rawConnection.ts';
import { rebuildRollups } from '../../analytics/rebuildRollups.ts';

const opened: Db[] = [];
after(async () => {
  for (const db of opened) await db.close();
});

async function fresh(): Promise<{ db: Db; ids: Record<string, number> }> {
  const db = await openTestDb();
  opened.push(db);
  return { db, ids: await storeWithHistory(db) };
}

async function codesAfter(corrupt: (db: Db, ids: Record<string, number>) => Promise<void>): Promise<string[]> {
  const { db, ids } = await fresh();
  await corrupt(db, ids);
  const report = await runDoctor(db, 'test');
  assert.equal(healthy(report), false, formatReport(report));
  return problemCodes(report);
}

describe('doctor', () => {
  test('a healthy store with revisions, deletions and plans has no problem', async () => {
    const { db } = await fresh();
    const report = await runDoctor(db, 'test');
    assert.ok(healthy(report), formatReport(report));
    assert.deepEqual(report.checks.map((c) => c.id), ['engine', 'migrations', 'orphans', 'catalogue', 'history', 'rollups']);
    assert.match(formatReport(report), /Kho dữ liệu không có vấn đề.*No problems found/);
  });

  test('a rollup that drifted from the values is named, with the fix', async () => {
    const codes = await codesAfter(async (db) => {
      await db.k.updateTable('rollup').set((eb) => ({ n: eb('n', '+', 1) })).where('period', '=', 2024409).execute();
    });
    assert.deepEqual(codes, ['rollup_mismatch']);
  });

  test('a rollup row for a period with no values left is a mismatch too', async () => {
    const codes = await codesAfter(async (db, ids) => {
      await db.k.insertInto('rollup').values({
        period: 2019409, indicator_id: ids.retail_services!, breakdown_id: 0, measure: 0, region_id: ids.region1!,
        n: 1, n_estimate: 0, total_micro: 5_000_000, nw: 0, wsum: 0, wtotal: 0,
      }).execute();
    });
    assert.deepEqual(codes, ['rollup_mismatch']);
  });

  test('a lost revision in the history is named', async () => {
    const codes = await codesAfter(async (db, ids) => {
      await db.k.deleteFrom('value_history').where('unit_id', '=', ids.a!).where('version', '=', 2).execute();
    });
    assert.ok(codes.includes('history_missing'), codes.join());
  });

  test('a half-applied import (a change set missing one of its rows) is named', async () => {
    const codes = await codesAfter(async (db, ids) => {
      // One value of the first change set gone, the rollups recomputed to match: only the count can tell.
      await db.k.deleteFrom('value').where('unit_id', '=', ids.b!).where('period', '=', 2023409).execute();
      await rebuildRollups(db);
    });
    assert.deepEqual(codes, ['change_set_partial']);
  });

  test('a current value older than its archived revision is named', async () => {
    const codes = await codesAfter(async (db, ids) => {
      await db.k.updateTable('value').set({ change_set_id: 1 }).where('unit_id', '=', ids.a!).where('period', '=', 2024409).execute();
    });
    assert.ok(codes.includes('history_newer_than_current'), codes.join());
  });

  test('values pointing at a unit, an indicator or a change set that is not there are named', async () => {
    const codes = await codesAfter(async (db, ids) => {
      await db.k.insertInto('value').values({
        period: 2024110, indicator_id: ids.exports!, breakdown_id: 0, unit_id: 9999, measure: 0, value: 1,
        status: 1, growth_pct: null, pct_of_plan: null, qualifier: null, note: null, version: 1, change_set_id: 9999,
      }).execute();
    });
    assert.ok(codes.includes('orphan_rows'), codes.join());
    assert.ok(codes.includes('change_set_missing'), codes.join());
  });

  test('a declared foreign key broken while enforcement was off is named', async () => {
    const codes = await codesAfter(async (db, ids) => {
      const conn = await rawConnection(db);
      try {
        // SQLite: rows written with foreign_keys off; PostgreSQL: a restore run with triggers disabled.
        await conn.run(db.kind === 'sqlite' ? 'PRAGMA foreign_keys = OFF' : "SET session_replication_role = 'replica'");
        await conn.run('INSERT INTO region_membership (region_id, unit_id, valid_from, valid_to) VALUES (?, ?, ?, ?)', [ids.region1, 4242, '2020-01-01', null]);
        await conn.run(db.kind === 'sqlite' ? 'PRAGMA foreign_keys = ON' : "SET session_replication_role = 'origin'");
      } finally {
        await conn.release();
      }
    });
    assert.ok(codes.includes('orphan_rows'), codes.join());
  });

  test('units and memberships whose dates disagree are named', async () => {
    const codes = await codesAfter(async (db, ids) => {
      await db.k.updateTable('unit').set({ valid_to: '1899-12-31' }).where('slug', '=', 'b').execute();
      await db.k.insertInto('region_membership').values({ region_id: ids.region1!, unit_id: ids.a!, valid_from: '2024-01-01', valid_to: null }).execute();
      await db.k.updateTable('unit').set({ code: '01' }).where('slug', '=', 'cd').execute();
      await db.k.updateTable('unit_succession').set({ effective_date: '2025-06-01' }).where('predecessor_id', '=', ids.c!).execute();
    });
    for (const c of ['unit_validity_inverted', 'membership_overlap', 'membership_invalid', 'unit_code_ambiguous', 'succession_dates', 'value_unit_not_in_force']) {
      assert.ok(codes.includes(c), `${c} in ${codes.join()}`);
    }
  });

  test('a store behind the program, or ahead of it, is named', async () => {
    const behind = await codesAfter(async (db) => {
      await sql`DELETE FROM kysely_migration WHERE name = (SELECT MAX(name) FROM kysely_migration)`.execute(db.k);
    });
    assert.deepEqual(behind, ['migrations_pending']);
    const ahead = await codesAfter(async (db) => {
      await sql`INSERT INTO kysely_migration (name, timestamp) VALUES ('2999-01-01T0000-from-the-future', '2999-01-01')`.execute(db.k);
    });
    assert.deepEqual(ahead, ['migrations_unknown']);
  });

  test('PostgreSQL: an id sequence behind its table is named', { skip: testStoreKind !== 'postgres' }, async () => {
    const codes = await codesAfter(async (db) => {
      await sql`SELECT setval(pg_get_serial_sequence('change_set', 'id'), 1)`.execute(db.k);
    });
    assert.deepEqual(codes, ['pg_sequence_behind']);
  });

  test('SQLite: a damaged page in the file is named by integrity_check', { skip: testStoreKind !== 'sqlite' }, async () => {
    const dir = mkdtempSync(join(tmpdir(), 'ct-doctor-'));
    const file = join(dir, 'damaged.db');
    try {
      const db = await openDb({ kind: 'sqlite', url: file });
      await storeWithHistory(db);
      const root = (db.raw as SqliteHandle).sqlite.prepare("SELECT rootpage FROM sqlite_master WHERE name = 'value_history_key'").pluck().get() as number;
      const pageSize = (db.raw as SqliteHandle).sqlite.pragma('page_size', { simple: true }) as number;
      (db.raw as SqliteHandle).sqlite.pragma('wal_checkpoint(TRUNCATE)');
      await db.close();
      // The second half of an index page overwritten, as a torn sector or a bad disk would.
      const fd = openSync(file, 'r+');
      writeSync(fd, Buffer.alloc(pageSize / 2, 0x41), 0, pageSize / 2, (root - 1) * pageSize + pageSize / 2);
      closeSync(fd);
      const damaged = await openDb({ kind: 'sqlite', url: file, migrate: false });
      opened.push(damaged);
      const report = await runDoctor(damaged, file);
      assert.ok(problemCodes(report).includes('sqlite_integrity'), formatReport(report));
      assert.match(formatReport(report), /Tệp cơ sở dữ liệu bị hỏng.*\n.*The database file is damaged/);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  test('the report says what is wrong in Vietnamese, then English, and what to do', async () => {
    const { db } = await fresh();
    await db.k.updateTable('rollup').set({ total_micro: 1 }).execute();
    const text = formatReport(await runDoctor(db, 'test'));
    assert.match(text, /✗ Số tổng hợp vùng \(rollup\) \/ Regional rollups/);
    assert.match(text, /dòng tổng hợp vùng khác với tính lại[^\n]*\n\s+\d+ rollup rows? differ/);
    assert.match(text, /congthuong rebuild-rollups/);
    assert.match(text, /9T\/2024 · retail_services · region1/);
  });
});
