// Reading a filled template back: every problem is reported with its sheet, cell and reason (Vietnamese
// first), and nothing is returned to store unless the whole file is right. Formulas, text where a number
// belongs, rows that were moved or added, another province's or period's template: all refused.
import ExcelJS from 'exceljs';
import type { ReportRef } from '../submissions/report.ts';
import type { Measure } from '../submissions/cells.ts';
import { COL, DATA_SHEET, FIRST_ROW, LIMITS, META_ITEMS_ROW, META_SHEET, TEMPLATE_KIND, colLetter, looksLikeFormula } from './layout.ts';
import { checkZip } from './zipGuard.ts';
import { periodCode } from '../../periods/period.ts';

export interface UploadError {
  sheet: string;
  cell: string;
  message: string;
  messageEn: string;
}

export interface UploadedCell {
  item: number;
  measure: Measure;
  value: number | null;
  comment: string | null;
  /** The version of the cell when the file was made (null: the file does not say). */
  version: number | null;
  sheet: string;
  cell: string;
}

export type ParsedUpload = { cells: UploadedCell[] } | { errors: UploadError[] };

const V = ExcelJS.ValueType;

/** A number as typed in a cell: Excel numbers as they are; text only when it cannot be misread. */
export function numberOf(raw: unknown): { value: number | null } | { vi: string; en: string } {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  if (typeof raw === 'number') return Number.isFinite(raw) ? { value: raw } : { vi: 'Số không hợp lệ.', en: 'Invalid number.' };
  if (typeof raw === 'string') {
    const s = raw.trim().replace(/\s/g, '');
    if (s === '') return { value: null };
    const finite = (n: number) => (Number.isFinite(n) ? { value: n } : { vi: `"${raw.slice(0, 40)}…" quá lớn.`, en: 'The number is too large.' });
    if (/^-?\d+$/.test(s)) return finite(Number(s));
    if (/^-?\d+,\d+$/.test(s)) return finite(Number(s.replace(',', '.'))); // "12,5": the Vietnamese decimal comma
    if (/^-?\d{1,3}(\.\d{3})+,\d+$/.test(s)) return finite(Number(s.replace(/\./g, '').replace(',', '.'))); // "1.234,5"
    return { vi: `"${raw.slice(0, 40)}" không phải là số (hoặc viết có thể hiểu hai cách); hãy nhập số.`, en: `"${raw.slice(0, 40)}" is not an unambiguous number.` };
  }
  return { vi: 'Ô không chứa số.', en: 'The cell does not hold a number.' };
}

function cellNumber(c: ExcelJS.Cell) {
  switch (c.type) {
    case V.Null: return { value: null };
    case V.Number: return numberOf(c.value);
    case V.String: case V.SharedString: return numberOf(String(c.value));
    case V.Formula: return { vi: 'Ô chứa công thức; hãy dán giá trị (Paste Values) thay vì công thức.', en: 'The cell holds a formula; paste the value instead.' };
    case V.Date: return { vi: 'Ô chứa ngày tháng, không phải số.', en: 'The cell holds a date, not a number.' };
    case V.Boolean: return { vi: 'Ô chứa giá trị đúng/sai, không phải số.', en: 'The cell holds a boolean, not a number.' };
    case V.Error: return { vi: 'Ô chứa lỗi của Excel (#...).', en: 'The cell holds an Excel error.' };
    default: return { vi: 'Ô không chứa số.', en: 'The cell does not hold a number.' };
  }
}

function cellText(c: ExcelJS.Cell): { value: string | null } | { vi: string; en: string } {
  let s: string | null;
  switch (c.type) {
    case V.Null: s = null; break;
    case V.String: case V.SharedString: case V.Number: s = String(c.value); break;
    case V.RichText: s = (c.value as ExcelJS.CellRichTextValue).richText.map((t) => t.text).join(''); break;
    case V.Formula: return { vi: 'Ô ghi chú chứa công thức.', en: 'The comment cell holds a formula.' };
    default: return { vi: 'Ô ghi chú phải là chữ.', en: 'The comment must be text.' };
  }
  if (s === null || !s.trim()) return { value: null };
  if (s.length > LIMITS.commentLength) return { vi: `Ghi chú dài quá ${LIMITS.commentLength} ký tự.`, en: `The comment is longer than ${LIMITS.commentLength} characters.` };
  if (looksLikeFormula(s)) return { vi: 'Ghi chú bắt đầu như một công thức (=, +, -, @); hãy bỏ ký tự đó.', en: 'The comment starts like a formula; remove that character.' };
  return { value: s.trim() };
}

export async function readTemplateUpload(buf: Buffer, r: ReportRef, itemRows: { item: number; indicator: string; breakdown: string; period: string; withPlan: boolean }[]): Promise<ParsedUpload> {
  const errors: UploadError[] = [];
  const err = (sheet: string, cell: string, vi: string, en: string) => errors.push({ sheet, cell, message: vi, messageEn: en });
  const zip = checkZip(buf);
  if (zip) return { errors: [{ sheet: '', cell: '', message: zip.vi, messageEn: zip.en }] };
  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(buf as any);
  } catch (e) {
    return { errors: [{ sheet: '', cell: '', message: 'Không đọc được tệp Excel (tệp hỏng hoặc không phải .xlsx).', messageEn: `Unreadable workbook: ${(e as Error).message}` }] };
  }
  if (wb.worksheets.length > LIMITS.sheets) err('', '', `Tệp có ${wb.worksheets.length} trang tính; mẫu chỉ có ${DATA_SHEET}.`, 'Too many sheets.');
  const meta = wb.getWorksheet(META_SHEET);
  const ws = wb.getWorksheet(DATA_SHEET);
  if (!meta || !ws) {
    return { errors: [{ sheet: ws ? META_SHEET : DATA_SHEET, cell: '', message: 'Không phải mẫu báo cáo của hệ thống: hãy tải mẫu cho đúng tỉnh và kỳ rồi nhập vào đó.', messageEn: 'Not a report template of this system: download the template and fill it.' }] };
  }
  const m = (row: number) => String(meta.getCell(row, 2).value ?? '');
  if (String(meta.getCell(1, 2).value) !== TEMPLATE_KIND) err(META_SHEET, 'B1', 'Không phải mẫu báo cáo của hệ thống.', 'Not a report template of this system.');
  const expected: [number, string, string, string][] = [
    [3, r.ds.code, 'bộ số liệu', 'data set'], [5, r.unit.slug, 'tỉnh, thành phố', 'province'], [6, periodCode(r.period), 'kỳ báo cáo', 'period'],
  ];
  for (const [row, want, vi, en] of expected) {
    if (m(row) !== want) err(META_SHEET, `B${row}`, `Mẫu sai ${vi}: tệp là của "${m(row)}", báo cáo đang nộp là "${want}". Hãy tải đúng mẫu.`, `Wrong template ${en}: "${m(row)}" instead of "${want}".`);
  }
  if (errors.length) return { errors };
  if (Number(m(4)) !== r.ds.version) {
    return { errors: [{ sheet: META_SHEET, cell: 'B4', message: 'Mẫu đã cũ: Bộ đã sửa bộ số liệu sau khi bạn tải mẫu; hãy tải mẫu mới.', messageEn: 'Outdated template: the data set changed since it was downloaded.' }] };
  }
  if (ws.rowCount > FIRST_ROW + itemRows.length + LIMITS.extraRows || ws.columnCount > LIMITS.columns) {
    return { errors: [{ sheet: DATA_SHEET, cell: '', message: `Trang tính lớn hơn mẫu (${ws.rowCount} dòng, ${ws.columnCount} cột); hãy dùng đúng mẫu tải về.`, messageEn: 'The sheet is larger than the template.' }] };
  }
  const cells: UploadedCell[] = [];
  const metaVersions = new Map<number, { row: number; version: number; plan: number }>();
  for (let i = 0; i < itemRows.length + LIMITS.extraRows; i++) {
    const item = meta.getCell(META_ITEMS_ROW + i, 1).value;
    if (typeof item !== 'number') break;
    metaVersions.set(item, { row: Number(meta.getCell(META_ITEMS_ROW + i, 2).value), version: Number(meta.getCell(META_ITEMS_ROW + i, 3).value) || 0, plan: Number(meta.getCell(META_ITEMS_ROW + i, 4).value) || 0 });
  }
  itemRows.forEach((it, i) => {
    const n = FIRST_ROW + i;
    const at = (c: number) => `${colLetter(c)}${n}`;
    const row = ws.getRow(n);
    if (String(row.getCell(COL.code).value ?? '') !== it.indicator || String(row.getCell(COL.period).value ?? '') !== it.period
      || String(row.getCell(COL.breakdown).value ?? '') !== it.breakdown) {
      err(DATA_SHEET, at(COL.code), `Dòng ${n} không còn là chỉ tiêu "${it.indicator}" kỳ ${it.period} của mẫu (dòng bị sửa, chèn hoặc xóa).`, `Row ${n} no longer holds "${it.indicator}" ${it.period}.`);
      return;
    }
    const mv = metaVersions.get(it.item);
    const value = cellNumber(row.getCell(COL.value));
    const comment = cellText(row.getCell(COL.comment));
    if ('vi' in value) err(DATA_SHEET, at(COL.value), value.vi, value.en);
    if ('vi' in comment) err(DATA_SHEET, at(COL.comment), comment.vi, comment.en);
    if (!('vi' in value) && !('vi' in comment)) {
      cells.push({ item: it.item, measure: 'actual', value: value.value, comment: comment.value, version: mv?.version ?? null, sheet: DATA_SHEET, cell: at(COL.value) });
    }
    const planCell = row.getCell(COL.plan);
    if (it.withPlan) {
      const plan = cellNumber(planCell);
      if ('vi' in plan) err(DATA_SHEET, at(COL.plan), plan.vi, plan.en);
      else cells.push({ item: it.item, measure: 'plan', value: plan.value, comment: null, version: mv?.plan ?? null, sheet: DATA_SHEET, cell: at(COL.plan) });
    } else if (planCell.type !== V.Null) {
      err(DATA_SHEET, at(COL.plan), 'Chỉ tiêu này không thu kế hoạch năm; hãy để trống.', 'This indicator collects no plan; leave it empty.');
    }
  });
  // Anything typed below the template's rows would be silently ignored: refuse it instead.
  for (let n = FIRST_ROW + itemRows.length; n <= ws.rowCount; n++) {
    const row = ws.getRow(n);
    for (let c = 1; c <= Math.min(ws.columnCount, LIMITS.columns); c++) {
      if (row.getCell(c).type !== V.Null) {
        err(DATA_SHEET, `${colLetter(c)}${n}`, 'Có dữ liệu ngoài các dòng của mẫu; mẫu không nhận thêm dòng.', 'Data outside the template rows.');
        break;
      }
    }
  }
  return errors.length ? { errors } : { cells };
}
