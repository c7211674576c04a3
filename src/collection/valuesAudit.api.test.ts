// A write and its audit entry land together or not at all: values written through the API carry their
// audit entry in the same transaction, so a failing audit leaves no unaudited value behind.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openTestDb } from '../db/testing.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import type { Db } from '../db/database.ts';
import { buildApp } from '../server/app.ts';
import { signInAs, type TestSession } from '../access/testing.ts';

let db: Db;
let app: FastifyInstance;
let analyst: TestSession;
before(async () => {
  db = await openTestDb();
  await loadFixtureCatalogue(db);
  app = await buildApp({ db });
  analyst = await signInAs(app, db, 'analyst');
});
after(async () => {
  await app.close();
  await db.close();
});

const write = (value: number, period = 'T3/2024') => app.inject({ method: 'POST', url: '/api/values', headers: { ...analyst },
  payload: { values: [{ place: 'a', indicator: 'exports', period, value }] } });
const stored = async () => (await db.k.selectFrom('value').select('value').execute()).map((r) => r.value);

describe('values and their audit entry', () => {
  test('a write is audited with its change set', async () => {
    const res = await write(10);
    assert.equal(res.statusCode, 201, res.body);
    const entry = await db.k.selectFrom('audit_log').selectAll().where('action', '=', 'values.write').executeTakeFirst();
    assert.equal(Number(entry?.entity_id), res.json().changeSetId);
  });

  test('when the audit cannot be written, the values are not either', async () => {
    await sql`ALTER TABLE audit_log RENAME TO audit_log_away`.execute(db.k);
    try {
      const res = await write(11, 'T4/2024'); // a new value: nothing else could refuse it
      assert.equal(res.statusCode, 500);
    } finally {
      await sql`ALTER TABLE audit_log_away RENAME TO audit_log`.execute(db.k);
    }
    assert.deepEqual(await stored(), [10]);
  });
});
