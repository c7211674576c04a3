// The Excel template of one report: header locked (sheet protection), units stated, last year's
// figures for reference, the figures already entered, cell validation on the cells to fill, and a
// hidden sheet naming the data set, province, period and the version of each cell when downloaded
// (an upload made from an old download cannot silently overwrite a newer figure).
import ExcelJS from 'exceljs';
import { randomBytes } from 'node:crypto';
import type { Db } from '../../db/database.ts';
import { buildGrid } from '../submissions/grid.ts';
import type { ReportRef } from '../submissions/report.ts';
import { COL, DATA_SHEET, FIRST_ROW, HEADER_ROW, HEADERS, META_ITEMS_ROW, META_SHEET, TEMPLATE_KIND, TEMPLATE_VERSION } from './layout.ts';

const GREY = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFEFEFEF' } } as const;
const YELLOW = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFF9DB' } } as const;

export async function buildTemplate(db: Db, r: ReportRef): Promise<Buffer> {
  const grid = await buildGrid(db, null, r);
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Công Thương Vùng';
  wb.created = new Date();
  const ws = wb.addWorksheet(DATA_SHEET, { views: [{ state: 'frozen', ySplit: HEADER_ROW }] });
  ws.columns = [
    { width: 6 }, { width: 24 }, { width: 48 }, { width: 18 }, { width: 12 }, { width: 16 }, { width: 18 }, { width: 16 }, { width: 16 }, { width: 40 },
  ];
  ws.mergeCells(1, 1, 1, COL.comment);
  ws.getCell(1, 1).value = `BÁO CÁO ${grid.dataset.name_vi.toUpperCase()}`;
  ws.getCell(1, 1).font = { bold: true, size: 14 };
  ws.mergeCells(2, 1, 2, COL.comment);
  ws.getCell(2, 1).value = `${grid.province.name_vi} · ${grid.period.name_vi} · hạn nộp ${grid.calendar.deadline} · kỳ số liệu ${grid.calendar.window_from} đến ${grid.calendar.window_to}`;
  ws.mergeCells(3, 1, 3, COL.comment);
  ws.getCell(3, 1).value = 'Chỉ nhập vào các ô màu vàng (Kỳ này, Kế hoạch năm, Ghi chú). Nhập số, không nhập công thức. Tăng trưởng bất thường cần ghi chú giải trình. ' +
    '/ Fill the yellow cells only, with numbers, not formulas; explain unusual growth in the comment.';
  ws.getCell(3, 1).alignment = { wrapText: true };
  ws.getRow(3).height = 30;
  const header = ws.getRow(HEADER_ROW);
  HEADERS.forEach((h, i) => {
    const c = header.getCell(i + 1);
    c.value = h;
    c.font = { bold: true };
    c.fill = GREY;
    c.alignment = { wrapText: true, vertical: 'middle' };
  });

  grid.rows.forEach((row, i) => {
    const n = FIRST_ROW + i;
    const x = ws.getRow(n);
    x.getCell(COL.no).value = i + 1;
    x.getCell(COL.code).value = row.indicator;
    x.getCell(COL.name).value = row.required ? `${row.name_vi} (*)` : row.name_vi;
    x.getCell(COL.breakdown).value = row.breakdown || '';
    x.getCell(COL.period).value = row.period;
    x.getCell(COL.unit).value = row.unit;
    x.getCell(COL.lastYear).value = row.last_year;
    const numFmt = row.integer ? '#,##0' : '#,##0.00';
    x.getCell(COL.lastYear).numFmt = numFmt;
    for (const c of [COL.no, COL.code, COL.name, COL.breakdown, COL.period, COL.unit, COL.lastYear]) x.getCell(c).fill = GREY;
    const value = x.getCell(COL.value);
    value.value = row.value;
    value.numFmt = numFmt;
    value.protection = { locked: false };
    value.fill = YELLOW;
    value.dataValidation = {
      type: row.integer ? 'whole' : 'decimal', operator: row.max !== null ? 'between' : 'greaterThanOrEqual', allowBlank: true,
      formulae: row.max !== null ? [row.min, row.max] : [row.min], showErrorMessage: true, errorStyle: 'stop',
      errorTitle: 'Giá trị không hợp lệ',
      error: `Nhập ${row.integer ? 'số nguyên' : 'số'} ${row.max !== null ? `từ ${row.min} đến ${row.max}` : `không nhỏ hơn ${row.min}`} (${row.unit}).`,
    };
    const plan = x.getCell(COL.plan);
    if (row.plan) {
      plan.value = row.plan.value ?? row.plan.published;
      plan.numFmt = numFmt;
      plan.protection = { locked: false };
      plan.fill = YELLOW;
      plan.dataValidation = { type: 'decimal', operator: 'greaterThanOrEqual', allowBlank: true, formulae: [0], showErrorMessage: true, error: 'Kế hoạch là số không âm.' };
    } else plan.fill = GREY;
    const comment = x.getCell(COL.comment);
    comment.value = row.comment;
    comment.protection = { locked: false };
    comment.fill = YELLOW;
    comment.dataValidation = { type: 'textLength', operator: 'lessThanOrEqual', allowBlank: true, formulae: [2000], showErrorMessage: true, error: 'Ghi chú tối đa 2000 ký tự.' };
  });
  // A password nobody is told: the structure is the ministry's; the server checks it on upload anyway.
  // Few hash rounds: the protection guards against slips, not attackers, and 100 000 rounds cost ~1 s.
  await ws.protect(randomBytes(12).toString('base64url'), {
    spinCount: 1000,
    selectLockedCells: true, selectUnlockedCells: true, formatColumns: true, formatRows: true,
    insertRows: false, deleteRows: false, insertColumns: false, deleteColumns: false, sort: false, autoFilter: false,
  });

  const meta = wb.addWorksheet(META_SHEET, { state: 'veryHidden' });
  const pairs: [string, string | number][] = [
    ['template', TEMPLATE_KIND], ['template_version', TEMPLATE_VERSION], ['dataset', grid.dataset.code],
    ['dataset_version', grid.dataset.version], ['province', grid.province.slug], ['period', grid.period.code],
  ];
  pairs.forEach(([k, v], i) => {
    meta.getCell(i + 1, 1).value = k;
    meta.getCell(i + 1, 2).value = v;
  });
  meta.getCell(META_ITEMS_ROW - 1, 1).value = 'item';
  meta.getCell(META_ITEMS_ROW - 1, 2).value = 'row';
  meta.getCell(META_ITEMS_ROW - 1, 3).value = 'version';
  meta.getCell(META_ITEMS_ROW - 1, 4).value = 'plan_version';
  grid.rows.forEach((row, i) => {
    meta.getCell(META_ITEMS_ROW + i, 1).value = row.item;
    meta.getCell(META_ITEMS_ROW + i, 2).value = FIRST_ROW + i;
    meta.getCell(META_ITEMS_ROW + i, 3).value = row.version;
    meta.getCell(META_ITEMS_ROW + i, 4).value = row.plan?.version ?? 0;
  });
  await meta.protect(randomBytes(12).toString('base64url'), { spinCount: 1000 });
  return Buffer.from(await wb.xlsx.writeBuffer());
}

export function templateFileName(r: ReportRef): string {
  return `mau-${r.ds.code}-${r.unit.slug}-${r.period.year}-${r.key % 1000}.xlsx`;
}
