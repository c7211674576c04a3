// Value files: CSV (one value per row, a header naming the columns) and JSON (an array, or
// {"values": [...]}). Parsing never throws on bad input: it returns errors a user can act on.
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import type { FieldError } from './valueInput.ts';

export const CSV_COLUMNS = [
  'place', 'indicator', 'period', 'breakdown', 'value', 'unit', 'status', 'growth_pct', 'pct_of_plan',
  'qualifier', 'note', 'expected_version',
] as const;

/** Columns an export adds: `version` is read back as the expected version (a re-imported export
 *  detects edits made since it was taken); the others only inform and are ignored. */
const EXPORT_COLUMNS = ['version', 'changed_at', 'changed_by', 'source'];

export type Parsed = { rows: Record<string, unknown>[] } | { errors: FieldError[] };

const fail = (vi: string, en: string): Parsed => ({ errors: [{ row: 0, field: '(tệp)', messageVi: vi, messageEn: en }] });

export function parseValueFile(text: string, format: 'csv' | 'json'): Parsed {
  return format === 'csv' ? parseCsv(text) : parseJson(text);
}

function parseJson(text: string): Parsed {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    return fail(`Tệp JSON không hợp lệ: ${(e as Error).message}`, `Invalid JSON: ${(e as Error).message}`);
  }
  const list = Array.isArray(data) ? data : (data as { values?: unknown })?.values;
  if (!Array.isArray(list)) return fail('JSON phải là một mảng số liệu hoặc {"values": [...]}.', 'JSON must be an array of values or {"values": [...]}.');
  return { rows: list as Record<string, unknown>[] };
}

function parseCsv(text: string): Parsed {
  let records: Record<string, string>[];
  try {
    records = parse(text.replace(/^\uFEFF/, ''), { columns: true, skip_empty_lines: true, trim: true, relax_column_count: false });
  } catch (e) {
    return fail(`Tệp CSV không đọc được: ${(e as Error).message}`, `Unreadable CSV: ${(e as Error).message}`);
  }
  const header = records.length ? Object.keys(records[0]!) : [];
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h) && !EXPORT_COLUMNS.includes(h));
  if (unknown.length) {
    return fail(`Cột không nhận ra: ${unknown.join(', ')}. Các cột hợp lệ: ${CSV_COLUMNS.join(', ')}.`, `Unknown columns: ${unknown.join(', ')}.`);
  }
  // Empty cells mean "not given"; numbers stay text and are checked by the resolver.
  const rows = records.map((r) => {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(r)) {
      if (v === '' || EXPORT_COLUMNS.includes(k)) continue;
      out[k] = k === 'expected_version' ? Number(v) : v;
    }
    if (out.expected_version === undefined && r.version) out.expected_version = Number(r.version);
    return out;
  });
  return { rows };
}

export function toCsv(rows: Record<string, unknown>[]): string {
  return stringify(rows, { header: true, columns: [...CSV_COLUMNS.filter((c) => c !== 'expected_version'), ...EXPORT_COLUMNS] });
}
