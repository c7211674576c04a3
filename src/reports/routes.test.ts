// The reports API: the HTML preview (a complete page in which every figure links to its inputs), the
// files with their content types and names, and the errors.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { FastifyInstance } from 'fastify';
import { openTestDb } from '../db/testing.ts';
import type { Db } from '../db/database.ts';
import { ensureDemoData } from '../collection/demo/loadDemo.ts';
import { buildApp } from '../server/app.ts';
import { loadSouth2024 } from './testing.ts';

let db: Db;
let app: FastifyInstance;
before(async () => {
  db = await openTestDb();
  await ensureDemoData(db);
  await loadSouth2024(db, { missing: ['ca-mau'] });
  app = await buildApp({ db });
});
after(async () => {
  await app.close();
  await db.close();
});

const get = (url: string) => app.inject({ method: 'GET', url });

describe('GET /api/reports/:type', () => {
  test('lists the report types with an example each', async () => {
    const r = await get('/api/reports');
    assert.equal(r.statusCode, 200);
    assert.deepEqual(r.json().types.map((t: { type: string }) => t.type), ['conference', 'provincial', 'monthly']);
  });

  test('the HTML preview is a complete page; every figure links to its inputs', async () => {
    const r = await get('/api/reports/conference?region=south&period=9T/2024&date=2026-01-05');
    assert.equal(r.statusCode, 200);
    assert.match(r.headers['content-type'] as string, /^text\/html; charset=utf-8/);
    const html = r.body;
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<html lang="vi">/);
    assert.match(html, /CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM/);
    assert.match(html, /<svg[^>]*>/, 'charts rendered on the server');
    const figures = [...html.matchAll(/<a class="val" href="([^"]+)"[^>]*>([^<]+)<\/a>/g)];
    assert.ok(figures.length > 10);
    for (const [, href] of figures) assert.match(href!, /^\/api\/(analytics\/regions|values|documents)\//);
    // A computed figure links to the regional aggregate and to the provinces' values.
    assert.ok(html.includes('href="/api/analytics/regions/south/indicators/iip?period=9T%2F2024&amp;lang=vi"'));
    assert.match(html, /href="\/api\/values\?place=[^"]*&amp;indicator=iip&amp;period=9T%2F2024"/);
    // Cà Mau has not reported its retail sales: the published regional figure is used, and the page says why.
    assert.match(html, /Số liệu trên là số liệu khu vực đã công bố: số liệu các tỉnh, thành phố mới có 19\/20 \(chưa có Cà Mau\) nên chưa tổng hợp\./);
    // Links to the other formats and the English version.
    assert.ok(html.includes('href="/api/reports/conference?region=south&amp;period=9T%2F2024&amp;lang=vi&amp;format=docx"'));
    assert.ok(html.includes('lang=en&amp;format=html'));
    // Every inline link that the page points at answers.
    const first = figures.find(([, h]) => h!.startsWith('/api/analytics'))![1]!.replaceAll('&amp;', '&');
    assert.equal((await get(first)).statusCode, 200);
  });

  test('the preview loads Tinos from the API', async () => {
    const html = (await get('/api/reports/conference?region=south&period=9T/2024')).body;
    const font = /url\((\/api\/reports\/assets\/tinos-vietnamese-400-normal\.woff2)\)/.exec(html);
    assert.ok(font);
    const r = await get(font[1]!);
    assert.equal(r.statusCode, 200);
    assert.equal(r.headers['content-type'], 'font/woff2');
    assert.equal((await get('/api/reports/assets/..%2F..%2Fpackage.json')).statusCode, 404);
    assert.equal((await get('/api/reports/assets/tinos-greek-400-normal.woff2')).statusCode, 404);
  });

  test('Word, PDF and Excel with their content types and file names', async () => {
    const cases: Array<[string, string, string, string]> = [
      ['docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'bao-cao-hoi-nghi_south_9T-2024_vi.docx', 'PK'],
      ['pdf', 'application/pdf', 'bao-cao-hoi-nghi_south_9T-2024_vi.pdf', '%PDF'],
      ['xlsx', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet', 'bao-cao-hoi-nghi_south_9T-2024_vi.xlsx', 'PK'],
    ];
    for (const [format, type, name, magic] of cases) {
      const r = await get(`/api/reports/conference?region=south&period=9T/2024&format=${format}`);
      assert.equal(r.statusCode, 200, format);
      assert.equal(r.headers['content-type'], type);
      assert.equal(r.headers['content-disposition'], `attachment; filename="${name}"`);
      assert.equal(r.rawPayload.subarray(0, magic.length).toString('latin1'), magic);
    }
    const en = await get('/api/reports/provincial?province=unnamed-province-003&period=9%20th%C3%A1ng%20%C4%91%E1%BA%A7u%20n%C4%83m%202019&lang=en&format=docx');
    assert.equal(en.headers['content-disposition'], 'attachment; filename="period-review_unnamed-province-003_9T-2019_en.docx"');
  });

  test('the report model as JSON, for the web app', async () => {
    const r = await get('/api/reports/monthly?region=south&period=T9/2024&format=json');
    assert.equal(r.statusCode, 200);
    const body = r.json();
    assert.equal(body.type, 'monthly');
    assert.equal(body.sections.length, 1);
  });

  test('errors: unknown place, wrong kind of place, unreadable period, a month needed', async () => {
    const nowhere = await get('/api/reports/conference?region=nowhere&period=9T/2024');
    assert.equal(nowhere.statusCode, 404);
    assert.match(nowhere.json().error.message, /Không tìm thấy vùng "nowhere"/);
    assert.equal((await get('/api/reports/conference?region=kien-giang&period=9T/2024')).statusCode, 404);
    assert.equal((await get('/api/reports/provincial?province=south&period=9T/2024')).statusCode, 404);
    assert.equal((await get('/api/reports/conference?period=9T/2024')).statusCode, 400);
    assert.equal((await get('/api/reports/conference?region=south&period=soon')).statusCode, 400);
    assert.equal((await get('/api/reports/monthly?region=south&period=9T/2024')).statusCode, 400);
    assert.equal((await get('/api/reports/annual?region=south&period=2024')).statusCode, 400);
    assert.equal((await get('/api/reports/conference?region=south&period=9T/2024&format=odt')).statusCode, 400);
  });

  test('each error names the field it is about, so a form can show it there', async () => {
    const field = async (url: string) => {
      const e = (await get(url)).json().error;
      return e.details?.field ?? (Array.isArray(e.details) ? e.details[0]?.instancePath?.slice(1) : undefined);
    };
    assert.equal(await field('/api/reports/conference?region=nowhere&period=9T/2024'), 'region');
    assert.equal(await field('/api/reports/provincial?province=nowhere&period=9T/2024'), 'province');
    assert.equal(await field('/api/reports/conference?period=9T/2024'), 'region');
    assert.equal(await field('/api/reports/provincial?period=9T/2024'), 'province');
    assert.equal(await field('/api/reports/monthly?region=south&period=9T/2024'), 'period');
    assert.equal(await field('/api/reports/conference?region=south&period=soon'), 'period');
    // A place of the wrong kind is named as what it is.
    const wrong = (await get('/api/reports/conference?region=kien-giang&period=9T/2024')).json().error;
    assert.equal(wrong.message, 'Kiên Giang là một tỉnh, thành phố, không phải một vùng.');
    assert.equal(wrong.messageEn, 'Kien Giang is a province, not a region.');
    assert.equal(wrong.details.field, 'region');
    const region = (await get('/api/reports/provincial?province=south&period=9T/2024')).json().error;
    assert.equal(region.message, 'Phía Nam là một vùng, không phải một tỉnh, thành phố.');
  });

  test('names from the data are escaped in the page', async () => {
    await db.k.updateTable('unit').set({ short_vi: 'Cà Mau <b>"x"</b>' }).where('slug', '=', 'ca-mau').execute();
    const { invalidateReference } = await import('../catalogue/reference.ts');
    invalidateReference(db);
    try {
      const html = (await get('/api/reports/conference?region=south&period=9T/2024')).body;
      assert.ok(html.includes('Cà Mau &lt;b&gt;&quot;x&quot;&lt;/b&gt;'));
      assert.ok(!html.includes('<b>"x"</b>'));
    } finally {
      await db.k.updateTable('unit').set({ short_vi: 'Cà Mau' }).where('slug', '=', 'ca-mau').execute();
      invalidateReference(db);
    }
  });
});
