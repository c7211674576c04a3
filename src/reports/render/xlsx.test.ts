// The Excel annex, opened with exceljs: one sheet per table, numbers stored as numbers with their
// formats, qualified published values kept as text, and the sources sheet with the links.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import ExcelJS from 'exceljs';
import { openTestDb } from '../../db/testing.ts';
import type { Db } from '../../db/database.ts';
import { ensureDemoData } from '../../collection/demo/loadDemo.ts';
import { parseCode } from '../../periods/period.ts';
import { generateReport } from '../generate.ts';
import { loadSouth2024 } from '../testing.ts';

let demo: Db;
before(async () => {
  demo = await openTestDb();
  await ensureDemoData(demo);
});
after(async () => demo.close());

async function workbook(db: Db, lang: 'vi' | 'en' = 'vi', type: 'conference' | 'provincial' = 'conference', place = 'south') {
  const out = await generateReport(db, {
    type, region: type === 'conference' ? place : null, province: type === 'provincial' ? place : null, period: parseCode('9T/2024'), lang, date: '2026-01-05',
  }, 'xlsx', { absoluteBase: 'http://example.test' });
  const wb = new ExcelJS.Workbook();
  await wb.xlsx.load(out.body as unknown as ArrayBuffer);
  return { wb, out };
}

const rowOf = (ws: ExcelJS.Worksheet, label: string) => {
  for (let r = 1; r <= ws.rowCount; r++) if (ws.getRow(r).getCell(2).value === label) return ws.getRow(r);
  throw new Error(`no row ${label}`);
};

describe('Excel annex', () => {
  test('one sheet per table, titled, with the header row and Times New Roman', async () => {
    const { wb, out } = await workbook(demo);
    assert.equal(out.fileName, 'bao-cao-hoi-nghi_south_9T-2024_vi.xlsx');
    assert.equal(out.contentType, 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet');
    assert.deepEqual(wb.worksheets.map((w) => w.name), ['Phụ lục 1', 'Số liệu và nguồn']);
    const ws = wb.getWorksheet('Phụ lục 1')!;
    assert.equal(ws.getCell('A1').value, 'Phụ lục 1');
    assert.equal(ws.getCell('A2').value, 'Một số chỉ tiêu chủ yếu của khu vực phía Nam 9 tháng đầu năm 2024');
    assert.equal(ws.getCell('B4').value, 'Chỉ tiêu');
    assert.equal(ws.getCell('B4').font?.name, 'Times New Roman');
  });

  test('published values: as printed, a qualified one as text', async () => {
    const ws = (await workbook(demo)).wb.getWorksheet('Phụ lục 1')!;
    const exports = rowOf(ws, 'Kim ngạch xuất khẩu hàng hóa');
    assert.equal(exports.getCell(3).value, 'tỷ USD');
    assert.equal(exports.getCell(4).value, 108.4);
    assert.equal(exports.getCell(5).value, 10.41);
    const retail = rowOf(ws, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ');
    assert.equal(retail.getCell(4).value, 'hơn 2.442');
    assert.equal(rowOf(ws, 'Giá trị sản xuất công nghiệp').getCell(4).value, null, 'missing is empty, never 0');
  });

  test('computed values are numbers with their formats; the provinces sheet lists all 20', async () => {
    const db = await openTestDb();
    try {
      await ensureDemoData(db);
      await loadSouth2024(db);
      const { wb } = await workbook(db);
      const main = wb.getWorksheet('Phụ lục 1')!;
      const retail = rowOf(main, 'Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ');
      assert.equal(retail.getCell(4).value, 2442.33);
      assert.equal(retail.getCell(4).numFmt, '#,##0.0');
      const provinces = wb.getWorksheet('Phụ lục 2')!;
      assert.equal(provinces.rowCount >= 4 + 21, true);
      assert.equal(provinces.getCell('B5').value, 'Bình Thuận');
    } finally {
      await db.close();
    }
  });

  test('the sources sheet links every figure to its inputs', async () => {
    const ws = (await workbook(demo, 'en')).wb.getWorksheet('Figures and sources')!;
    const links: string[] = [];
    ws.eachRow((row) => row.eachCell((c) => {
      const v = c.value as { hyperlink?: string } | null;
      if (v && typeof v === 'object' && v.hyperlink) links.push(v.hyperlink);
    }));
    assert.ok(links.includes('http://example.test/api/documents/seed-002'));
    assert.ok(links.some((l) => l.startsWith('http://example.test/api/values/history?place=south&indicator=retail_services')));
  });
});
