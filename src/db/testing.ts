// Test stores: every test file gets its own empty, migrated store of the kind TEST_STORE names
// (sqlite by default, postgres in the second half of `npm test`). PostgreSQL isolates each in a schema.
import { randomBytes } from 'node:crypto';
import { openDb, type Db } from './database.ts';

export const testStoreKind = (process.env.TEST_STORE ?? 'sqlite') as 'sqlite' | 'postgres';
export const testPostgresUrl =
  process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/congthuong_test';

export async function openTestDb(): Promise<Db> {
  if (testStoreKind === 'sqlite') return openDb({ kind: 'sqlite', url: ':memory:' });
  const schema = `t_${Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
  // The schema is not dropped on close: Kysely's migrator introspects every schema of the database,
  // and a schema dropped by a parallel test file mid-introspection fails it ("schema … does not exist").
  // The test runner (scripts/test.mjs) drops all test schemas before and after the PostgreSQL run.
  return openDb({ kind: 'postgres', url: testPostgresUrl, schema, poolSize: 4 });
}
