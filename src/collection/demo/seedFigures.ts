// The demo figures: every figure the five seed articles publish (seed-figures.json) and the articles
// themselves (documents.json), validated against the master data and converted to each indicator's
// base unit. A bad row stops the load with every problem listed, in Vietnamese then English.
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { z } from 'zod';
import { allowedOptions, conversionFactor, findUnitOfMeasure, loadMasterData, type MasterData } from '../../catalogue/masterData.ts';
import { tidy } from '../../catalogue/measures.ts';
import { isInForce } from '../../catalogue/units.ts';
import { endDate, parseCode, periodCode, periodKey, PeriodError, startDate } from '../../periods/period.ts';

export const DEMO_DIR = fileURLToPath(new URL('./', import.meta.url));
export const SEED_FIGURES_FILE = 'seed-figures.json';
export const DOCUMENTS_FILE = 'documents.json';

const isoDate = z.string().regex(/^\d{4}-\d{2}-\d{2}$/);
const text = z.string().trim().min(1);
const sourceSchema = z.strictObject({ document: text, quote: text });

export const seedDocumentSchema = z.strictObject({
  id: z.string().regex(/^seed-\d{3}$/),
  title: text.nullable(),
  publisher: text.nullable(),
  author: text.nullable(),
  published: isoDate.nullable(),
  event_date: isoDate.nullable(),
  event_date_inferred: z.boolean(),
  place: text.nullable(),
  url: z.url().nullable(),
  summary_vi: text,
  summary_en: text,
  note: text.nullable(),
  figures_annotated: z.number().int().min(0),
  unmapped_annotated: z.number().int().min(0),
});

export const seedFigureSchema = z.strictObject({
  id: text,
  place: text,
  indicator: text,
  /** Canonical machine code (src/periods): T10/2024, Q3/2024, H2/2024, 6T/2019, 9T/2024, 2024. */
  period: text,
  period_inferred: z.boolean(),
  breakdown: z.record(z.string(), z.string()),
  value: z.number().nullable(),
  /** As written in the article ("nghìn tỷ đồng", "tỷ USD", "lao động"). */
  unit: text.nullable(),
  /** True when the printed unit cannot be the indicator's (kept as printed, not converted). */
  unit_as_printed: z.boolean().optional(),
  growth_pct: z.number().nullable(),
  pct_of_plan: z.number().nullable(),
  status: z.enum(['estimate', 'official', 'plan']),
  qualifier: z.enum(['hơn', 'trên', 'gần', 'khoảng']).nullable(),
  source: sourceSchema,
  note: text.nullable(),
});

export const unmappedFigureSchema = z.strictObject({
  id: text,
  kind: z.enum(['provinces_above_average', 'other']),
  label_vi: text,
  place: text,
  related_indicator: text.nullable(),
  period: text.nullable(),
  period_inferred: z.boolean(),
  value: z.number().nullable(),
  unit: text.nullable(),
  of: z.number().int().positive().nullable(),
  members: z.array(text),
  status: z.enum(['estimate', 'official', 'plan']),
  source: sourceSchema,
  note: text.nullable(),
});

const documentsFileSchema = z.strictObject({
  version: z.union([z.number().int().positive(), text]),
  updated: isoDate,
  description_vi: text,
  description_en: text,
  documents: z.array(seedDocumentSchema),
});

const figuresFileSchema = z.strictObject({
  version: z.union([z.number().int().positive(), text]),
  updated: isoDate,
  description_vi: text,
  description_en: text,
  figures: z.array(seedFigureSchema),
  unmapped: z.array(unmappedFigureSchema),
});

export type SeedDocument = z.infer<typeof seedDocumentSchema>;
export type SeedFigureRow = z.infer<typeof seedFigureSchema>;
export type UnmappedFigure = z.infer<typeof unmappedFigureSchema>;

/** A validated figure with its value in the indicator's base unit. */
export interface SeedFigure extends SeedFigureRow {
  /** Storage key of the period (year*1000 + kind*100 + n). */
  period_key: number;
  period_start: string;
  period_end: string;
  base_unit: string;
  /** `value` converted to base_unit; null when value is null or the unit is kept as printed. */
  value_base: number | null;
}

export interface SeedFigureSet {
  version: string | number;
  documents: SeedDocument[];
  figures: SeedFigure[];
  unmapped: UnmappedFigure[];
}

export interface SeedIssue {
  file: string;
  row: string;
  vi: string;
  en: string;
}

export class SeedFiguresError extends Error {
  readonly issues: SeedIssue[];
  constructor(issues: SeedIssue[]) {
    super(
      `Số liệu mẫu không hợp lệ (${issues.length} lỗi):\n${issues.map((i) => `  • ${i.file}${i.row ? `, ${i.row}` : ''}: ${i.vi}`).join('\n')}\n` +
        `Invalid demo figures (${issues.length} error${issues.length === 1 ? '' : 's'}):\n${issues.map((i) => `  • ${i.file}${i.row ? `, ${i.row}` : ''}: ${i.en}`).join('\n')}`,
    );
    this.name = 'SeedFiguresError';
    this.issues = issues;
  }
}

function readJson<S extends z.ZodType>(dir: string, file: string, schema: S, rowsKeys: string[], issues: SeedIssue[]): z.infer<S> | null {
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(join(dir, file), 'utf8'));
  } catch (e) {
    issues.push({ file, row: '', vi: `không đọc được tệp JSON (${(e as Error).message})`, en: `cannot read the JSON file (${(e as Error).message})` });
    return null;
  }
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  for (const iss of parsed.error.issues) {
    let row = '';
    let path = iss.path;
    if (typeof path[0] === 'string' && rowsKeys.includes(path[0]) && typeof path[1] === 'number') {
      const item = (raw as Record<string, { id?: unknown }[]>)[path[0]]?.[path[1]];
      row = `${path[0]}[${path[1] + 1}]${typeof item?.id === 'string' ? ` (id "${item.id}")` : ''}`;
      path = path.slice(2);
    }
    const field = path.length ? path.join('.') : '(cả mục / whole item)';
    issues.push({ file, row, vi: `trường "${field}": ${iss.message}`, en: `field "${field}": ${iss.message}` });
  }
  return null;
}

/** The period, checked to be a canonical code; pushes an issue and returns null otherwise. */
function checkPeriod(code: string, file: string, row: string, issues: SeedIssue[]) {
  try {
    const p = parseCode(code);
    if (periodCode(p) !== code) {
      issues.push({ file, row, vi: `kỳ "${code}" không ở dạng chuẩn: dùng "${periodCode(p)}"`, en: `period "${code}" is not canonical: use "${periodCode(p)}"` });
      return null;
    }
    return p;
  } catch (e) {
    if (!(e instanceof PeriodError)) throw e;
    issues.push({ file, row, vi: `kỳ "${code}" không hợp lệ`, en: `invalid period "${code}" (${e.message})` });
    return null;
  }
}

/**
 * Reads the demo documents and figures, validates them against the master data (known document,
 * place in force over the period, indicator, breakdown options, unit convertible to the indicator's
 * base unit, counts per document as annotated) and converts every value to the base unit.
 */
export function loadSeedFigures(md: MasterData = loadMasterData(), dir: string = DEMO_DIR): SeedFigureSet {
  const issues: SeedIssue[] = [];
  const docsFile = readJson(dir, DOCUMENTS_FILE, documentsFileSchema, ['documents'], issues);
  const figFile = readJson(dir, SEED_FIGURES_FILE, figuresFileSchema, ['figures', 'unmapped'], issues);
  if (!docsFile || !figFile) throw new SeedFiguresError(issues);

  const F = SEED_FIGURES_FILE;
  const docs = new Map<string, SeedDocument>();
  docsFile.documents.forEach((d, i) => {
    const row = `documents[${i + 1}] (id "${d.id}")`;
    if (docs.has(d.id)) issues.push({ file: DOCUMENTS_FILE, row, vi: 'id bị trùng', en: 'duplicate id' });
    if (d.place !== null && !md.unitById.has(d.place)) issues.push({ file: DOCUMENTS_FILE, row, vi: `không có đơn vị "${d.place}"`, en: `unknown unit "${d.place}"` });
    docs.set(d.id, d);
  });

  const ids = new Set<string>();
  const figures: SeedFigure[] = [];
  figFile.figures.forEach((f, i) => {
    const row = `figures[${i + 1}] (id "${f.id}")`;
    const add = (vi: string, en: string) => issues.push({ file: F, row, vi, en });
    if (ids.has(f.id)) add('id bị trùng', 'duplicate id');
    ids.add(f.id);
    if (!docs.has(f.source.document)) add(`không có tài liệu "${f.source.document}" trong ${DOCUMENTS_FILE}`, `unknown document "${f.source.document}" (not in ${DOCUMENTS_FILE})`);
    const place = md.unitById.get(f.place);
    const ind = md.indicatorByCode.get(f.indicator);
    if (!place) add(`không có đơn vị "${f.place}"`, `unknown place "${f.place}"`);
    if (!ind) add(`không có chỉ tiêu "${f.indicator}"`, `unknown indicator "${f.indicator}"`);
    const period = checkPeriod(f.period, F, row, issues);
    let start = '';
    let end = '';
    if (period) {
      start = startDate(period);
      end = endDate(period);
      // A stock is a level at the period's end; a flow needs the place to exist over the whole period.
      const checkDates = ind?.nature === 'stock' ? [end] : [start, end];
      if (place && !checkDates.every((d) => isInForce(place, d))) {
        add(`"${f.place}" không có hiệu lực trong kỳ ${f.period}`, `"${f.place}" is not in force during ${f.period}`);
      }
    }
    for (const [dim, opt] of Object.entries(f.breakdown)) {
      if (!ind) break;
      if (!ind.disaggregations.includes(dim)) add(`chỉ tiêu "${ind.code}" không phân tổ theo "${dim}"`, `indicator "${ind.code}" has no "${dim}" breakdown`);
      else if (!allowedOptions(md, ind.code, dim).some((o) => o.code === opt)) add(`"${opt}" không phải giá trị của "${dim}" cho "${ind.code}"`, `"${opt}" is not an option of "${dim}" for "${ind.code}"`);
    }
    if ((f.value === null) !== (f.unit === null)) add('value và unit phải cùng có hoặc cùng trống', 'value and unit go together (both set or both null)');
    if (f.value === null && f.growth_pct === null && f.pct_of_plan === null) add('bản ghi không có số nào', 'the record carries no number');
    if (f.value === null && f.qualifier !== null) add('qualifier chỉ đi với value', 'a qualifier needs a value');
    let valueBase: number | null = null;
    if (ind && f.unit !== null && f.value !== null) {
      const uom = findUnitOfMeasure(md, f.unit);
      const factor = conversionFactor(md, f.unit, ind.base_unit);
      if (!uom) add(`đơn vị "${f.unit}" không có trong danh mục đơn vị đo`, `unit "${f.unit}" is not in the units of measure`);
      else if (f.unit_as_printed) {
        if (factor !== undefined) add(`"${f.unit}" quy đổi được sang "${ind.base_unit}": bỏ unit_as_printed`, `"${f.unit}" converts to "${ind.base_unit}": drop unit_as_printed`);
        if (!f.note) add('unit_as_printed cần ghi chú giải thích', 'unit_as_printed needs a note explaining it');
      } else if (factor === undefined) {
        add(`đơn vị "${f.unit}" không quy đổi được sang đơn vị gốc "${ind.base_unit}" của "${ind.code}"`, `unit "${f.unit}" does not convert to "${ind.code}"'s base unit "${ind.base_unit}"`);
      } else valueBase = tidy(f.value * factor);
    }
    if (period && ind) {
      figures.push({ ...f, period_key: periodKey(period), period_start: start, period_end: end, base_unit: ind.base_unit, value_base: valueBase });
    }
  });

  figFile.unmapped.forEach((u, i) => {
    const row = `unmapped[${i + 1}] (id "${u.id}")`;
    const add = (vi: string, en: string) => issues.push({ file: F, row, vi, en });
    if (ids.has(u.id)) add('id bị trùng', 'duplicate id');
    ids.add(u.id);
    if (!docs.has(u.source.document)) add(`không có tài liệu "${u.source.document}"`, `unknown document "${u.source.document}"`);
    if (!md.unitById.has(u.place)) add(`không có đơn vị "${u.place}"`, `unknown place "${u.place}"`);
    if (u.related_indicator !== null && !md.indicatorByCode.has(u.related_indicator)) add(`không có chỉ tiêu "${u.related_indicator}"`, `unknown indicator "${u.related_indicator}"`);
    const period = u.period === null ? null : checkPeriod(u.period, F, row, issues);
    for (const m of u.members) {
      const unit = md.unitById.get(m);
      if (!unit || unit.level !== 'province') add(`không có tỉnh "${m}"`, `unknown province "${m}"`);
      else if (period && !isInForce(unit, endDate(period))) add(`"${m}" không có hiệu lực trong kỳ ${u.period}`, `"${m}" is not in force during ${u.period}`);
    }
    if (u.kind === 'provinces_above_average' && (u.value === null || u.value !== u.members.length)) {
      add('số tỉnh (value) phải bằng số thành viên được nêu (members)', 'the count (value) must equal the members listed');
    }
  });

  for (const d of docs.values()) {
    const nf = figFile.figures.filter((f) => f.source.document === d.id).length;
    const nu = figFile.unmapped.filter((f) => f.source.document === d.id).length;
    if (nf !== d.figures_annotated || nu !== d.unmapped_annotated) {
      issues.push({
        file: DOCUMENTS_FILE,
        row: `id "${d.id}"`,
        vi: `đã chú giải ${d.figures_annotated} số liệu + ${d.unmapped_annotated} chưa ánh xạ, nhưng ${F} có ${nf} + ${nu}`,
        en: `annotated ${d.figures_annotated} figures + ${d.unmapped_annotated} unmapped, but ${F} has ${nf} + ${nu}`,
      });
    }
  }

  if (issues.length) throw new SeedFiguresError(issues);
  return { version: figFile.version, documents: [...docs.values()], figures, unmapped: figFile.unmapped };
}
