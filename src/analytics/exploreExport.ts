// The pivot explorer's table as files: CSV (UTF-8 with BOM so that Excel reads the Vietnamese, numbers
// in plain machine form) and Excel .xlsx (numbers as numbers with a display format, a notes sheet).
import ExcelJS from 'exceljs';
import { buildTable, tableMatrix, type ExploreResult, type Lang, type Measure } from './exploreTable.ts';

function csvField(v: string | number | null): string {
  if (v === null) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  return /[",\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
}

export function exploreCsv(res: ExploreResult, measures: readonly Measure[], lang: Lang): string {
  const { header, body } = tableMatrix(buildTable(res, measures, lang));
  return '\ufeff' + [header, ...body].map((row) => row.map(csvField).join(',')).join('\r\n') + '\r\n';
}

const NOTES = {
  vi: {
    sheet: 'Bảng tổng hợp', notes: 'Ghi chú', title: 'Công Thương Vùng — bảng tổng hợp số liệu',
    made: 'Lập lúc', source: 'Nguồn', sourceText: 'Số liệu của các tỉnh, thành phố và số liệu vùng đã công bố (Công Thương Vùng)',
    missing: 'Ô trống: chưa có số liệu (không phải bằng 0).',
    growth: 'Tăng/giảm so với cùng kỳ: so với cùng kỳ năm trước, tính trên tổng của cùng các tỉnh ở cả hai kỳ.',
    share: 'Tỷ trọng: trong tổng của các đơn vị cùng cấp đã chọn.',
    plan: 'So với kế hoạch năm: giá trị lũy kế từ đầu năm so với kế hoạch cả năm.',
    estimate: 'Số ước tính được ghi chú ở ô (ước).',
  },
  en: {
    sheet: 'Pivot table', notes: 'Notes', title: 'Công Thương Vùng — pivot table',
    made: 'Made at', source: 'Source', sourceText: 'Figures of the provinces and published regional figures (Công Thương Vùng)',
    missing: 'Empty cell: no data yet (not zero).',
    growth: 'Change year on year: against the same period a year earlier, over the same provinces in both periods.',
    share: 'Share: of the total of the places of the same level chosen.',
    plan: 'Of the annual plan: the cumulative value since January against the plan for the whole year.',
    estimate: 'Estimates carry a cell note (estimate).',
  },
} as const;

export async function exploreXlsx(res: ExploreResult, measures: readonly Measure[], lang: Lang, madeAt = new Date()): Promise<Buffer> {
  const t = buildTable(res, measures, lang);
  const { header, body } = tableMatrix(t);
  const w = NOTES[lang];
  const wb = new ExcelJS.Workbook();
  wb.creator = 'Công Thương Vùng';
  wb.created = madeAt;
  const ws = wb.addWorksheet(w.sheet, { views: [{ state: 'frozen', xSplit: t.showBreakdown ? 3 : 2, ySplit: 1 }] });
  ws.addRow(header);
  const head = ws.getRow(1);
  head.font = { bold: true };
  head.alignment = { wrapText: true, vertical: 'top' };
  head.height = 48;
  const lead = t.showBreakdown ? 3 : 2;
  body.forEach((row, r) => {
    const x = ws.addRow(row);
    t.columns.forEach((c, k) => {
      const cell = x.getCell(lead + k + 1);
      cell.numFmt = c.decimals > 0 ? `#,##0.${'0'.repeat(c.decimals)}` : '#,##0';
      const src = t.rows[r]!.cells[k]!;
      if (src.value !== null && src.status === 'estimate') cell.note = lang === 'vi' ? 'ước' : 'estimate';
    });
  });
  ws.getColumn(1).width = 18;
  ws.getColumn(2).width = 24;
  if (t.showBreakdown) ws.getColumn(3).width = 28;
  t.columns.forEach((_, k) => { ws.getColumn(lead + k + 1).width = 18; });
  const notes = wb.addWorksheet(w.notes);
  notes.getColumn(1).width = 110;
  for (const line of [w.title, `${w.made}: ${madeAt.toISOString()}`, `${w.source}: ${w.sourceText}`, '', w.missing, w.growth, w.share, w.plan, w.estimate]) {
    notes.addRow([line]);
  }
  notes.getRow(1).font = { bold: true, size: 13 };
  return Buffer.from(await wb.xlsx.writeBuffer());
}
