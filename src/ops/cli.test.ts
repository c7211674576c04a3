// The operator's commands as an operator runs them: `doctor` exits 1 and says what is wrong, `backup`
// then `restore` into an empty store gives the same data. SQLite files (the CLI is store-agnostic: the
// PostgreSQL paths are the same functions, tested in archive/ and doctor/ on both stores).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, test } from 'node:test';
import { openDb } from '../db/database.ts';
import { testStoreKind } from '../db/testing.ts';
import { storeWithHistory } from './testSupport.ts';
import { digestStore } from './store/tableRows.ts';
import { spawnCli } from './crash/server.ts';

const dir = mkdtempSync(join(tmpdir(), 'ct-ops-cli-'));
after(() => rmSync(dir, { recursive: true, force: true }));

test('doctor, backup and restore from the command line', { skip: testStoreKind !== 'sqlite' && 'SQLite files only', timeout: 300_000 }, async () => {
  const source = join(dir, 'source');
  const db = await openDb({ kind: 'sqlite', url: join(source, 'congthuong.db') });
  await storeWithHistory(db);
  await db.k.updateTable('rollup').set({ n: 99 }).where('period', '=', 2024409).execute();
  const before = await digestStore(db);
  await db.close();

  const doctor = spawnCli(['doctor'], { DATA_DIR: source, DATABASE_URL: '' });
  assert.equal(await doctor.exited, 1, doctor.output());
  assert.match(doctor.output(), /✗ Số tổng hợp vùng \(rollup\) \/ Regional rollups/);
  assert.match(doctor.output(), /Có 1 vấn đề\. \/ 1 problem found\./);

  const file = join(dir, 'backup.db');
  const backup = spawnCli(['backup', file], { DATA_DIR: source, DATABASE_URL: '' });
  assert.equal(await backup.exited, 0, backup.output());
  assert.match(backup.output(), /Đã sao lưu \/ backed up → .*backup\.db: bản sao SQLite/);

  const target = join(dir, 'target');
  const restore = spawnCli(['restore', file], { DATA_DIR: target, DATABASE_URL: '' });
  assert.equal(await restore.exited, 0, restore.output());
  assert.match(restore.output(), /every table checked by row count and hash/);
  const restored = await openDb({ kind: 'sqlite', url: join(target, 'congthuong.db'), migrate: false });
  try {
    assert.deepEqual(await digestStore(restored), before);
  } finally {
    await restored.close();
  }
});

test('migrate says what it applied, then that the schema is up to date', { skip: testStoreKind !== 'sqlite' && 'SQLite files only', timeout: 120_000 }, async () => {
  const store = join(dir, 'migrate');
  const first = spawnCli(['migrate'], { DATA_DIR: store, DATABASE_URL: '' });
  assert.equal(await first.exited, 0, first.output());
  assert.match(first.output(), /Đã áp dụng \d+ migration \/ applied \d+: 2026-11-23T1900-reporting-core, /);
  const second = spawnCli(['migrate'], { DATA_DIR: store, DATABASE_URL: '' });
  assert.equal(await second.exited, 0, second.output());
  assert.match(second.output(), /Lược đồ đã mới nhất \/ schema is up to date/);
});
