// With the default settings, someone who keeps failing to sign in from one machine is told that the
// username is locked (after 5 failures) before the per-address rate limit (10 in 5 minutes) answers
// "too many attempts": the message says what happened and what to do; a session ends after 30 idle
// minutes. Its own process: no setting set.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createAccount } from '../access/accounts.ts';
import { SESSION_IDLE_MS, SESSION_TTL_MS } from '../access/sessions.ts';
import type { Db } from '../db/database.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import { openTestDb } from '../db/testing.ts';
import { buildApp } from '../server/app.ts';

let db: Db;
let app: FastifyInstance;

before(async () => {
  delete process.env.SIGN_IN_RATE_MAX;
  delete process.env.SIGN_IN_LOCK_AFTER;
  delete process.env.SIGN_IN_LOCK_MINUTES;
  db = await openTestDb();
  await loadFixtureCatalogue(db);
  app = await buildApp({ db });
  await createAccount(db, { actor: null, label: 'cli:test' }, { username: 'sct-mac-dinh', displayName: 'Sở', password: 'mat-khau-rat-rieng-tu', role: 'province_officer', province: 'a' });
});
after(async () => {
  await app.close();
  await db.close();
});

test('by default the lock message comes before the rate limit', async () => {
  const codes: string[] = [];
  for (let i = 0; i < 10; i++) {
    const r = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'sct-mac-dinh', password: `sai-mat-khau-${i}` }, remoteAddress: '10.9.9.9' });
    codes.push(r.statusCode === 401 ? 'wrong' : r.json().error.code);
  }
  assert.deepEqual(codes, ['wrong', 'wrong', 'wrong', 'wrong', 'wrong', 'account_locked', 'account_locked', 'account_locked', 'account_locked', 'account_locked']);
  const right = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'sct-mac-dinh', password: 'mat-khau-rat-rieng-tu' }, remoteAddress: '10.9.9.10' });
  assert.equal(right.json().error.code, 'account_locked', 'the right password is refused while locked');
  assert.match(right.json().error.message, /tạm bị khóa/);
});

test('by default a session ends after 30 idle minutes and 12 hours at most (ASVS 3.3.2)', { skip: process.env.SESSION_IDLE_HOURS || process.env.SESSION_TTL_HOURS ? 'set in the environment' : false }, () => {
  assert.equal(SESSION_IDLE_MS, 30 * 60_000);
  assert.equal(SESSION_TTL_MS, 12 * 3600_000);
});
