// Demo accounts: created by the demo start only, able to sign in with the published password, and the
// password shown (GET /api/demo) only while the store is served in demo mode.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { loadFixtureCatalogue } from '../../db/fixtures.ts';
import { openTestDb } from '../../db/testing.ts';
import type { Db } from '../../db/database.ts';
import { buildApp } from '../../server/app.ts';
import { DEMO_ACCOUNTS, DEMO_PASSWORD, ensureDemoAccounts, retireDemoAccounts } from './demoAccounts.ts';

let db: Db;
let app: FastifyInstance;
before(async () => {
  db = await openTestDb();
  await loadFixtureCatalogue(db);
  await db.k.insertInto('ministry_unit').values({ slug: 'cuc-cong-thuong-dia-phuong', kind: 'cuc', name_vi: 'Cục CTĐP', name_en: 'ARIT', short_vi: 'Cục CTĐP', short_en: 'ARIT', valid_from: null, valid_to: null }).execute();
  await db.k.insertInto('unit').values({
    slug: 'ha-noi', code: '01x', level: 'province', name_vi: 'Thành phố Hà Nội', name_en: 'Ha Noi', short_vi: 'Hà Nội', short_en: 'Ha Noi',
    parent_id: null, valid_from: '1900-01-01', valid_to: null, unidentified: 0, aliases: '[]', note: null,
  }).execute();
  app = await buildApp({ db });
});
after(async () => {
  await app.close();
  await db.close();
});

const signIn = (username: string, password = DEMO_PASSWORD) => app.inject({ method: 'POST', url: '/api/auth/sign-in', payload: { username, password } });

describe('demo accounts', () => {
  test('outside demo mode: no accounts, and the endpoint says only demo: false', async () => {
    const res = await app.inject('/api/demo');
    assert.deepEqual(res.json(), { demo: false });
    assert.equal((await signIn('admin')).statusCode, 401);
  });

  test('the demo start creates one account per role; each signs in with the published password', async () => {
    const names = await ensureDemoAccounts(db);
    assert.deepEqual(names, DEMO_ACCOUNTS.map((a) => a.username));
    const info = (await app.inject('/api/demo')).json();
    assert.equal(info.demo, true);
    assert.equal(info.password, DEMO_PASSWORD);
    assert.deepEqual(info.accounts.map((a: any) => a.role).sort(), ['admin', 'analyst', 'ministry_unit', 'province_officer', 'viewer']);
    const officer = await signIn('sct-hanoi');
    assert.equal(officer.statusCode, 200, officer.body);
    assert.equal(officer.json().actor.provinceSlug, 'ha-noi');
    assert.equal((await signIn('cuc-ctdp')).json().actor.ministryUnitSlug, 'cuc-cong-thuong-dia-phuong');
  });

  test('starting again adds nothing; an account whose password was changed is no longer offered', async () => {
    const cookie = `ct_session=${/ct_session=([^;]+)/.exec(String((await signIn('admin')).headers['set-cookie']))![1]}`;
    const me = (await app.inject({ url: '/api/me', headers: { cookie } })).json();
    const changed = await app.inject({ method: 'PATCH', url: '/api/accounts/chuyenvien', headers: { cookie, 'x-csrf-token': me.csrf_token }, payload: { password: 'mot-mat-khau-rieng-2026' } });
    assert.equal(changed.statusCode, 200, changed.body);
    const names = await ensureDemoAccounts(db);
    assert.ok(!names.includes('chuyenvien'));
    assert.equal((await db.k.selectFrom('account').select('id').where('username', '=', 'chuyenvien').execute()).length, 1);
    assert.ok(!(await app.inject('/api/demo')).json().accounts.some((a: any) => a.username === 'chuyenvien'));
  });

  test('served later without --demo: accounts still on the published password are deactivated', async () => {
    const warnings: string[] = [];
    const retired = await retireDemoAccounts(db, (m) => warnings.push(m));
    // chuyenvien changed its password above and keeps working; admin is the last administrator, so it
    // stays, with a warning to change its password; the others can no longer sign in
    assert.deepEqual(retired, ['sct-hanoi', 'cuc-ctdp', 'xem']);
    assert.equal((await signIn('sct-hanoi')).statusCode, 401);
    assert.equal((await signIn('chuyenvien', 'mot-mat-khau-rieng-2026')).statusCode, 200);
    assert.match(warnings.join('\n'), /"admin" still has the published demo password/);
    assert.match(warnings.join('\n'), /sct-hanoi, cuc-ctdp, xem/);
  });
});
