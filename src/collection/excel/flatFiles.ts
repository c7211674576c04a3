// The same report as CSV or JSON, for provinces whose own systems produce files: one row per item
// (indicator, disaggregation, period) with the value, the annual plan where collected, a comment and
// the versions seen. Same all-or-nothing rule, errors naming the row and column.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { Measure } from '../submissions/cells.ts';
import { looksLikeFormula, LIMITS } from './layout.ts';
import { type ParsedUpload, type UploadError, type UploadedCell } from './readUpload.ts';

/** Numbers as machines write them (the convention of the value files): dot decimal, no separators. */
function numberOf(raw: unknown): { value: number | null } | { vi: string; en: string } {
  if (raw === null || raw === undefined || raw === '') return { value: null };
  if (typeof raw === 'number' && Number.isFinite(raw)) return { value: raw };
  if (typeof raw === 'string' && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(raw) && Number.isFinite(Number(raw))) return { value: Number(raw) };
  return { vi: `"${String(raw).slice(0, 40)}" không phải là số (dùng dấu chấm thập phân, không dùng dấu phân cách hàng nghìn: 2442330.5).`, en: `"${String(raw).slice(0, 40)}" is not a number (decimal point, no separators).` };
}

export const FLAT_COLUMNS = ['indicator', 'breakdown', 'period', 'name', 'unit', 'last_year', 'value', 'plan', 'comment', 'version', 'plan_version'] as const;
const READ_ONLY = new Set(['name', 'unit', 'last_year', 'item']);

export interface FlatRow {
  item: number;
  indicator: string;
  breakdown: string;
  period: string;
  name: string;
  unit: string;
  last_year: number | null;
  value: number | null;
  plan: number | null;
  comment: string | null;
  version: number;
  plan_version: number | null;
  withPlan: boolean;
}

export function toFlatCsv(rows: FlatRow[]): string {
  // Text cells that a spreadsheet would run are quoted with a leading apostrophe.
  const safe = (s: string | null) => (s && looksLikeFormula(s) ? `'${s}` : s);
  return '\uFEFF' + stringify(rows.map((r) => ({ ...r, name: safe(r.name), comment: safe(r.comment), plan_version: r.withPlan ? r.plan_version : '' })),
    { header: true, columns: [...FLAT_COLUMNS] });
}

export function toFlatJson(rows: FlatRow[]) {
  return { entries: rows.map(({ withPlan, ...r }) => (withPlan ? r : { ...r, plan: undefined, plan_version: undefined })) };
}

export function readFlatUpload(text: string, format: 'csv' | 'json', items: FlatRow[]): ParsedUpload {
  const sheet = format.toUpperCase();
  let records: Record<string, unknown>[];
  try {
    if (format === 'csv') {
      records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, relax_column_count: false });
    } else {
      const data = JSON.parse(text);
      const list = Array.isArray(data) ? data : data?.entries;
      if (!Array.isArray(list)) throw new Error('JSON phải là {"entries": [...]} hoặc một mảng / must be {"entries": [...]} or an array');
      records = list;
    }
  } catch (e) {
    return { errors: [{ sheet, cell: '', message: `Không đọc được tệp ${sheet}: ${(e as Error).message}`, messageEn: `Unreadable ${sheet}: ${(e as Error).message}` }] };
  }
  if (records.length > items.length + LIMITS.extraRows) {
    return { errors: [{ sheet, cell: '', message: `Tệp có ${records.length} dòng, báo cáo chỉ có ${items.length} chỉ tiêu.`, messageEn: 'More rows than the report has items.' }] };
  }
  const errors: UploadError[] = [];
  const cells: UploadedCell[] = [];
  const where = (i: number, col: string) => (format === 'csv' ? `dòng ${i + 2}, cột ${col}` : `entries[${i}].${col}`);
  const err = (i: number, col: string, vi: string, en: string) => errors.push({ sheet, cell: where(i, col), message: vi, messageEn: en });
  const byKey = new Map(items.map((it) => [`${it.indicator}|${it.breakdown}|${it.period}`, it]));
  const seen = new Set<number>();
  records.forEach((rec, i) => {
    if (typeof rec !== 'object' || rec === null) return err(i, '', 'Dòng không phải là một đối tượng.', 'Not an object.');
    const unknown = Object.keys(rec).filter((k) => !(FLAT_COLUMNS as readonly string[]).includes(k) && !READ_ONLY.has(k));
    if (unknown.length) err(i, unknown[0]!, `Cột không nhận ra: ${unknown.join(', ')}.`, `Unknown columns: ${unknown.join(', ')}.`);
    const key = `${textOf(rec.indicator).trim()}|${textOf(rec.breakdown).trim()}|${textOf(rec.period).trim()}`;
    const it = byKey.get(key);
    if (!it) return err(i, 'indicator', `"${key.replaceAll('|', ' · ')}" không có trong báo cáo này (chỉ tiêu, phân tổ, kỳ).`, `"${key}" is not in this report.`);
    if (seen.has(it.item)) return err(i, 'indicator', 'Chỉ tiêu lặp lại trong tệp.', 'Item repeated in the file.');
    seen.add(it.item);
    const value = numberOf(typeof rec.value === 'string' || typeof rec.value === 'number' || rec.value === null || rec.value === undefined ? rec.value : {});
    if ('vi' in value) err(i, 'value', value.vi, value.en);
    const rawComment = rec.comment === undefined || rec.comment === null || rec.comment === '' ? null : rec.comment;
    let comment: string | null = null;
    if (rawComment !== null && typeof rawComment !== 'string') err(i, 'comment', 'Ghi chú phải là chữ.', 'The comment must be text.');
    else if (rawComment !== null) {
      if (rawComment.length > LIMITS.commentLength) err(i, 'comment', `Ghi chú dài quá ${LIMITS.commentLength} ký tự.`, 'Comment too long.');
      else if (looksLikeFormula(rawComment)) err(i, 'comment', 'Ghi chú bắt đầu như một công thức (=, +, -, @); hãy bỏ ký tự đó.', 'The comment starts like a formula.');
      else comment = rawComment.trim() || null;
    }
    const version = versionOf(rec.version, () => err(i, 'version', 'Phiên bản phải là số nguyên không âm.', 'version must be a non-negative integer.'));
    if (!('vi' in value)) cells.push({ item: it.item, measure: 'actual', value: value.value, comment, version, sheet, cell: where(i, 'value') });
    const hasPlan = rec.plan !== undefined && rec.plan !== null && rec.plan !== '';
    if (hasPlan && !it.withPlan) err(i, 'plan', 'Chỉ tiêu này không thu kế hoạch năm.', 'This item collects no plan.');
    if (it.withPlan && rec.plan !== undefined) {
      const plan = numberOf(typeof rec.plan === 'string' || typeof rec.plan === 'number' || rec.plan === null ? rec.plan : {});
      const pv = versionOf(rec.plan_version, () => err(i, 'plan_version', 'Phiên bản phải là số nguyên không âm.', 'plan_version must be a non-negative integer.'));
      if ('vi' in plan) err(i, 'plan', plan.vi, plan.en);
      else cells.push({ item: it.item, measure: 'plan' as Measure, value: plan.value, comment: null, version: pv, sheet, cell: where(i, 'plan') });
    }
  });
  return errors.length ? { errors } : { cells };
}

/** A JSON cell as text: objects as JSON (String() throws on {"toString": 1}; found by bench/fuzz). */
const textOf = (x: unknown): string => (x === null || x === undefined ? '' : typeof x === 'object' ? JSON.stringify(x) : String(x));

function versionOf(x: unknown, bad: () => void): number | null {
  if (x === undefined || x === null || x === '') return null;
  const n = typeof x === 'number' || typeof x === 'string' ? Number(x) : NaN;
  if (!Number.isInteger(n) || n < 0) {
    bad();
    return null;
  }
  return n;
}
