import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openTestDb } from '../db/testing.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import type { Db } from '../db/database.ts';
import { buildApp } from './app.ts';
import { signInAs, type TestSession } from '../access/testing.ts';

let db: Db;
let app: FastifyInstance;
let analyst: TestSession; // the ministry writes published figures; reads need no sign-in
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

const post = (url: string, payload: unknown, headers: Record<string, string> = {}) =>
  app.inject({ method: 'POST', url, payload: payload as any, headers: { ...analyst, ...headers } });

describe('API', () => {
  test('serves its OpenAPI document and the browsable docs', async () => {
    const doc = (await app.inject('/openapi.json')).json();
    assert.equal(doc.openapi.startsWith('3'), true);
    for (const p of ['/api/values', '/api/values/import', '/api/analytics/pivot', '/api/units', '/api/regions/{id}', '/api/indicators']) {
      assert.ok(doc.paths[p], `missing ${p}`);
    }
    const docs = await app.inject('/docs/');
    assert.equal(docs.statusCode, 200);
    const home = await app.inject('/');
    assert.match(home.body, /Công Thương Vùng/);
  });

  test('a batch of values is written and read back with its unit converted', async () => {
    const res = await post('/api/values', {
      source_document: 'bao-cao-9-thang.docx',
      values: [
        { place: 'a', indicator: 'retail_services', period: '9 tháng đầu năm 2024', value: 1.5, unit: 'nghìn tỷ đồng' },
        { place: 'b', indicator: 'retail_services', period: '9T/2024', value: '2500', status: 'chính thức' },
        { place: 'a', indicator: 'retail_services', period: '9T/2023', value: 1000 },
        { place: 'b', indicator: 'retail_services', period: '9T/2023', value: 2000 },
      ],
    });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().inserted, 4);
    const list = (await app.inject('/api/values?place=a&period=9T/2024')).json();
    assert.equal(list.values[0].value, 1500);
    assert.equal(list.values[0].unit, 'tỷ đồng');
    assert.equal(list.values[0].source, 'bao-cao-9-thang.docx');
  });

  test('bad rows are refused one error per field, in Vietnamese, and nothing is written', async () => {
    const res = await post('/api/values', {
      values: [
        { place: 'a', indicator: 'exports', period: 'T1/2024', value: 5 },
        { place: 'zz', indicator: 'exports', period: 'tháng 13/2024', value: '1.234,5' },
        { place: 'a', indicator: 'nope', period: 'T1/2024', value: 1, unit: 'ha' },
      ],
    });
    assert.equal(res.statusCode, 422);
    const errs = res.json().error.details as { row: number; field: string; messageVi: string }[];
    assert.deepEqual(errs.map((e) => `${e.row}:${e.field}`).sort(), ['2:period', '2:value', '3:indicator']);
    assert.match(errs.find((e) => e.field === 'period')!.messageVi, /không đọc được/);
    const list = (await app.inject('/api/values?indicator=exports')).json();
    assert.equal(list.values.length, 0);
  });

  test('concurrent edits: the second save with a stale version gets 409 and the current value', async () => {
    const v = { place: 'a', indicator: 'retail_services', period: '9T/2024', value: 1600, expected_version: 1 };
    assert.equal((await post('/api/values', { values: [v] })).statusCode, 201);
    const second = await post('/api/values', { values: [{ ...v, value: 1700 }] });
    assert.equal(second.statusCode, 409);
    assert.match(second.json().error.details[0].messageVi, /người khác/);
    const hist = (await app.inject('/api/values/history?place=a&indicator=retail_services&period=9T/2024')).json();
    assert.deepEqual(hist.revisions.map((r: any) => r.value), [1500, 1600]);
  });

  test('a CSV import with one bad row writes nothing and names the row', async () => {
    const csv = 'place,indicator,period,value,unit\na,exports,T2/2024,10,triệu USD\nb,exports,T2/2024,abc,\n';
    const res = await app.inject({ method: 'POST', url: '/api/values/import?format=csv', payload: csv, headers: { ...analyst, 'content-type': 'text/csv' } });
    assert.equal(res.statusCode, 422);
    assert.deepEqual(res.json().error.details.map((e: any) => [e.row, e.field]), [[2, 'value']]);
    const ok = await app.inject({ method: 'POST', url: '/api/values/import?format=csv', payload: csv.replace('abc', '20'), headers: { ...analyst, 'content-type': 'text/csv' } });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal(ok.json().inserted, 2);
  });

  test('exported CSV comes back in unchanged', async () => {
    const csv = (await app.inject('/api/values/export?format=csv&indicator=exports')).body;
    const res = await app.inject({ method: 'POST', url: '/api/values/import?format=csv', payload: csv, headers: { ...analyst, 'content-type': 'text/csv' } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal(res.json().unchanged, 2);
  });

  test('the regional figure comes with its sentence, in Vietnamese and English', async () => {
    const vi = (await app.inject('/api/analytics/regions/region1/indicators/retail_services?period=9T/2024')).json();
    assert.equal(vi.value, 4100);
    assert.ok(Math.abs(vi.growthPct - (4100 / 3000 - 1) * 100) < 1e-9);
    assert.match(vi.text.headline, /đạt 4\.100 tỷ đồng, tăng 36,67% so với cùng kỳ năm trước/);
    assert.equal(vi.text.coverage, '2/4 tỉnh, thành phố báo cáo');
    const en = (await app.inject('/api/analytics/regions/region1/indicators/retail_services?period=9T/2024&lang=en')).json();
    assert.match(en.text.headline, /up 36\.67%/);
    const bad = await app.inject('/api/analytics/regions/region1/indicators/retail_services?period=sometime');
    assert.equal(bad.statusCode, 400);
    assert.match(bad.json().error.message, /Kỳ không đọc được/);
  });

  test('the pivot lists every indicator of the region for the period', async () => {
    const res = (await app.inject('/api/analytics/pivot?period=9T/2024&regions=region1')).json();
    const retail = res.cells.find((c: any) => c.indicator === 'retail_services');
    assert.equal(retail.value, 4100);
    assert.deepEqual(retail.coverage, { reported: 2, of: 4 });
  });
});
