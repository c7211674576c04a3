// Test stores: every test file gets its own empty, migrated store of the kind TEST_STORE names
// (sqlite by default, postgres in the second half of `npm test`). PostgreSQL isolates each in a schema.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDb, type Db } from './database.ts';

export const testStoreKind = (process.env.TEST_STORE ?? 'sqlite') as 'sqlite' | 'postgres';
export const testPostgresUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/congthuong_test';

export async function openTestDb(): Promise<Db> {
  if (testStoreKind === 'sqlite') return openDb({ kind: 'sqlite', url: ':memory:' });
  // t_<run>_<file>: the runner names its run (TEST_RUN_ID); a file run on its own gets the time.
  const run = process.env.TEST_RUN_ID ?? Date.now().toString(36);
  const schema = `t_${run}_${randomBytes(4).toString('hex')}`;
  // The schema is not dropped on close: Kysely's migrator introspects every schema of the database,
  // and a schema dropped by a parallel test file mid-introspection fails it ("schema … does not exist").
  // The test runner (scripts/test.mjs) drops its run's schemas when the run ends, and stale ones.
  return openDb({ kind: 'postgres', url: testPostgresUrl, schema, poolSize: 4 });
}

/**
 * Two handles on one test store, as two processes would hold them (a server and a CLI command, two
 * servers): the second opened without migrating. `close` closes both and removes the SQLite folder.
 */
export async function openTestDbPair(): Promise<{ db: Db; other: Db; close(): Promise<void> }> {
  if (testStoreKind === 'sqlite') {
    const dir = mkdtempSync(join(tmpdir(), 'ct-pair-'));
    const db = await openDb({ kind: 'sqlite', url: join(dir, 'store.db') });
    const other = await openDb({ kind: 'sqlite', url: join(dir, 'store.db'), migrate: false });
    return { db, other, async close() { await other.close(); await db.close(); rmSync(dir, { recursive: true, force: true }); } };
  }
  const db = await openTestDb();
  const { rows } = await sql<{ schema: string }>`SELECT current_schema() AS schema`.execute(db.k);
  const other = await openDb({ kind: 'postgres', url: testPostgresUrl, schema: rows[0]!.schema, migrate: false, poolSize: 2 });
  return { db, other, async close() { await other.close(); await db.close(); } };
}
