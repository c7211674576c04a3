// Sign-in defences (OWASP ASVS V2.1, V2.2, V3): password rules with the common/breached list, account
// lockout after repeated failures (per username, existing or not, across addresses) with unlock by
// time and by an administrator, and sessions rotated on sign-in and ended by expiry and idleness.
// On SQLite and PostgreSQL (TEST_STORE).
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { createAccount } from '../access/accounts.ts';
import { isCommonPassword } from '../access/commonPasswords.ts';
import { afterFailure, lockedUntil, recordFailure } from '../access/lockout.ts';
import { passwordProblem } from '../access/passwords.ts';
import { SESSION_IDLE_MS } from '../access/sessions.ts';
import { signInAs } from '../access/testing.ts';
import type { Db } from '../db/database.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import { openTestDb } from '../db/testing.ts';
import { buildApp } from '../server/app.ts';

let db: Db;
let app: FastifyInstance;
const cli = { actor: null, label: 'cli:test' };

before(async () => {
  process.env.SIGN_IN_RATE_MAX = '1000'; // the per-address limit is access.test's; lockout is tested here
  process.env.SIGN_IN_LOCK_AFTER = '5';
  db = await openTestDb();
  await loadFixtureCatalogue(db);
  app = await buildApp({ db });
  await createAccount(db, cli, { username: 'sct-khoa', displayName: 'Sở khóa', password: 'mat-khau-rat-rieng-tu', role: 'province_officer', province: 'a' });
  await createAccount(db, cli, { username: 'quantri-khoa', displayName: 'QT', password: 'mat-khau-quan-tri-rieng', role: 'admin' });
});
after(async () => {
  await app.close();
  await db.close();
});

const signIn = (username: string, password: string, ip = '10.0.0.1', cookie?: string) =>
  app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password }, remoteAddress: ip, headers: cookie ? { cookie } : {} });
const cookieOf = (res: { headers: Record<string, unknown> }) => String(res.headers['set-cookie']).split(';')[0]!;

describe('password rules', () => {
  test('at least 12 characters, not the username, not too simple', () => {
    assert.match(passwordProblem('ngan-qua-11', 'zz')!.en, /12 characters/);
    assert.equal(passwordProblem('một mật khẩu', 'zz'), null); // 12 code points with Vietnamese letters
    assert.match(passwordProblem('abc  def   gh', 'zz')!.en, /12 characters/); // runs of spaces count once
    assert.match(passwordProblem('toi-la-sct-hanoi-day', 'sct-hanoi')!.en, /username/);
  });

  test('common and breached passwords are refused, with their usual decorations', () => {
    for (const p of ['password1234', 'Password2024!', 'qwertyuiop12', '123456789012', 'matkhau123456', 'Mật khẩu 2025!!', 'iloveyou2024', 'abcdefghijklm', 'congthuong123', 'admin-admin-admin', 'qazwsxedcrfvtgb', 'Bộ Công Thương 2025']) {
      assert.ok(isCommonPassword(p), p);
      assert.match(passwordProblem(p, 'khong-lien-quan')!.en, /common or breached|too simple/, p);
    }
    for (const p of ['mat-khau-rat-rieng-tu', 'demo-CongThuong-2025', 'ngựa vằn ăn cỏ lúc 5 giờ', 'Tr0ng-dong-Ngoc-Lu']) {
      assert.equal(isCommonPassword(p), false, p);
      assert.equal(passwordProblem(p, 'sct-hanoi'), null, p);
    }
  });

  test('the API refuses a common password with the reason, Vietnamese first', async () => {
    const admin = await signInAs(app, db, 'admin');
    const res = await app.inject({ method: 'POST', url: '/api/accounts', headers: admin, payload: { username: 'yeu-2', display_name: 'Yếu', password: 'Password2024!', role: 'viewer' } });
    assert.equal(res.statusCode, 422);
    assert.match(res.json().error.message, /mật khẩu phổ biến/);
    assert.match(res.json().error.messageEn, /common or breached/);
  });
});

describe('lockout', () => {
  test('the rule: N failures within the window lock; an expired lock or an old first failure starts again', () => {
    let s = null;
    for (let i = 0; i < 4; i++) s = afterFailure(s, 1000 + i, 5, 60_000);
    assert.equal(s!.failures, 4);
    assert.equal(s!.lockedUntil, null);
    s = afterFailure(s, 2000, 5, 60_000);
    assert.equal(s.lockedUntil, 62_000);
    assert.equal(afterFailure(s, 3000, 5, 60_000).lockedUntil, 62_000); // failures while locked do not extend it
    assert.deepEqual(afterFailure(s, 70_000, 5, 60_000), { failures: 1, firstFailureAt: 70_000, lockedUntil: null });
    assert.equal(afterFailure({ failures: 4, firstFailureAt: 0, lockedUntil: null }, 60_001, 5, 60_000).failures, 1);
  });

  test('after 5 failures from several addresses the right password is refused too; an administrator unlocks it', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await signIn('sct-khoa', `sai-mat-khau-${i}`, `10.0.1.${i}`)).statusCode, 401);
    const locked = await signIn('sct-khoa', 'mat-khau-rat-rieng-tu', '10.0.2.1');
    assert.equal(locked.statusCode, 429);
    assert.equal(locked.json().error.code, 'account_locked');
    assert.match(locked.json().error.message, /tạm bị khóa/);
    assert.ok(Number(locked.headers['retry-after']) > 0);
    const log = await db.k.selectFrom('audit_log').select('action').where('actor', '=', 'sct-khoa').execute();
    assert.ok(log.some((l) => l.action === 'auth.sign_in_locked'));

    const admin = await signInAs(app, db, 'admin');
    const list = await app.inject({ url: '/api/accounts/locks', headers: admin });
    assert.deepEqual(list.json().locks.map((l: { username: string }) => l.username), ['sct-khoa']);
    const viewer = await signInAs(app, db, 'viewer');
    assert.equal((await app.inject({ method: 'POST', url: '/api/accounts/sct-khoa/unlock', headers: viewer })).statusCode, 403);
    const unlock = await app.inject({ method: 'POST', url: '/api/accounts/sct-khoa/unlock', headers: admin });
    assert.equal(unlock.statusCode, 200, unlock.body);
    assert.equal((await app.inject({ method: 'POST', url: '/api/accounts/sct-khoa/unlock', headers: admin })).statusCode, 404);
    assert.equal((await signIn('sct-khoa', 'mat-khau-rat-rieng-tu')).statusCode, 200);
    assert.ok(await db.k.selectFrom('audit_log').select('id').where('action', '=', 'account.unlock').executeTakeFirst());
  });

  test('a lock ends by itself; a successful sign-in clears the count', async () => {
    for (let i = 0; i < 4; i++) await signIn('quantri-khoa', `sai-${i}-mat-khau`);
    assert.equal((await signIn('quantri-khoa', 'mat-khau-quan-tri-rieng')).statusCode, 200);
    assert.equal(await db.k.selectFrom('sign_in_lockout').select('failures').where('username', '=', 'quantri-khoa').executeTakeFirst(), undefined);
    for (let i = 0; i < 5; i++) await signIn('quantri-khoa', `sai-${i}-mat-khau`);
    assert.equal((await signIn('quantri-khoa', 'mat-khau-quan-tri-rieng')).statusCode, 429);
    await db.k.updateTable('sign_in_lockout').set({ locked_until: new Date(Date.now() - 1000).toISOString() }).where('username', '=', 'quantri-khoa').execute();
    assert.equal(await lockedUntil(db.k, 'quantri-khoa'), null);
    assert.equal((await signIn('quantri-khoa', 'mat-khau-quan-tri-rieng')).statusCode, 200);
  });

  test('an unknown username locks the same way (a lock says nothing about whether an account exists)', async () => {
    const answers = [];
    for (let i = 0; i < 6; i++) answers.push((await signIn('khong-ton-tai', `sai-${i}-mat-khau`)).json().error.code);
    assert.deepEqual(answers, ['invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'invalid_credentials', 'account_locked']);
  });

  test('concurrent failures are all counted (sent at once, they do not evade the lock)', async () => {
    await Promise.all(Array.from({ length: 8 }, () => recordFailure(db.k, 'song-song')));
    assert.ok(await lockedUntil(db.k, 'song-song'));
    const row = await db.k.selectFrom('sign_in_lockout').select('failures').where('username', '=', 'song-song').executeTakeFirstOrThrow();
    assert.equal(row.failures, 8);
  });
});

describe('sessions', () => {
  test('sign-in rotates the session and sets a strict cookie; sign-out and idleness end it', async () => {
    const first = await signIn('sct-khoa', 'mat-khau-rat-rieng-tu', '10.0.3.1');
    assert.equal(first.statusCode, 200, first.body);
    assert.match(String(first.headers['set-cookie']), /HttpOnly; SameSite=Strict/);
    const second = await signIn('sct-khoa', 'mat-khau-rat-rieng-tu', '10.0.3.1', cookieOf(first));
    assert.equal((await app.inject({ url: '/api/me', headers: { cookie: cookieOf(first) } })).json().actor, null);
    const me = await app.inject({ url: '/api/me', headers: { cookie: cookieOf(second) } });
    assert.equal(me.json().actor.username, 'sct-khoa');
    await db.k.updateTable('session').set({ last_seen_at: new Date(Date.now() - SESSION_IDLE_MS - 1000).toISOString() }).execute();
    assert.equal((await app.inject({ url: '/api/me', headers: { cookie: cookieOf(second) } })).json().actor, null);
  });

  test('every unsafe method needs the CSRF token of the session', async () => {
    const s = await signInAs(app, db, 'admin');
    for (const [method, url] of [['POST', '/api/auth/sign-out'], ['PATCH', '/api/accounts/sct-khoa'], ['DELETE', '/api/geo/63/boundaries'], ['PUT', '/api/collection/datasets/x']] as const) {
      const res = await app.inject({ method, url, headers: { cookie: s.cookie }, payload: {} });
      assert.equal(res.statusCode, 403, `${method} ${url}`);
      assert.equal(res.json().error.code, 'csrf');
      const wrong = await app.inject({ method, url, headers: { cookie: s.cookie, 'x-csrf-token': 'x'.repeat(32) }, payload: {} });
      assert.equal(wrong.json().error?.code, 'csrf');
    }
  });
});
