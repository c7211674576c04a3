// Every write route × every role × own versus another province (or assigned versus another ministry
// unit): who may, who gets 401 or 403, and that a refused request changes nothing. Then every read
// route: unpublished figures never reach anyone who may not see them, the public included.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { Db } from '../db/database.ts';
import type { TestSession } from '../access/testing.ts';
import { call, workflowFixture, type Fixture } from './testSupport.ts';

let f: Fixture;
type Who = 'public' | 'admin' | 'analyst' | 'unit_assigned' | 'unit_other' | 'province_own' | 'province_other' | 'viewer';
const WHO: Who[] = ['public', 'admin', 'analyst', 'unit_assigned', 'unit_other', 'province_own', 'province_other', 'viewer'];
const s: Partial<Record<Who, TestSession>> = {};
const h = (w: Who) => (w === 'public' ? null : s[w]!);
const SENTINEL = 4242.42;
const ids: Record<string, number> = {};

async function snapshot(db: Db): Promise<string> {
  const count = async (t: any) => Number((await db.k.selectFrom(t).select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow() as any).n);
  const subs = await db.k.selectFrom('submission').select(['id', 'status', 'version']).orderBy('id').execute();
  const entries = await db.k.selectFrom('submission_entry').select(['submission_id', 'indicator_id', 'period', 'measure', 'value', 'version']).orderBy('submission_id').orderBy('indicator_id').orderBy('period').orderBy('measure').execute();
  const ds = await db.k.selectFrom('dataset').select(['code', 'version']).orderBy('code').execute();
  const accounts = await db.k.selectFrom('account').select(['username', 'role', 'province_id', 'version', 'password_hash']).orderBy('username').execute();
  return JSON.stringify({
    values: await count('value'), history: await count('value_history'), changeSets: await count('change_set'), holidays: await db.k.selectFrom('holiday').selectAll().execute(),
    calendar: await db.k.selectFrom('reporting_period').selectAll().execute(), subs, entries, ds, accounts,
  });
}

const report = (period: string) => ({ dataset: 'thang', province: 'a', period });
const fill = (month: number) => [
  { item: 0, value: 100 + month, version: 0 }, { item: 1, value: 1000 + month, version: 0 }, { item: 3, value: 105, version: 0 },
];

async function reportIn(period: string, month: number, stage: 'draft' | 'submitted' | 'approved'): Promise<number> {
  const saved = await call(f.app, 'PUT', '/api/collection/entries', h('province_own'), { ...report(period), entries: fill(month) });
  assert.equal(saved.statusCode, 200, saved.body);
  const id = saved.json().submission_id;
  if (stage === 'draft') return id;
  const sub = await call(f.app, 'POST', `/api/collection/submissions/${id}/submit`, h('province_own'), { version: 1 });
  assert.equal(sub.statusCode, 200, sub.body);
  if (stage === 'approved') assert.equal((await call(f.app, 'POST', `/api/collection/submissions/${id}/approve`, h('analyst'), { version: 2 })).statusCode, 200);
  return id;
}

const version = async (id: number) => (await f.db.k.selectFrom('submission').select('version').where('id', '=', id).executeTakeFirstOrThrow()).version;

interface Route {
  name: string;
  allowed: Who[];
  request(w: Who): Promise<{ method: string; url: string; payload?: unknown; headers?: Record<string, string> }>;
}

const routes: Route[] = [
  { name: 'POST /api/values', allowed: ['admin', 'analyst'], request: async () => ({ method: 'POST', url: '/api/values', payload: { values: [{ place: 'a', indicator: 'exports', period: 'T1/2024', value: 7 }] } }) },
  { name: 'POST /api/values/import', allowed: ['admin', 'analyst'], request: async () => ({
    method: 'POST', url: '/api/values/import?format=csv', payload: 'place,indicator,period,value\nb,exports,T2/2024,8\n', headers: { 'content-type': 'text/csv' },
  }) },
  { name: 'PUT /api/collection/entries', allowed: ['province_own'], request: async () => ({
    method: 'PUT', url: '/api/collection/entries', payload: { ...report('T12/2024'), entries: [{ item: 2, value: 9, version: 0 }] },
  }) },
  { name: 'POST /api/collection/upload', allowed: ['province_own'], request: async () => ({
    method: 'POST', url: '/api/collection/upload?dataset=thang&province=a&period=T5/2024&format=json', payload: { entries: [{ indicator: 'exports', breakdown: '', period: 'T5/2024', value: 3, version: 0 }] },
  }) },
  { name: 'POST submit', allowed: ['province_own'], request: async () => ({ method: 'POST', url: `/api/collection/submissions/${ids.draft}/submit`, payload: { version: await version(ids.draft!) } }) },
  { name: 'POST return', allowed: ['admin', 'analyst', 'unit_assigned'], request: async () => ({ method: 'POST', url: `/api/collection/submissions/${ids.toReturn}/return`, payload: { version: await version(ids.toReturn!), comment: 'Xem lại' } }) },
  { name: 'POST approve', allowed: ['admin', 'analyst', 'unit_assigned'], request: async () => ({ method: 'POST', url: `/api/collection/submissions/${ids.toApprove}/approve`, payload: { version: await version(ids.toApprove!) } }) },
  { name: 'POST reopen', allowed: ['admin', 'analyst', 'unit_assigned', 'province_own'], request: async () => ({ method: 'POST', url: `/api/collection/submissions/${ids.approved}/reopen`, payload: { version: await version(ids.approved!), comment: 'Đính chính' } }) },
  { name: 'POST /api/collection/datasets', allowed: ['admin', 'analyst'], request: async (w) => ({
    method: 'POST', url: '/api/collection/datasets', payload: { code: `quy-${w.replace('_', '-')}`, name_vi: 'Quý', name_en: 'Quarterly', periodicity: 'quarter', items: [{ indicator: 'exports' }] },
  }) },
  { name: 'PUT /api/collection/datasets/:code', allowed: ['admin', 'analyst'], request: async () => {
    const v = (await f.db.k.selectFrom('dataset').select('version').where('code', '=', 'thang').executeTakeFirstOrThrow()).version;
    return { method: 'PUT', url: '/api/collection/datasets/thang', payload: { ...(await import('./testSupport.ts')).DATASET, name_vi: `Báo cáo tháng v${v}`, version: v } };
  } },
  { name: 'PUT /api/collection/calendar', allowed: ['admin', 'analyst'], request: async () => ({ method: 'PUT', url: '/api/collection/calendar', payload: { dataset: 'thang', period: 'T3/2025', deadline: '2025-03-20' } }) },
  { name: 'PUT /api/collection/holidays/:day', allowed: ['admin', 'analyst'], request: async () => ({ method: 'PUT', url: '/api/collection/holidays/2025-09-02', payload: { name_vi: 'Quốc khánh', name_en: 'National Day' } }) },
  { name: 'DELETE /api/collection/holidays/:day', allowed: ['admin', 'analyst'], request: async () => ({ method: 'DELETE', url: '/api/collection/holidays/2025-09-02' }) },
  { name: 'POST /api/accounts', allowed: ['admin'], request: async (w) => ({
    method: 'POST', url: '/api/accounts', payload: { username: `moi-${w.replace('_', '-')}`, display_name: 'Mới', password: 'mat-khau-moi-dai-du', role: 'viewer' },
  }) },
  { name: 'PATCH /api/accounts/:username', allowed: ['admin'], request: async () => ({ method: 'PATCH', url: `/api/accounts/${s.viewer!.username}`, payload: { display_name: 'Người xem đổi tên' } }) },
  // Last: a new password ends the sessions of whoever changes theirs.
  { name: 'POST /api/me/password', allowed: ['admin', 'analyst', 'unit_assigned', 'unit_other', 'province_own', 'province_other', 'viewer'], request: async () => ({
    method: 'POST', url: '/api/me/password', payload: { current_password: 'mat-khau-thu-nghiem', new_password: 'mat-khau-moi-rat-dai' },
  }) },
];

before(async () => {
  f = await workflowFixture();
  s.admin = await f.as('admin');
  s.analyst = await f.as('analyst');
  s.unit_assigned = await f.as('ministry_unit', { ministryUnit: 'vu-ke-hoach' });
  s.unit_other = await f.as('ministry_unit', { ministryUnit: 'cuc-khac' });
  s.province_own = await f.as('province_officer', { province: 'a' });
  s.province_other = await f.as('province_officer', { province: 'b' });
  s.viewer = await f.as('viewer');
  ids.draft = await reportIn('T7/2024', 7, 'draft');
  ids.toReturn = await reportIn('T8/2024', 8, 'submitted');
  ids.toApprove = await reportIn('T9/2024', 9, 'submitted');
  ids.approved = await reportIn('T6/2024', 6, 'approved');
  const sentinel = await call(f.app, 'PUT', '/api/collection/entries', h('province_own'), { ...report('T11/2024'), entries: [{ item: 0, value: SENTINEL, version: 0 }] });
  assert.equal(sentinel.statusCode, 200, sentinel.body);
  ids.sentinel = sentinel.json().submission_id;
});
after(() => f.close());

describe('write routes × roles × own / other province', () => {
  for (const route of routes) {
    test(route.name, async () => {
      // Refused first (they must change nothing), then the allowed ones.
      const order = [...WHO.filter((w) => !route.allowed.includes(w)), ...route.allowed];
      for (const w of order) {
        const r = await route.request(w);
        const before = await snapshot(f.db);
        const res = await f.app.inject({ method: r.method as any, url: r.url, payload: r.payload as any, headers: { ...(h(w) ?? {}), ...(r.headers ?? {}) } });
        if (route.allowed.includes(w)) {
          assert.ok(res.statusCode < 400 || res.statusCode === 409, `${route.name} as ${w}: ${res.statusCode} ${res.body}`);
        } else {
          assert.equal(res.statusCode, w === 'public' ? 401 : 403, `${route.name} as ${w}: ${res.statusCode} ${res.body}`);
          assert.ok(res.json().error.message, 'a message in Vietnamese');
          assert.equal(await snapshot(f.db), before, `${route.name} as ${w} changed the store`);
        }
      }
    });
  }
});

describe('nothing unpublished leaks', () => {
  const readers: Who[] = ['admin', 'analyst', 'unit_assigned', 'province_own'];
  before(async () => {
    // New sessions: the password change above ended the earlier ones.
    s.admin = await f.as('admin');
    s.analyst = await f.as('analyst');
    s.unit_assigned = await f.as('ministry_unit', { ministryUnit: 'vu-ke-hoach' });
    s.unit_other = await f.as('ministry_unit', { ministryUnit: 'cuc-khac' });
    s.province_own = await f.as('province_officer', { province: 'a' });
    s.province_other = await f.as('province_officer', { province: 'b' });
    s.viewer = await f.as('viewer');
  });
  test('the draft report is visible to its province and its reviewers only', async () => {
    for (const w of WHO) {
      for (const url of [
        '/api/collection/grid?dataset=thang&province=a&period=T11/2024',
        '/api/collection/template?dataset=thang&province=a&period=T11/2024&format=csv',
        `/api/collection/submissions/${ids.sentinel}`,
      ]) {
        const res = await call(f.app, 'GET', url, h(w));
        if (readers.includes(w)) {
          assert.equal(res.statusCode, 200, `${url} as ${w}`);
          assert.ok(res.body.includes(String(SENTINEL)), `${url} as ${w} shows the draft`);
        } else {
          assert.ok([401, 403, 404].includes(res.statusCode), `${url} as ${w}: ${res.statusCode}`);
          assert.ok(!res.body.includes(String(SENTINEL)), `${url} leaks to ${w}`);
        }
      }
    }
  });

  test('published-figure and analytics routes never show a draft or submitted figure, to anyone', async () => {
    for (const w of WHO) {
      for (const url of [
        '/api/values?place=a', '/api/values?period=T11/2024', '/api/values/export?format=json&place=a',
        '/api/values/history?place=a&indicator=retail_services&period=T11/2024',
        '/api/analytics/pivot?period=T11/2024&regions=region1', '/api/analytics/regions/region1/indicators/retail_services?period=T11/2024',
        '/api/analytics/regions/region1/indicators/retail_services?period=T8/2024', '/api/collection/submissions', '/api/collection/status?dataset=thang&period=T11/2024',
      ]) {
        const res = await call(f.app, 'GET', url, h(w));
        assert.ok(!res.body.includes(String(SENTINEL)), `${url} leaks to ${w}`);
        // T8 retail 108, submitted not approved: looked for as a number (the text "108" can be part of a timestamp).
        assert.ok(!numbersIn(res.json()).includes(108), `${url} shows a submitted figure to ${w}`);
      }
    }
  });

  test('the review queue lists only what each one may see', async () => {
    const fresh = await f.as('province_officer', { province: 'b' });
    const b = (await call(f.app, 'GET', '/api/collection/submissions', fresh)).json().submissions;
    assert.deepEqual(b, []);
    const other = await f.as('ministry_unit', { ministryUnit: 'cuc-khac' });
    assert.deepEqual((await call(f.app, 'GET', '/api/collection/submissions', other)).json().submissions, []);
    const analyst = await f.as('analyst');
    assert.ok((await call(f.app, 'GET', '/api/collection/submissions', analyst)).json().submissions.length >= 5);
    assert.equal((await call(f.app, 'GET', '/api/collection/submissions', null)).statusCode, 401);
  });
});

/** Every number anywhere in a JSON answer. */
function numbersIn(x: unknown): number[] {
  if (typeof x === 'number') return [x];
  if (Array.isArray(x)) return x.flatMap(numbersIn);
  if (x && typeof x === 'object') return Object.values(x).flatMap(numbersIn);
  return [];
}
