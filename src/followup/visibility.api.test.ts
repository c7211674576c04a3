// Who reads which recommendations and difficulties, item by item: a province its own and the
// published ones, a ministry unit what is assigned to it and the published ones, the coordinators,
// administrators and analysts everything, viewers and the public the published ones; the same in the
// list, the figures, the export, the reminders and the files.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { harness, multipart, type Harness } from '../conferences/testSupport.ts';
import { addDays, vietnamToday } from './dates.ts';

let h: Harness;
const who: Record<string, Record<string, string>> = {};
let a = 0; // Hậu Giang's, assigned to the Electricity Regulatory Authority
let b = 0; // Kiên Giang's, not assigned
let fileUrl = '';

before(async () => {
  h = await harness();
  who.public = {};
  who.viewer = await h.as('viewer');
  who.analyst = await h.as('analyst');
  who.admin = await h.as('admin');
  who.agency = await h.as('ministry_unit', { ministryUnit: 'cuc-cong-thuong-dia-phuong' });
  who.erav = await h.as('ministry_unit', { ministryUnit: 'cuc-dieu-tiet-dien-luc' });
  who.chem = await h.as('ministry_unit', { ministryUnit: 'cuc-hoa-chat' });
  who.hg = await h.as('province_officer', { province: 'hau-giang' });
  who.kg = await h.as('province_officer', { province: 'kien-giang' });
  const post = async (url: string, body: unknown, as: Record<string, string>) => {
    const r = await h.app.inject({ method: 'POST', url, payload: body as any, headers: as });
    assert.ok(r.statusCode < 300, r.body);
    return r.json();
  };
  a = (await post('/api/recommendations', { conference: 'south-x-2024', field: 'energy', title: 'Lưới điện cụm công nghiệp', body: 'Hậu Giang đề nghị' }, who.hg)).id;
  b = (await post('/api/recommendations', { conference: 'south-x-2024', field: 'trade', title: 'Chợ biên giới', body: 'Kiên Giang đề nghị' }, who.kg)).id;
  await post(`/api/recommendations/${a}/assignments`, { assignments: [{ unit: 'cuc-dieu-tiet-dien-luc', due_on: addDays(vietnamToday(), 2) }] }, who.agency);
  const m = multipart({ name: 'phu-luc.pdf', data: Buffer.from('%PDF-1.4\n%%EOF\n') });
  const f = await h.app.inject({ method: 'POST', url: `/api/recommendations/${b}/files`, payload: m.payload, headers: { ...who.kg, ...m.headers } });
  assert.equal(f.statusCode, 201, f.body);
  fileUrl = f.json().url;
});
after(async () => { await h.close(); });

const get = (url: string, as: string) => h.app.inject({ url, headers: who[as] });
const ids = async (as: string) => {
  const r = await get('/api/recommendations?conference=south-x-2024', as);
  assert.equal(r.statusCode, 200, r.body);
  return r.json().items.map((x: any) => x.id).sort((x: number, y: number) => x - y);
};

describe('reading recommendations within one\'s scope', () => {
  test('the list: each sees its own, its assignments, or everything', async () => {
    const both = [a, b].sort((x, y) => x - y);
    for (const w of ['admin', 'analyst', 'agency']) assert.deepEqual(await ids(w), both, w);
    assert.deepEqual(await ids('hg'), [a]);
    assert.deepEqual(await ids('kg'), [b]);
    assert.deepEqual(await ids('erav'), [a]);
    for (const w of ['chem', 'viewer', 'public']) assert.deepEqual(await ids(w), [], w);
  });

  test('one at a time, the same answer: 404 outside one\'s scope', async () => {
    assert.equal((await get(`/api/recommendations/${b}`, 'hg')).statusCode, 404);
    assert.equal((await get(`/api/recommendations/${b}`, 'erav')).statusCode, 404);
    assert.equal((await get(`/api/recommendations/${a}`, 'erav')).statusCode, 200);
    assert.equal((await get(`/api/recommendations/${b}`, 'kg')).statusCode, 200);
  });

  test('figures, the Excel export and reminders count only what one may read', async () => {
    assert.equal((await get('/api/recommendations/figures?conference=south-x-2024', 'erav')).json().total, 1);
    assert.equal((await get('/api/recommendations/figures?conference=south-x-2024', 'agency')).json().total, 2);
    assert.equal((await get('/api/recommendations/figures?conference=south-x-2024', 'viewer')).json().total, 0);
    const x = await get('/api/recommendations/export?conference=south-x-2024&format=xlsx', 'kg');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(x.rawPayload as any);
    const sheet = wb.getWorksheet('Kiến nghị')!;
    assert.equal(sheet.rowCount, 2);
    assert.equal(sheet.getRow(2).getCell(7).value, 'Chợ biên giới');
    const due = (await get('/api/recommendations/reminders?conference=south-x-2024', 'erav')).json().reminders;
    assert.deepEqual(due.map((r: any) => `${r.kind}:${r.recommendation.id}`), [`due_soon:${a}`]);
    assert.deepEqual((await get('/api/recommendations/reminders?conference=south-x-2024', 'viewer')).json().reminders, []);
  });

  test('files follow their recommendation', async () => {
    assert.equal((await get(fileUrl, 'kg')).statusCode, 200);
    assert.equal((await get(fileUrl, 'agency')).statusCode, 200);
    assert.equal((await get(fileUrl, 'hg')).statusCode, 404);
    assert.equal((await get(fileUrl, 'erav')).statusCode, 404);
    assert.equal((await get(fileUrl, 'public')).statusCode, 401);
  });

  test('once closed and published, everyone reads it', async () => {
    const r = await h.app.inject({ method: 'POST', url: `/api/recommendations/${b}/close`, payload: { reason: 'resolved_at_conference', publish: true }, headers: who.agency });
    assert.equal(r.statusCode, 200, r.body);
    assert.deepEqual(await ids('hg'), [a, b].sort((x, y) => x - y));
    assert.deepEqual(await ids('public'), [b]);
    assert.deepEqual(await ids('chem'), [b]);
    assert.equal((await get(fileUrl, 'public')).statusCode, 200);
  });
});

describe('paging', () => {
  test('recommendations page by page: every item once, a stable order, the total and the figures of all', async () => {
    const post = (title: string) => h.app.inject({ method: 'POST', url: '/api/recommendations', payload: { conference: 'south-x-2024', field: 'industry', title, body: 'x' }, headers: who.hg });
    for (const t of ['Kiến nghị một', 'Kiến nghị hai', 'Kiến nghị ba']) assert.equal((await post(t)).statusCode, 201);
    const all = (await get('/api/recommendations?conference=south-x-2024', 'agency')).json();
    assert.equal(all.total, 5);
    const seen: number[] = [];
    let cursor: string | null = null;
    let pages = 0;
    do {
      const res: any = (await get(`/api/recommendations?conference=south-x-2024&limit=2${cursor ? `&cursor=${cursor}` : ''}`, 'agency')).json();
      const expected = pages === 0 ? 5 : 6;
      assert.equal(res.total, expected);
      assert.equal(res.figures.total, expected, 'figures count every match, not the page');
      assert.ok(res.items.length <= 2);
      seen.push(...res.items.map((x: any) => x.id));
      cursor = res.next_cursor;
      // Something submitted meanwhile comes after what was already seen and does not shift the pages.
      if (++pages === 1) assert.equal((await post('Kiến nghị bốn')).statusCode, 201);
    } while (cursor);
    assert.equal(pages, 3);
    assert.deepEqual(seen, [...all.items.map((x: any) => x.id), Math.max(...seen)]);
    assert.equal(new Set(seen).size, 6);
    const bad = await get('/api/recommendations?cursor=bm90LWEta2V5', 'agency');
    assert.equal(bad.statusCode, 422);
    assert.match(bad.json().error.message, /Con trỏ trang không hợp lệ/);
    assert.equal((await get('/api/recommendations?limit=501', 'agency')).statusCode, 400);
  });

  test('conferences, tasks and difficulties page the same way', async () => {
    for (const [url, key] of [['/api/conferences', 'conferences'], ['/api/tasks', 'tasks'], ['/api/difficulties', 'difficulties']] as const) {
      const whole = (await get(url, 'analyst')).json();
      assert.ok(whole.total > 3, url);
      assert.equal(whole[key].length, whole.total);
      const got: number[] = [];
      let cursor: string | null = null;
      do {
        const p: any = (await get(`${url}?limit=3${cursor ? `&cursor=${cursor}` : ''}`, 'analyst')).json();
        assert.equal(p.total, whole.total);
        got.push(...p[key].map((x: any) => x.id));
        cursor = p.next_cursor;
      } while (cursor);
      assert.deepEqual(got, whole[key].map((x: any) => x.id), url);
    }
  });
});
