// The Excel annex: one sheet per table with numbers as numbers (formatted, not text) so analysts can
// recompute, and a sheet that lists every figure with its source and the links to its inputs.
import ExcelJS from 'exceljs';
import type { Report, Table } from '../model.ts';
import { phrasebook } from '../build/writer.ts';

export interface XlsxOptions {
  baseUrl?: string;
}

const FONT = { name: 'Times New Roman', size: 12 };
const THIN = { style: 'thin' as const, color: { argb: 'FF000000' } };
const BORDER = { top: THIN, left: THIN, bottom: THIN, right: THIN };

/** Excel sheet names: ≤ 31 characters, none of []:*?/\ and unique. */
function sheetName(name: string, used: Set<string>): string {
  const base = name.replace(/[[\]:*?/\\]/g, '-').slice(0, 31) || 'Sheet';
  let n = base;
  for (let i = 2; used.has(n.toLowerCase()); i++) n = `${base.slice(0, 28)} ${i}`;
  used.add(n.toLowerCase());
  return n;
}

function tableSheet(wb: ExcelJS.Workbook, t: Table, used: Set<string>): void {
  const ws = wb.addWorksheet(sheetName(t.label, used), {
    pageSetup: { paperSize: 9, orientation: t.columns.length > 6 ? 'landscape' : 'portrait', fitToPage: true, fitToWidth: 1, fitToHeight: 0 },
    views: [{ state: 'frozen', ySplit: 4 }],
  });
  const n = t.columns.length;
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  ws.columns = t.columns.map((c) => ({ width: Math.max(6, Math.round((c.width / total) * 120)) }));
  const title = (row: number, text: string) => {
    ws.mergeCells(row, 1, row, n);
    const cell = ws.getCell(row, 1);
    cell.value = text;
    cell.font = { ...FONT, bold: true, size: 13 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
  };
  title(1, t.label);
  title(2, t.title);
  ws.getRow(2).height = 32;
  const head = ws.getRow(4);
  t.columns.forEach((c, i) => {
    const cell = head.getCell(i + 1);
    cell.value = c.title;
    cell.font = { ...FONT, bold: true, size: 11 };
    cell.alignment = { horizontal: 'center', vertical: 'middle', wrapText: true };
    cell.fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
    cell.border = BORDER;
  });
  head.height = 48;
  t.rows.forEach((row, ri) => {
    const xr = ws.getRow(5 + ri);
    row.forEach((c, i) => {
      const cell = xr.getCell(i + 1);
      const numeric = c.value !== null && c.value !== undefined && Number.isFinite(c.value);
      cell.value = numeric ? c.value! : c.text === '—' ? null : c.text;
      if (numeric && c.numFmt) cell.numFmt = c.numFmt;
      cell.font = { ...FONT, size: 11, bold: !!c.bold };
      const align = t.columns[i]?.align ?? 'left';
      cell.alignment = { horizontal: align, vertical: 'top', wrapText: !numeric };
      cell.border = BORDER;
    });
  });
  let at = 6 + t.rows.length;
  for (const note of t.notes) {
    ws.mergeCells(at, 1, at, n);
    const cell = ws.getCell(at, 1);
    cell.value = note;
    cell.font = { ...FONT, italic: true, size: 10 };
    cell.alignment = { wrapText: true, vertical: 'top' };
    ws.getRow(at).height = Math.min(120, 15 * Math.ceil(note.length / 110));
    at++;
  }
}

function sourcesSheet(wb: ExcelJS.Workbook, r: Report, used: Set<string>, o: XlsxOptions): void {
  const ui = phrasebook(r.lang).ui;
  const ws = wb.addWorksheet(sheetName(ui.inputsHeading, used));
  ws.columns = [{ width: 70 }, { width: 26 }, { width: 60 }, { width: 80 }];
  ws.addRow([r.meta.title]).font = { ...FONT, bold: true, size: 13 };
  ws.addRow([r.subject.join(' ')]).font = FONT;
  ws.addRow([ui.generated(r.meta.generatedAt.replace('T', ' ').slice(0, 16))]).font = { ...FONT, italic: true };
  ws.addRow([]);
  const head = ws.addRow([ui.inputsHeading, '', '', '']);
  head.font = { ...FONT, bold: true };
  for (const f of Object.values(r.figures)) {
    const row = ws.addRow([f.label, ui.source[f.source], f.citation?.quote ?? '', '']);
    row.font = FONT;
    f.inputs.forEach((inp, i) => {
      const href = (o.baseUrl ?? '') + inp.href;
      const cell = row.getCell(4 + i);
      cell.value = o.baseUrl ? { text: inp.label, hyperlink: href } : `${inp.label}: ${href}`;
      cell.font = { ...FONT, color: { argb: 'FF1F4E79' }, underline: !!o.baseUrl };
    });
  }
  if (r.missing.length) {
    ws.addRow([]);
    ws.addRow([ui.missingHeading]).font = { ...FONT, bold: true };
    for (const m of r.missing) ws.addRow([m]).font = FONT;
  }
}

export async function renderXlsx(r: Report, o: XlsxOptions = {}): Promise<Buffer> {
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Công Thương Vùng';
  wb.title = r.meta.title;
  wb.created = new Date(r.meta.generatedAt);
  const used = new Set<string>();
  for (const t of r.tables) tableSheet(wb, t, used);
  sourcesSheet(wb, r, used, o);
  return Buffer.from(await wb.xlsx.writeBuffer());
}
