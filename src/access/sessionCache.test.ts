// Sessions kept in memory (sessionCache.ts) are never trusted past a change: sign-out, rotation, an
// account disabled or given another role, expiry and idleness are seen on the very next request,
// whoever made the change — this server, SQL by hand on the same connection, or another process (a
// second connection to the store, like the CLI).
import assert from 'node:assert/strict';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { sql } from 'kysely';
import { openDb, type Db } from '../db/database.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import { testPostgresUrl, testStoreKind } from '../db/testing.ts';
import { randomBytes } from 'node:crypto';
import { buildApp } from '../server/app.ts';
import { changeAccount, createAccount } from './accounts.ts';
import { signInAs } from './testing.ts';

let db: Db;
let other: Db; // a second connection to the same store: another process (the CLI, a second server)
let app: FastifyInstance;
let dir: string | null = null;
const cli = { actor: null, label: 'cli:test' };

before(async () => {
  if (testStoreKind === 'sqlite') {
    dir = mkdtempSync(join(tmpdir(), 'ct-session-cache-'));
    db = await openDb({ kind: 'sqlite', url: join(dir, 'store.db') });
    other = await openDb({ kind: 'sqlite', url: join(dir, 'store.db') });
  } else {
    const schema = `t_${process.env.TEST_RUN_ID ?? Date.now().toString(36)}_${randomBytes(4).toString('hex')}`;
    db = await openDb({ kind: 'postgres', url: testPostgresUrl, schema, poolSize: 4 });
    other = await openDb({ kind: 'postgres', url: testPostgresUrl, schema, poolSize: 2, migrate: false });
  }
  await loadFixtureCatalogue(db);
  app = await buildApp({ db });
});
after(async () => {
  await app.close();
  await db.close();
  await other.close();
  if (dir) rmSync(dir, { recursive: true, force: true });
});

const me = async (headers: Record<string, string>) => (await app.inject({ url: '/api/me', headers })).json().actor;
const epoch = async (d: Db) => Number((await sql<{ n: number }>`SELECT coalesce(max(n), 0) AS n FROM access_epoch`.execute(d.k)).rows[0]!.n);

describe('sessions kept in memory', () => {
  test('a signed-out session is refused on the very next request', async () => {
    const s = await signInAs(app, db, 'viewer');
    assert.equal((await me(s)).role, 'viewer'); // now kept
    assert.equal((await me(s)).role, 'viewer');
    const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: s });
    assert.equal(out.statusCode, 200);
    assert.equal(await me(s), null);
    assert.equal((await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: s })).statusCode, 200); // no session: no CSRF check
  });

  test('a deactivated account and a changed role end the kept session at once', async () => {
    const admin = await signInAs(app, db, 'admin');
    const officer = await signInAs(app, db, 'province_officer', { province: 'a' });
    assert.equal((await me(officer)).role, 'province_officer');
    const off = await app.inject({ method: 'PATCH', url: `/api/accounts/${officer.username}`, headers: admin, payload: { active: false } });
    assert.equal(off.statusCode, 200, off.body);
    assert.equal(await me(officer), null);
    const viewer = await signInAs(app, db, 'viewer');
    assert.equal((await me(viewer)).role, 'viewer');
    await changeAccount(db, cli, viewer.username, { role: 'analyst' });
    assert.equal(await me(viewer), null); // a new role ends the sessions opened under the old one
  });

  test('changes written by hand or by another process are seen on the next request', async () => {
    const a = await signInAs(app, db, 'province_officer', { province: 'a' });
    assert.equal((await me(a)).provinceSlug, 'a');
    // SQL on the same connection: the province of the account changes under a kept session.
    const b = await db.k.selectFrom('unit').select('id').where('slug', '=', 'b').executeTakeFirstOrThrow();
    await db.k.updateTable('account').set({ province_id: b.id }).where('username', '=', a.username).execute();
    assert.equal((await me(a)).provinceSlug, 'b');
    // Another connection (the CLI, a second server) disables the account.
    await other.k.updateTable('account').set({ active: 0 }).where('username', '=', a.username).execute();
    assert.equal(await me(a), null);
    // … or deletes a session.
    const v = await signInAs(app, db, 'viewer');
    assert.equal((await me(v)).role, 'viewer');
    await other.k.deleteFrom('session').where('account_id', '=', (await me(v)).accountId).execute();
    assert.equal(await me(v), null);
  });

  test('expiry and idleness are checked on every request, and touches do not empty the cache', async () => {
    const s = await signInAs(app, db, 'viewer');
    assert.equal((await me(s)).role, 'viewer');
    const e0 = await epoch(db);
    // The idle-timeout touch moves last_seen_at forward: no change for the kept sessions.
    await db.k.updateTable('session').set({ last_seen_at: new Date(Date.now() + 1000).toISOString() }).execute();
    assert.equal(await epoch(db), e0);
    assert.equal((await me(s)).role, 'viewer');
    await other.k.updateTable('session').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    assert.ok((await epoch(db)) > e0);
    assert.equal(await me(s), null);
    const t = await signInAs(app, db, 'viewer');
    assert.equal((await me(t)).role, 'viewer');
    await db.k.updateTable('session').set({ last_seen_at: '2000-01-01T00:00:00.000Z' }).execute();
    assert.equal(await me(t), null);
  });

  test('the CSRF token of a kept session is still required', async () => {
    const s = await signInAs(app, db, 'admin');
    assert.equal((await me(s)).role, 'admin');
    const res = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) } });
    assert.equal(res.statusCode, 403);
    assert.equal((await me(s)).role, 'admin');
  });
});

test('accounts created by the CLI sign in as usual', async () => {
  await createAccount(db, cli, { username: 'ct-cache', displayName: 'Cache', password: 'mat-khau-bo-nho-dem', role: 'viewer' });
  const res = await app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username: 'ct-cache', password: 'mat-khau-bo-nho-dem' } });
  assert.equal(res.statusCode, 200, res.body);
  const cookie = String(res.headers['set-cookie']).split(';')[0]!;
  assert.equal((await me({ cookie })).username, 'ct-cache');
});
