import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import type { FastifyInstance } from 'fastify';
import { openTestDb } from '../db/testing.ts';
import { loadFixtureCatalogue } from '../db/fixtures.ts';
import type { Db } from '../db/database.ts';
import { buildApp } from '../server/app.ts';
import { importValues } from '../collection/importValues.ts';
import { parseCode } from '../periods/period.ts';
import { explore } from './explore.ts';
import { buildTable, tableMatrix } from './exploreTable.ts';
import { latestFigure, periodKeysOf } from './latest.ts';

let db: Db;
let app: FastifyInstance;
before(async () => {
  db = await openTestDb();
  await loadFixtureCatalogue(db);
  const dim = await db.k.insertInto('dimension').values({ code: 'commodity_group', name_vi: 'Nhóm hàng', name_en: 'Commodity group' }).returning('id').executeTakeFirstOrThrow();
  await db.k.insertInto('dimension_option').values([
    { dimension_id: dim.id, code: 'rice', name_vi: 'Gạo', name_en: 'Rice' },
    { dimension_id: dim.id, code: 'coffee', name_vi: 'Cà phê', name_en: 'Coffee' },
  ]).execute();
  const v = (place: string, indicator: string, period: string, value: number, extra: Record<string, unknown> = {}) => ({ place, indicator, period, value, ...extra });
  await importValues(db, [
    v('a', 'retail_services', '9T/2024', 100), v('b', 'retail_services', '9T/2024', 300), v('c', 'retail_services', '9T/2024', 50), v('d', 'retail_services', '9T/2024', 50, { status: 'estimate' }),
    v('a', 'retail_services', '9T/2023', 80), v('b', 'retail_services', '9T/2023', 250), v('c', 'retail_services', '9T/2023', 40), v('d', 'retail_services', '9T/2023', 30),
    v('cd', 'retail_services', '9T/2025', 120),
    v('a', 'retail_services', '2024', 200, { status: 'plan' }),
    v('a', 'exports', '9T/2024', 10), v('a', 'imports', '9T/2024', 4),
    v('a', 'exports', '9T/2024', 3, { breakdown: { commodity_group: 'rice' } }),
    v('a', 'iip', '9T/2024', 108.5),
  ], { actor: 'test', kind: 'import' });
  app = await buildApp({ db });
});
after(async () => {
  await app.close();
  await db.close();
});

const find = (res: Awaited<ReturnType<typeof explore>>, place: string, indicator: string, period: string, breakdown = '') =>
  res.records.find((r) => r.place === place && r.indicator === indicator && r.period === period && r.breakdown === breakdown)!;

describe('pivot explorer', () => {
  test('regions and provinces: value, growth over the same units, share among the same level, % of plan', async () => {
    const res = await explore(db, { places: ['region1', 'a', 'b'], indicators: ['retail_services'], periods: [parseCode('9T/2024')], breakdowns: [] });
    const r = find(res, 'region1', 'retail_services', '9T/2024');
    assert.equal(r.value, 500);
    assert.equal(r.growthPct, 25);
    assert.equal(r.source, 'computed');
    assert.equal(r.status, 'estimate');
    assert.deepEqual(r.coverage, { reported: 4, of: 4 });
    const a = find(res, 'a', 'retail_services', '9T/2024');
    assert.equal(a.value, 100);
    assert.equal(a.growthPct, 25);
    assert.equal(a.sharePct, 25); // 100 of the 400 of a and b
    assert.equal(a.pctOfPlan, 50);
    assert.equal(find(res, 'b', 'retail_services', '9T/2024').sharePct, 75);
    assert.equal(r.sharePct, 100);
  });

  test('a province created in July 2025 is compared with the sum of its predecessors', async () => {
    const res = await explore(db, { places: ['cd'], indicators: ['retail_services'], periods: [parseCode('9T/2025')], breakdowns: [] });
    assert.equal(find(res, 'cd', 'retail_services', '9T/2025').growthPct, 20);
  });

  test('derived indicators, indices, disaggregations and missing figures', async () => {
    const res = await explore(db, {
      places: ['a'], indicators: ['trade_balance', 'iip', 'exports'], periods: [parseCode('9T/2024')],
      breakdowns: ['', 'commodity_group=rice', 'commodity_group=coffee'],
    });
    assert.equal(find(res, 'a', 'trade_balance', '9T/2024').value, 6);
    const iip = find(res, 'a', 'iip', '9T/2024');
    assert.equal(iip.value, 108.5);
    assert.equal(iip.growthPct!.toFixed(2), '8.50');
    assert.equal(iip.sharePct, null);
    assert.equal(find(res, 'a', 'exports', '9T/2024', 'commodity_group=rice').value, 3);
    assert.equal(find(res, 'a', 'exports', '9T/2024', 'commodity_group=coffee').value, null, 'never recorded: missing, not zero');
    assert.deepEqual(res.breakdowns.map((b) => [b.label_vi, b.id === null]), [['Tổng số', false], ['Gạo', false], ['Cà phê', true]]);
  });

  test('the table lays out rows by place and columns by indicator × period × measure, in either language', async () => {
    const res = await explore(db, { places: ['region1', 'a'], indicators: ['retail_services', 'iip'], periods: [parseCode('9T/2024'), parseCode('9T/2023')], breakdowns: [] });
    const vi = buildTable(res, ['growth', 'share', 'plan'], 'vi');
    // retail: value, growth, share, plan per period; iip: value, growth (no share, no plan of an index)
    assert.equal(vi.columns.length, 2 * 4 + 2 * 2);
    assert.equal(vi.columns[0]!.header, 'retail_services (tỷ đồng) — 9 tháng đầu năm 2024');
    assert.equal(vi.columns[1]!.header, 'retail_services (tỷ đồng) — 9 tháng đầu năm 2024 — Tăng/giảm so với cùng kỳ (%)');
    const en = tableMatrix(buildTable(res, [], 'en'));
    assert.deepEqual(en.header.slice(0, 3), ['Id', 'Place', 'retail_services (tỷ đồng) — first 9 months of 2024']);
    assert.deepEqual(en.body[1]!.slice(0, 4), ['a', 'A', 100, 80]);
  });

  test('refuses unknown places and tables too large to read', async () => {
    const unknown = await app.inject('/api/analytics/explore?places=zz&indicators=retail_services&periods=9T/2024');
    assert.equal(unknown.statusCode, 404);
    assert.match(unknown.json().error.message, /zz/);
    const periods = Array.from({ length: 30 }, (_, i) => `${2000 + i}`).join(',');
    const places = Array.from({ length: 30 }, () => 'a').map((x, i) => (i % 2 ? x : 'b'));
    const big = await explore(db, { places: [...new Set(places)], indicators: ['retail_services'], periods: periods.split(',').map(parseCode), breakdowns: [] });
    assert.equal(big.records.length, 60);
    const tooBig = await app.inject(`/api/analytics/explore?places=a,b,c,d,cd,region1&indicators=retail_services,exports,imports,iip,trade_balance&periods=${Array.from({ length: 700 }, (_, i) => `T${(i % 12) + 1}/${1950 + Math.floor(i / 12)}`).join(',')}`);
    assert.equal(tooBig.statusCode, 400);
    assert.match(tooBig.json().error.message, /quá lớn/);
  });

  test('exports CSV and Excel with the same table: numbers as numbers, Vietnamese or English headers', async () => {
    const q = 'places=region1,a,b&indicators=retail_services&periods=9T/2024&measures=value,growth';
    const csv = await app.inject(`/api/analytics/explore/export?${q}&format=csv`);
    assert.equal(csv.statusCode, 200);
    assert.match(String(csv.headers['content-disposition']), /bang-tong-hop-9T-2024\.csv/);
    const lines = csv.body.replace(/^\ufeff/, '').trim().split('\r\n');
    assert.equal(lines[0], 'Mã,Đơn vị,retail_services (tỷ đồng) — 9 tháng đầu năm 2024,retail_services (tỷ đồng) — 9 tháng đầu năm 2024 — Tăng/giảm so với cùng kỳ (%)');
    assert.equal(lines[1], 'region1,REGION1,500,25');
    assert.equal(lines[2], 'a,A,100,25');

    const xlsx = await app.inject(`/api/analytics/explore/export?${q}&format=xlsx&lang=en`);
    assert.equal(xlsx.statusCode, 200);
    assert.match(String(xlsx.headers['content-type']), /spreadsheetml/);
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx.rawPayload as any);
    const ws = wb.getWorksheet('Pivot table')!;
    assert.equal(ws.getCell('A1').value, 'Id');
    assert.equal(ws.getCell('C1').value, 'retail_services (tỷ đồng) — first 9 months of 2024');
    assert.equal(ws.getCell('C2').value, 500);
    assert.equal(typeof ws.getCell('D3').value, 'number');
    assert.ok(wb.getWorksheet('Notes'));
  });

  test('the dashboard opens on the latest period with figures', async () => {
    assert.ok(periodKeysOf(2024, 2024).includes(2024409));
    const l = await latestFigure(db, { indicator: 'retail_services', today: '2026-01-15' });
    assert.deepEqual(l, { region: 'region1', indicator: 'retail_services', period: '9T/2025' });
    const res = (await app.inject('/api/analytics/latest?region=region1&indicator=exports')).json();
    assert.equal(res.period, '9T/2024');
  });
});
