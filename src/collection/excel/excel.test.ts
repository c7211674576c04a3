import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { call, workflowFixture, type Fixture } from '../testSupport.ts';
import type { TestSession } from '../../access/testing.ts';
import { COL, DATA_SHEET, FIRST_ROW } from './layout.ts';

let f: Fixture;
let officer: TestSession;
const q = 'dataset=thang&province=a&period=T10/2024';

before(async () => {
  f = await workflowFixture();
  officer = await f.as('province_officer', { province: 'a' });
});
after(() => f.close());

async function download(format = 'xlsx', who: Record<string, string> = officer) {
  const res = await f.app.inject({ method: 'GET', url: `/api/collection/template?${q}&format=${format}`, headers: who });
  assert.equal(res.statusCode, 200, res.body);
  return res;
}
async function workbook(): Promise<ExcelJS.Workbook> {
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load((await download()).rawPayload as any);
  return wb;
}
const bytes = async (wb: ExcelJS.Workbook) => Buffer.from(await wb.xlsx.writeBuffer());

function multipart(name: string, data: Buffer) {
  const boundary = '----ct' + Math.random().toString(16).slice(2);
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/octet-stream\r\n\r\n`),
    data, Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return { payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}
async function upload(name: string, data: Buffer, province = 'a') {
  const m = multipart(name, data);
  return f.app.inject({ method: 'POST', url: `/api/collection/upload?dataset=thang&province=${province}&period=T10/2024`, payload: m.payload, headers: { ...officer, ...m.headers } });
}
const grid = async () => (await call(f.app, 'GET', `/api/collection/grid?${q}`, officer)).json();

describe('the Excel template', () => {
  test('has a locked header, units, last year for reference and validated cells to fill', async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet(DATA_SHEET)!;
    assert.match(String(ws.getCell(1, 1).value), /BÁO CÁO THÁNG/);
    assert.match(String(ws.getCell(2, 1).value), /hạn nộp 2024-10-16/);
    assert.ok((ws as any).sheetProtection?.sheet, 'the sheet is protected');
    const row = ws.getRow(FIRST_ROW);
    assert.equal(row.getCell(COL.code).value, 'retail_services');
    assert.equal(row.getCell(COL.unit).value, 'tỷ đồng');
    assert.ok(Math.abs(Number(row.getCell(COL.lastYear).value) - 146.41) < 1e-9);
    assert.equal(row.getCell(COL.code).protection?.locked ?? true, true);
    assert.equal(row.getCell(COL.value).protection?.locked, false);
    assert.equal(row.getCell(COL.value).dataValidation.type, 'decimal');
    assert.equal(ws.getRow(FIRST_ROW + 3).getCell(COL.value).dataValidation.formulae?.[1], 1000); // IIP at most 1000
    assert.equal(wb.getWorksheet('_meta')!.state, 'veryHidden');
  });

  test('a filled template is stored whole and shows in the grid', async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet(DATA_SHEET)!;
    ws.getCell(FIRST_ROW, COL.value).value = 158;
    ws.getCell(FIRST_ROW + 1, COL.value).value = 1458;
    ws.getCell(FIRST_ROW + 1, COL.plan).value = 2100;
    ws.getCell(FIRST_ROW + 3, COL.value).value = '108,5'; // typed as text with a decimal comma
    ws.getCell(FIRST_ROW + 3, COL.comment).value = 'Ước tính';
    const res = await upload('bao-cao.xlsx', await bytes(wb));
    assert.equal(res.statusCode, 201, res.body);
    const g = await grid();
    assert.deepEqual([g.rows[0].value, g.rows[1].value, g.rows[1].plan.value, g.rows[3].value, g.rows[3].comment], [158, 1458, 2100, 108.5, 'Ước tính']);
  });

  test('a bad file writes nothing and lists every error with sheet, cell and reason', async () => {
    const wb = await workbook();
    const ws = wb.getWorksheet(DATA_SHEET)!;
    ws.getCell(FIRST_ROW, COL.value).value = 'một trăm';
    ws.getCell(FIRST_ROW + 1, COL.value).value = { formula: 'SUM(H6:H6)*10', result: 1580 } as any;
    ws.getCell(FIRST_ROW + 2, COL.comment).value = '=HYPERLINK("http://x","bấm")';
    ws.getCell(FIRST_ROW + 3, COL.value).value = 99;
    const res = await upload('bao-cao.xlsx', await bytes(wb));
    assert.equal(res.statusCode, 422);
    const errs = res.json().error.details.map((e: any) => `${e.sheet}!${e.cell}`);
    assert.deepEqual(errs, ['BaoCao!H6', 'BaoCao!H7', 'BaoCao!J8']);
    assert.match(res.json().error.details[1].message, /công thức/);
    assert.equal((await grid()).rows[3].value, 108.5, 'nothing was written');
  });

  test('values that break the rules are refused with their cells', async () => {
    const wb = await workbook();
    wb.getWorksheet(DATA_SHEET)!.getCell(FIRST_ROW + 1, COL.value).value = 1200; // below the 9-month cumulative
    wb.getWorksheet(DATA_SHEET)!.getCell(FIRST_ROW, COL.value).value = 159;
    const res = await upload('bao-cao.xlsx', await bytes(wb));
    assert.equal(res.statusCode, 422);
    const d = res.json().error.details;
    assert.deepEqual(d.map((e: any) => [e.cell, e.code]), [['H7', 'below_previous_cumulative']]);
    assert.equal((await grid()).rows[0].value, 158);
  });

  test('another province\'s template, a huge sheet, a non-Excel file and an oversized file are refused', async () => {
    const b = await f.as('province_officer', { province: 'b' });
    const other = await f.app.inject({ method: 'GET', url: '/api/collection/template?dataset=thang&province=b&period=T10/2024', headers: b });
    const wrong = await upload('b.xlsx', other.rawPayload);
    assert.equal(wrong.statusCode, 422);
    assert.deepEqual(wrong.json().error.details.map((e: any) => e.cell), ['B5']);
    assert.match(wrong.json().error.details[0].message, /Mẫu sai tỉnh/);

    const wb = await workbook();
    wb.getWorksheet(DATA_SHEET)!.getCell(200_000, 3).value = 'x';
    const huge = await upload('huge.xlsx', await bytes(wb));
    assert.equal(huge.statusCode, 422);
    assert.match(huge.json().error.details[0].message, /lớn hơn mẫu/);

    const garbage = await upload('fake.xlsx', Buffer.from('PK\u0003\u0004 not really a zip'));
    assert.equal(garbage.statusCode, 422);
    assert.match(garbage.json().error.details[0].message, /Excel/);

    const big = await upload('big.xlsx', Buffer.alloc(3 * 1024 * 1024, 1));
    assert.equal(big.statusCode, 413);
    assert.equal((await grid()).rows[0].value, 158);
  });

  test('an upload made from an old download cannot overwrite a newer figure', async () => {
    const wb = await workbook(); // version of row 0 is 1 here
    const g = await grid();
    assert.equal((await call(f.app, 'PUT', '/api/collection/entries', officer, { dataset: 'thang', province: 'a', period: 'T10/2024', entries: [{ item: 0, value: 161, version: g.rows[0].version }] })).statusCode, 200);
    wb.getWorksheet(DATA_SHEET)!.getCell(FIRST_ROW, COL.value).value = 165;
    const res = await upload('old.xlsx', await bytes(wb));
    assert.equal(res.statusCode, 409);
    assert.deepEqual([res.json().error.details[0].cell, res.json().error.details[0].value], ['H6', 161]);
  });

  test('CSV and JSON files go in the same way', async () => {
    const csv = (await download('csv')).body;
    assert.match(csv, /^\uFEFFindicator,breakdown,period,name,unit,last_year,value,plan,comment,version,plan_version/);
    const edited = csv.split('\n').map((line) => (line.startsWith('exports,') ? line.replace(/^(exports,,T10\/2024,[^,]*,[^,]*,[^,]*),,/, '$1,55,') : line)).join('\n');
    const m = multipart('bao-cao.csv', Buffer.from(edited));
    const res = await f.app.inject({ method: 'POST', url: `/api/collection/upload?${q}`, payload: m.payload, headers: { ...officer, ...m.headers } });
    assert.equal(res.statusCode, 201, res.body);
    assert.equal((await grid()).rows[2].value, 55);
    const json = JSON.parse((await download('json')).body);
    json.entries[2].value = 'năm mươi';
    const bad = await f.app.inject({ method: 'POST', url: `/api/collection/upload?${q}&format=json`, payload: json, headers: officer });
    assert.equal(bad.statusCode, 422);
    assert.equal(bad.json().error.details[0].cell, 'entries[2].value');
    json.entries[2].value = 56;
    const ok = await f.app.inject({ method: 'POST', url: `/api/collection/upload?${q}&format=json`, payload: json, headers: officer });
    assert.equal(ok.statusCode, 201, ok.body);
    assert.equal((await grid()).rows[2].value, 56);
  });
});
