// Test stores: every test file gets its own empty, migrated store of the kind TEST_STORE names
// (sqlite by default, postgres in the second half of `npm test`). PostgreSQL isolates each in a schema.
import { randomBytes } from 'node:crypto';
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
