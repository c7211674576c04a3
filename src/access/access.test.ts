import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import type { Db } from '../db/database.ts';
import { openTestDb } from '../db/testing.ts';
import { buildApp } from '../server/app.ts';
import { createAccount } from './accounts.ts';
import { signInAs } from './testing.ts';
import { passwordProblem } from './passwords.ts';
import { canReview, canWriteProvince } from './policy.ts';
import type { Actor } from './roles.ts';

let db: Db;
let app: FastifyInstance;
const cli = { actor: null, label: 'cli:test' };

before(async () => {
  process.env.SIGN_IN_RATE_MAX = '5';
  db = await openTestDb();
  await loadFixtureCatalogue(db);
  app = await buildApp({ db });
  await createAccount(db, cli, { username: 'quantri', displayName: 'Quản trị', password: 'mot-mat-khau-dai', role: 'admin' });
  await createAccount(db, cli, { username: 'sct-a', displayName: 'Sở A', password: 'mat-khau-cua-so-a', role: 'province_officer', province: 'a' });
});
after(async () => {
  await app.close();
  await db.close();
});

const signIn = (username: string, password: string, cookie?: string) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, headers: cookie ? { cookie } : {} });
const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;

describe('signing in', () => {
  test('a right password gives an HttpOnly, SameSite=Strict session cookie and a CSRF token', async () => {
    const res = await signIn('sct-a', 'mat-khau-cua-so-a');
    assert.equal(res.statusCode, 200, res.body);
    const setCookie = String(res.headers['set-cookie']);
    assert.match(setCookie, /^ct_session=/);
    assert.match(setCookie, /HttpOnly/);
    assert.match(setCookie, /SameSite=Strict/);
    const body = res.json();
    assert.equal(body.actor.role, 'province_officer');
    assert.equal(body.actor.provinceSlug, 'a');
    const me = (await app.inject({ url: '/api/me', headers: { cookie: cookieOf(res) } })).json();
    assert.equal(me.actor.username, 'sct-a');
    assert.equal(me.csrf_token, body.csrf_token);
    const stored = await db.k.selectFrom('account').select('password_hash').where('username', '=', 'sct-a').executeTakeFirstOrThrow();
    assert.match(stored.password_hash, /^\$argon2id\$/);
  });

  test('a wrong password or unknown user gets the same answer, and is audited', async () => {
    const a = await signIn('sct-a', 'sai-mat-khau-roi');
    const b = await signIn('khong-co', 'sai-mat-khau-roi');
    assert.equal(a.statusCode, 401);
    assert.deepEqual(a.json(), b.json());
    assert.match(a.json().error.message, /không đúng/);
    const failed = await db.k.selectFrom('audit_log').select('actor').where('action', '=', 'auth.sign_in_failed').execute();
    assert.deepEqual(failed.map((x) => x.actor).sort(), ['khong-co', 'sct-a']);
  });

  test('signing in again rotates the session: the old cookie stops working', async () => {
    const first = await signIn('sct-a', 'mat-khau-cua-so-a');
    const second = await signIn('sct-a', 'mat-khau-cua-so-a', cookieOf(first));
    assert.notEqual(cookieOf(first), cookieOf(second));
    assert.equal((await app.inject({ url: '/api/me', headers: { cookie: cookieOf(first) } })).json().actor, null);
    assert.equal((await app.inject({ url: '/api/me', headers: { cookie: cookieOf(second) } })).json().actor.username, 'sct-a');
  });

  test('unsafe requests need the CSRF token; sign-out ends the session', async () => {
    const res = await signIn('quantri', 'mot-mat-khau-dai');
    const cookie = cookieOf(res);
    const noToken = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie } });
    assert.equal(noToken.statusCode, 403);
    assert.equal(noToken.json().error.code, 'csrf');
    const out = await app.inject({ method: 'POST', url: '/api/auth/sign-out', headers: { cookie, 'x-csrf-token': res.json().csrf_token } });
    assert.equal(out.statusCode, 200);
    assert.equal((await app.inject({ url: '/api/me', headers: { cookie } })).json().actor, null);
  });

  test('an expired session is no session', async () => {
    const s = await signInAs(app, db, 'viewer');
    await db.k.updateTable('session').set({ expires_at: '2000-01-01T00:00:00.000Z' }).execute();
    assert.equal((await app.inject({ url: '/api/me', headers: s })).json().actor, null);
  });

  test('repeated attempts are rate limited', async () => {
    let last = 0;
    for (let i = 0; i < 7; i++) last = (await signIn('quantri', `thu-lan-thu-${i}-sai`)).statusCode;
    assert.equal(last, 429);
  });
});

describe('accounts and roles', () => {
  test('an administrator creates accounts and changes roles; the change ends the sessions and is audited', async () => {
    const admin = await signInAs(app, db, 'admin');
    const created = await app.inject({ method: 'POST', url: '/api/accounts', headers: admin, payload: {
      username: 'phan-tich-1', display_name: 'Chuyên viên', password: 'mat-khau-phan-tich', role: 'analyst',
    } });
    assert.equal(created.statusCode, 201, created.body);
    assert.equal(created.json().account.password_hash, undefined);
    const noProvince = await app.inject({ method: 'POST', url: '/api/accounts', headers: admin, payload: {
      username: 'sct-x', display_name: 'Sở X', password: 'mat-khau-so-x-dai', role: 'province_officer',
    } });
    assert.equal(noProvince.statusCode, 422);
    assert.match(noProvince.json().error.message, /cần có tỉnh/);
    const weak = await app.inject({ method: 'POST', url: '/api/accounts', headers: admin, payload: {
      username: 'yeu', display_name: 'Yếu', password: 'ngan', role: 'viewer',
    } });
    assert.equal(weak.statusCode, 422);
    const signedIn = await signIn('phan-tich-1', 'mat-khau-phan-tich');
    const changed = await app.inject({ method: 'PATCH', url: '/api/accounts/phan-tich-1', headers: admin, payload: { role: 'province_officer', province: 'b', version: 1 } });
    assert.equal(changed.statusCode, 200, changed.body);
    assert.equal(changed.json().account.province, 'b');
    assert.equal((await app.inject({ url: '/api/me', headers: { cookie: cookieOf(signedIn) } })).json().actor, null);
    const stale = await app.inject({ method: 'PATCH', url: '/api/accounts/phan-tich-1', headers: admin, payload: { role: 'viewer', province: null, version: 1 } });
    assert.equal(stale.statusCode, 409);
    const log = await db.k.selectFrom('audit_log').selectAll().where('action', '=', 'account.update').where('entity_id', '=', String(changed.json().account.id)).executeTakeFirstOrThrow();
    assert.equal(JSON.parse(log.before!).role, 'analyst');
    assert.equal(JSON.parse(log.after!).role, 'province_officer');
  });

  test('the last administrator cannot be demoted', async () => {
    const admin = await signInAs(app, db, 'admin');
    await db.k.updateTable('account').set({ active: 0 }).where('role', '=', 'admin').where('username', '!=', 'quantri').execute();
    const res = await app.inject({ method: 'PATCH', url: '/api/accounts/quantri', headers: admin, payload: { role: 'viewer' } });
    assert.equal(res.statusCode, 401); // this admin's own account was just disabled: no session
    const other = await createAccount(db, cli, { username: 'quantri-2', displayName: 'QT2', password: 'mat-khau-quan-tri-2', role: 'admin' });
    assert.ok(other.id);
    await db.k.updateTable('account').set({ active: 0 }).where('username', '=', 'quantri-2').execute();
    const { changeAccount } = await import('./accounts.ts');
    await assert.rejects(changeAccount(db, cli, 'quantri', { role: 'viewer' }), /last administrator/);
  });

  test('policy: province scope and assigned reviewers', () => {
    const actor = (role: Actor['role'], provinceId: number | null = null, ministryUnitId: number | null = null): Actor =>
      ({ accountId: 1, username: 'x', displayName: 'x', role, provinceId, provinceSlug: null, ministryUnitId, ministryUnitSlug: null });
    assert.equal(canWriteProvince(actor('province_officer', 7), 7), true);
    assert.equal(canWriteProvince(actor('province_officer', 7), 8), false);
    assert.equal(canWriteProvince(actor('admin'), 7), false);
    assert.equal(canReview(actor('ministry_unit', null, 3), 3), true);
    assert.equal(canReview(actor('ministry_unit', null, 3), 4), false);
    assert.equal(canReview(actor('viewer'), null), false);
    assert.equal(passwordProblem('abcabcabcabc', 'u')?.en, 'The password is too simple.');
  });
});
