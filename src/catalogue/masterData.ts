// Master data: places (provinces, regions, the country, communes), successions, region memberships,
// ministry units, indicators, dimensions and units of measure, read from ./data, validated, and
// cross-checked. A bad file stops the load with every problem listed, in Vietnamese then English,
// naming the file and the row.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parse as parseCsv } from 'csv-parse/sync';
import type { z } from 'zod';
import { dayAfter, isIsoDate, overlaps, spans, within } from './dates.ts';
import { formulaOperands } from './indicators.ts';
import {
  communeRowSchema,
  dimensionsFileSchema,
  indicatorsFileSchema,
  membershipRowSchema,
  ministryUnitsFileSchema,
  regionsFileSchema,
  successionRowSchema,
  unitsFileSchema,
  unitsOfMeasureFileSchema,
  type Commune,
  type MasterData,
  type RegionMembership,
  type Succession,
  type Unit,
} from './masterDataSchema.ts';
import { unitKey } from './measures.ts';
import * as U from './units.ts';

export type {
  Commune,
  Dimension,
  DimensionOption,
  FormerName,
  Indicator,
  IndicatorWeights,
  LadderStep,
  MasterData,
  MinistryUnit,
  Quantity,
  RegionInfo,
  RegionMembership,
  Succession,
  Unit,
  UnitLevel,
  UnitOfMeasure,
} from './masterDataSchema.ts';
export type { InForceOptions } from './units.ts';
export { convert, conversionFactor, findUnitOfMeasure } from './measures.ts';
export { allowedOptions, evaluateFormula, formulaOperands, toDisplay } from './indicators.ts';

/** The data files, in load order. */
export const MASTER_DATA_FILES = {
  units: 'units.json',
  regions: 'regions.json',
  successions: 'successions.csv',
  memberships: 'region-memberships.csv',
  communes: 'communes.csv',
  ministryUnits: 'ministry-units.json',
  unitsOfMeasure: 'units-of-measure.json',
  dimensions: 'dimensions.json',
  indicators: 'indicators.json',
} as const;

export const DEFAULT_DATA_DIR = fileURLToPath(new URL('./data/', import.meta.url));

/** One problem in one row of one file. */
export interface MasterDataIssue {
  file: string;
  /** Vietnamese and English descriptions of the row ("mục 15 (id \"bac-giang\")", "item 15 ..."). */
  row_vi: string;
  row_en: string;
  vi: string;
  en: string;
}

/** Thrown when master data is wrong; `issues` lists every problem found. */
export class MasterDataError extends Error {
  readonly issues: MasterDataIssue[];
  constructor(issues: MasterDataIssue[]) {
    const vi = issues.map((i) => `  • ${i.file}${i.row_vi ? `, ${i.row_vi}` : ''}: ${i.vi}`);
    const en = issues.map((i) => `  • ${i.file}${i.row_en ? `, ${i.row_en}` : ''}: ${i.en}`);
    super(
      `Dữ liệu danh mục không hợp lệ (${issues.length} lỗi):\n${vi.join('\n')}\n` +
        `Invalid master data (${issues.length} error${issues.length === 1 ? '' : 's'}):\n${en.join('\n')}`,
    );
    this.name = 'MasterDataError';
    this.issues = issues;
  }
}

class Issues {
  list: MasterDataIssue[] = [];
  add(file: string, row: { vi: string; en: string } | null, vi: string, en: string): void {
    this.list.push({ file, row_vi: row?.vi ?? '', row_en: row?.en ?? '', vi, en });
  }
}

const jsonRow = (index: number, id?: string) => ({
  vi: `mục ${index + 1}${id ? ` (id "${id}")` : ''}`,
  en: `item ${index + 1}${id ? ` (id "${id}")` : ''}`,
});
const csvRow = (line: number) => ({ vi: `dòng ${line}`, en: `line ${line}` });

function readText(dir: string, file: string, issues: Issues): string | null {
  try {
    return readFileSync(join(dir, file), 'utf8').replace(/^\uFEFF/, '');
  } catch (e) {
    issues.add(file, null, `không đọc được tệp (${(e as Error).message})`, `cannot read the file (${(e as Error).message})`);
    return null;
  }
}

function zodIssues(file: string, error: z.ZodError, rowsKey: string | null, raw: unknown, issues: Issues, rowOf?: (path: PropertyKey[]) => { vi: string; en: string } | null): void {
  for (const iss of error.issues) {
    let row: { vi: string; en: string } | null = null;
    let path = iss.path;
    if (rowOf) {
      row = rowOf(path);
    } else if (rowsKey && path[0] === rowsKey && typeof path[1] === 'number') {
      const item = (raw as Record<string, unknown[]>)[rowsKey]?.[path[1]] as { id?: unknown; code?: unknown } | undefined;
      const id = typeof item?.id === 'string' ? item.id : typeof item?.code === 'string' ? item.code : undefined;
      row = jsonRow(path[1], id);
      path = path.slice(2);
    }
    const field = path.length ? path.join('.') : '(cả mục / whole item)';
    issues.add(file, row, `trường "${field}": ${iss.message}`, `field "${field}": ${iss.message}`);
  }
}

function readJson<S extends z.ZodType>(dir: string, file: string, schema: S, rowsKey: string, issues: Issues): z.infer<S> | null {
  const txt = readText(dir, file, issues);
  if (txt === null) return null;
  let raw: unknown;
  try {
    raw = JSON.parse(txt);
  } catch (e) {
    issues.add(file, null, `JSON sai cú pháp (${(e as Error).message})`, `invalid JSON (${(e as Error).message})`);
    return null;
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    zodIssues(file, parsed.error, rowsKey, raw, issues);
    return null;
  }
  return parsed.data;
}

function readCsv<S extends z.ZodType>(dir: string, file: string, schema: S, issues: Issues): { version: string | null; rows: { line: number; row: z.infer<S> }[] } | null {
  const txt = readText(dir, file, issues);
  if (txt === null) return null;
  const version = /^#\s*version\s*:\s*(\S+)/m.exec(txt)?.[1] ?? null;
  if (!version) issues.add(file, null, 'thiếu dòng đầu "# version: …"', 'missing the "# version: …" header comment');
  let records: { record: Record<string, string>; info: { lines: number } }[];
  try {
    records = parseCsv(txt, { columns: true, comment: '#', comment_no_infix: true, skip_empty_lines: true, trim: true, info: true }) as typeof records;
  } catch (e) {
    issues.add(file, null, `CSV sai cú pháp (${(e as Error).message})`, `invalid CSV (${(e as Error).message})`);
    return null;
  }
  const rows: { line: number; row: z.infer<S> }[] = [];
  for (const { record, info } of records) {
    const parsed = schema.safeParse(record);
    if (parsed.success) rows.push({ line: info.lines, row: parsed.data });
    else zodIssues(file, parsed.error, null, record, issues, () => csvRow(info.lines));
  }
  return { version, rows };
}

/**
 * Reads and checks the master data in `dir` (default: ./data next to this module).
 * Throws MasterDataError listing every problem.
 */
export function loadMasterData(dir: string = DEFAULT_DATA_DIR): MasterData {
  const issues = new Issues();
  const F = MASTER_DATA_FILES;
  const unitsFile = readJson(dir, F.units, unitsFileSchema, 'units', issues);
  const regionsFile = readJson(dir, F.regions, regionsFileSchema, 'regions', issues);
  const succFile = readCsv(dir, F.successions, successionRowSchema, issues);
  const memFile = readCsv(dir, F.memberships, membershipRowSchema, issues);
  const communeFile = readCsv(dir, F.communes, communeRowSchema, issues);
  const muFile = readJson(dir, F.ministryUnits, ministryUnitsFileSchema, 'ministry_units', issues);
  const uomFile = readJson(dir, F.unitsOfMeasure, unitsOfMeasureFileSchema, 'units', issues);
  const dimFile = readJson(dir, F.dimensions, dimensionsFileSchema, 'dimensions', issues);
  const indFile = readJson(dir, F.indicators, indicatorsFileSchema, 'indicators', issues);
  if (!unitsFile || !regionsFile || !succFile || !memFile || !communeFile || !muFile || !uomFile || !dimFile || !indFile) {
    throw new MasterDataError(issues.list);
  }

  // ---- units --------------------------------------------------------------------------------
  const units: Unit[] = [
    ...unitsFile.units.map((u) => ({
      id: u.id,
      code: u.code,
      level: u.level,
      kind: u.kind,
      name_vi: u.name_vi,
      name_en: u.name_en,
      short_vi: u.short_vi,
      short_en: u.short_en,
      aliases: u.aliases,
      valid_from: u.valid_from,
      valid_to: u.valid_to,
      unidentified: u.unidentified ?? false,
      former_names: u.former_names ?? [],
      note: u.note ?? null,
      region: null,
    })),
    ...regionsFile.regions.map((r) => ({
      id: r.id,
      code: null,
      level: r.level,
      kind: r.level,
      name_vi: r.name_vi,
      name_en: r.name_en,
      short_vi: r.short_vi,
      short_en: r.short_en,
      aliases: r.aliases,
      valid_from: r.valid_from,
      valid_to: r.valid_to,
      unidentified: false,
      former_names: [],
      note: `${r.note_vi} / ${r.note_en}`,
      region: {
        label_vi: r.label_vi,
        label_en: r.label_en,
        label_counted_vi: r.label_counted_vi,
        label_counted_en: r.label_counted_en,
        conference_name_vi: r.conference_name_vi,
        membership: r.membership,
        note_vi: r.note_vi,
        note_en: r.note_en,
      },
    })),
  ];
  const fileOfUnit = (u: Unit) => (u.region ? F.regions : F.units);
  const rowOfUnit = (u: Unit) =>
    u.region ? jsonRow(regionsFile.regions.findIndex((r) => r.id === u.id), u.id) : jsonRow(unitsFile.units.findIndex((r) => r.id === u.id), u.id);

  const unitById = new Map<string, Unit>();
  for (const u of units) {
    if (unitById.has(u.id)) issues.add(fileOfUnit(u), rowOfUnit(u), `id "${u.id}" bị trùng`, `id "${u.id}" is used twice`);
    unitById.set(u.id, u);
  }
  for (const u of units) {
    const row = rowOfUnit(u);
    const file = fileOfUnit(u);
    if (u.valid_to !== null && u.valid_to < u.valid_from) {
      issues.add(file, row, `valid_to (${u.valid_to}) trước valid_from (${u.valid_from})`, `valid_to (${u.valid_to}) is before valid_from (${u.valid_from})`);
    }
    if (u.level === 'province' && u.code === null && !u.unidentified) {
      issues.add(file, row, 'tỉnh đã xác định phải có mã', 'an identified province needs a code');
    }
    if (u.unidentified && u.code !== null) issues.add(file, row, 'đơn vị chưa xác định không được có mã', 'an unidentified unit must not have a code');
    for (const f of u.former_names) {
      if (!spans(u.valid_from, u.valid_to, f.valid_to)) {
        issues.add(file, row, `tên cũ "${f.name_vi}" có valid_to ngoài thời gian hiệu lực của đơn vị`, `former name "${f.name_en}" ends outside the unit's validity`);
      }
    }
  }
  // No two units share a code on the same date.
  const provinces = units.filter((u) => u.code !== null);
  for (let i = 0; i < provinces.length; i++) {
    for (let j = i + 1; j < provinces.length; j++) {
      const a = provinces[i]!;
      const b = provinces[j]!;
      if (a.code === b.code && overlaps(a.valid_from, a.valid_to, b.valid_from, b.valid_to)) {
        issues.add(F.units, rowOfUnit(b), `mã "${b.code}" trùng với đơn vị "${a.id}" trong cùng thời gian hiệu lực`, `code "${b.code}" is shared with unit "${a.id}" over the same dates`);
      }
    }
  }
  // No two units in force at the same time answer to the same name.
  const keyOwners = new Map<string, Unit[]>();
  for (const u of units) {
    if (u.unidentified) continue;
    for (const k of U.unitNameKeys(u)) keyOwners.set(k, [...(keyOwners.get(k) ?? []), u]);
  }
  for (const [k, owners] of keyOwners) {
    for (let i = 0; i < owners.length; i++) {
      for (let j = i + 1; j < owners.length; j++) {
        const a = owners[i]!;
        const b = owners[j]!;
        if (overlaps(a.valid_from, a.valid_to, b.valid_from, b.valid_to)) {
          issues.add(fileOfUnit(b), rowOfUnit(b), `tên "${k}" trùng với đơn vị "${a.id}" trong cùng thời gian hiệu lực`, `name "${k}" is shared with unit "${a.id}" over the same dates`);
        }
      }
    }
  }

  // ---- successions --------------------------------------------------------------------------
  const successions: Succession[] = [];
  const seenSucc = new Set<string>();
  for (const { line, row: s } of succFile.rows) {
    const r = csvRow(line);
    const p = unitById.get(s.predecessor);
    const n = unitById.get(s.successor);
    if (!p) issues.add(F.successions, r, `không có đơn vị "${s.predecessor}" (predecessor)`, `unknown unit "${s.predecessor}" (predecessor)`);
    if (!n) issues.add(F.successions, r, `không có đơn vị "${s.successor}" (successor)`, `unknown unit "${s.successor}" (successor)`);
    const key = `${s.predecessor}>${s.successor}`;
    if (seenSucc.has(key)) issues.add(F.successions, r, 'dòng bị trùng', 'duplicate row');
    seenSucc.add(key);
    if (p && n) {
      if (p.level !== n.level) issues.add(F.successions, r, 'hai đơn vị khác cấp', 'the two units are of different levels');
      if (n.valid_from !== s.effective_date) {
        issues.add(F.successions, r, `effective_date ${s.effective_date} khác ngày bắt đầu của "${n.id}" (${n.valid_from})`, `effective_date ${s.effective_date} differs from "${n.id}"'s start (${n.valid_from})`);
      }
      if (p.valid_to === null || dayAfter(p.valid_to) !== n.valid_from) {
        issues.add(
          F.successions,
          r,
          `"${n.id}" phải bắt đầu ngay sau ngày "${p.id}" kết thúc (${p.valid_to ?? 'chưa kết thúc'})`,
          `"${n.id}" must start the day after "${p.id}" ends (${p.valid_to ?? 'not ended'})`,
        );
      }
    }
    successions.push(s);
  }
  for (const u of units) {
    if (u.level === 'province' && !u.unidentified && u.valid_to !== null && !successions.some((s) => s.predecessor === u.id)) {
      issues.add(F.units, rowOfUnit(u), `tỉnh kết thúc ngày ${u.valid_to} nhưng không có đơn vị kế thừa (successions.csv)`, `province ends on ${u.valid_to} but has no successor (successions.csv)`);
    }
  }

  // ---- memberships --------------------------------------------------------------------------
  const memberships: RegionMembership[] = [];
  for (const { line, row: m } of memFile.rows) {
    const r = csvRow(line);
    const region = unitById.get(m.region);
    const unit = unitById.get(m.unit);
    if (!region || region.level !== 'region') issues.add(F.memberships, r, `"${m.region}" không phải là khu vực`, `"${m.region}" is not a region`);
    if (!unit || unit.level !== 'province') issues.add(F.memberships, r, `không có tỉnh, thành phố "${m.unit}"`, `unknown province "${m.unit}"`);
    if (m.valid_to !== null && m.valid_to < m.valid_from) issues.add(F.memberships, r, 'valid_to trước valid_from', 'valid_to is before valid_from');
    if (unit && unit.unidentified) issues.add(F.memberships, r, `"${unit.id}" chưa xác định: không thuộc khu vực nào`, `"${unit.id}" is unidentified: it belongs to no region`);
    if (unit && !within(m.valid_from, m.valid_to, unit.valid_from, unit.valid_to)) {
      issues.add(
        F.memberships,
        r,
        `"${unit.id}" không có hiệu lực suốt ${m.valid_from} – ${m.valid_to ?? '…'} (đơn vị: ${unit.valid_from} – ${unit.valid_to ?? '…'})`,
        `"${unit.id}" is not valid throughout ${m.valid_from} – ${m.valid_to ?? '…'} (unit: ${unit.valid_from} – ${unit.valid_to ?? '…'})`,
      );
    }
    if (region && !within(m.valid_from, m.valid_to, region.valid_from, region.valid_to)) {
      issues.add(F.memberships, r, `khu vực "${region.id}" không có hiệu lực suốt thời gian này`, `region "${region.id}" is not valid throughout this window`);
    }
    const clash = memberships.find((o) => o.region === m.region && o.unit === m.unit && overlaps(o.valid_from, o.valid_to, m.valid_from, m.valid_to));
    if (clash) issues.add(F.memberships, r, `chồng lấn với dòng khác của ${m.unit} trong ${m.region}`, `overlaps another row of ${m.unit} in ${m.region}`);
    memberships.push({ ...m });
  }
  // The country's members: every identified province, over its validity.
  for (const c of units.filter((u) => u.region?.membership === 'all-provinces-in-force')) {
    for (const p of units.filter((u) => u.level === 'province' && !u.unidentified)) {
      memberships.push({ region: c.id, unit: p.id, valid_from: p.valid_from, valid_to: p.valid_to, basis: 'derived' });
    }
  }
  for (const rg of units.filter((u) => u.region?.membership === 'listed')) {
    if (!memberships.some((m) => m.region === rg.id)) issues.add(F.memberships, null, `khu vực "${rg.id}" không có thành viên`, `region "${rg.id}" has no members`);
  }
  // Every identified province in force belongs to at least one region, at every date where something changes.
  const breakpoints = new Set<string>();
  for (const u of units) {
    breakpoints.add(u.valid_from);
    if (u.valid_to) breakpoints.add(dayAfter(u.valid_to));
  }
  for (const m of memberships) {
    breakpoints.add(m.valid_from);
    if (m.valid_to) breakpoints.add(dayAfter(m.valid_to));
  }
  for (const d of [...breakpoints].sort()) {
    for (const p of units) {
      if (p.level !== 'province' || p.unidentified || !spans(p.valid_from, p.valid_to, d)) continue;
      if (!memberships.some((m) => m.unit === p.id && m.basis !== 'derived' && spans(m.valid_from, m.valid_to, d))) {
        issues.add(F.memberships, null, `"${p.id}" không thuộc khu vực nào vào ngày ${d}`, `"${p.id}" belongs to no region on ${d}`);
      }
    }
  }

  // ---- communes -----------------------------------------------------------------------------
  const communes: Commune[] = [];
  for (const { line, row: c } of communeFile.rows) {
    const r = csvRow(line);
    const parent = unitById.get(c.parent);
    if (!parent || parent.level !== 'province') issues.add(F.communes, r, `không có tỉnh "${c.parent}"`, `unknown province "${c.parent}"`);
    else if (!within(c.valid_from, c.valid_to, parent.valid_from, parent.valid_to)) {
      issues.add(F.communes, r, `tỉnh "${c.parent}" không có hiệu lực suốt thời gian của xã`, `province "${c.parent}" is not valid throughout the commune's validity`);
    }
    if (unitById.has(c.id) || communes.some((o) => o.id === c.id)) issues.add(F.communes, r, `id "${c.id}" bị trùng`, `id "${c.id}" is used twice`);
    if (communes.some((o) => o.code === c.code && overlaps(o.valid_from, o.valid_to, c.valid_from, c.valid_to))) {
      issues.add(F.communes, r, `mã "${c.code}" trùng trong cùng thời gian hiệu lực`, `code "${c.code}" is shared over the same dates`);
    }
    communes.push({ ...c, level: 'commune' });
  }

  // ---- ministry units -----------------------------------------------------------------------
  const ministryUnits = muFile.ministry_units;
  const ministryUnitById = new Map(ministryUnits.map((m) => [m.id, m]));
  ministryUnits.forEach((m, i) => {
    const r = jsonRow(i, m.id);
    if (ministryUnits.findIndex((o) => o.id === m.id) !== i) issues.add(F.ministryUnits, r, 'id bị trùng', 'duplicate id');
    if (m.valid_from && m.valid_to && m.valid_to < m.valid_from) issues.add(F.ministryUnits, r, 'valid_to trước valid_from', 'valid_to is before valid_from');
    if (m.successor) {
      const s = ministryUnitById.get(m.successor);
      if (!s) issues.add(F.ministryUnits, r, `không có đơn vị kế thừa "${m.successor}"`, `unknown successor "${m.successor}"`);
      else if (!m.valid_to || s.valid_from !== dayAfter(m.valid_to)) {
        issues.add(F.ministryUnits, r, `"${s.id}" phải bắt đầu ngay sau ngày "${m.id}" kết thúc`, `"${s.id}" must start the day after "${m.id}" ends`);
      }
    }
  });

  // ---- units of measure ---------------------------------------------------------------------
  const quantities = uomFile.quantities;
  const unitsOfMeasure = uomFile.units;
  const uomKeys = new Map<string, string>();
  unitsOfMeasure.forEach((u, i) => {
    const r = jsonRow(i, u.code);
    if (!quantities.some((q) => q.code === u.quantity)) issues.add(F.unitsOfMeasure, r, `không có đại lượng "${u.quantity}"`, `unknown quantity "${u.quantity}"`);
    for (const s of [u.code, ...u.aliases]) {
      const k = unitKey(s);
      const owner = uomKeys.get(k);
      if (owner !== undefined && owner !== u.code) issues.add(F.unitsOfMeasure, r, `cách viết "${s}" trùng với đơn vị "${owner}"`, `spelling "${s}" is shared with unit "${owner}"`);
      uomKeys.set(k, u.code);
    }
  });
  quantities.forEach((q, i) => {
    const ref = unitsOfMeasure.find((u) => u.code === q.reference);
    if (!ref || ref.quantity !== q.code || ref.factor !== 1) {
      issues.add(F.unitsOfMeasure, { vi: `đại lượng ${i + 1} (${q.code})`, en: `quantity ${i + 1} (${q.code})` }, `đơn vị tham chiếu "${q.reference}" phải thuộc đại lượng này, hệ số 1`, `reference unit "${q.reference}" must measure this quantity with factor 1`);
    }
  });
  const uomByCode = new Map(unitsOfMeasure.map((u) => [u.code, u]));

  // ---- dimensions ---------------------------------------------------------------------------
  const dimensions = dimFile.dimensions;
  const dimensionByCode = new Map(dimensions.map((d) => [d.code, d]));
  dimensions.forEach((d, i) => {
    const r = jsonRow(i, d.code);
    if (dimensions.findIndex((o) => o.code === d.code) !== i) issues.add(F.dimensions, r, 'mã chiều bị trùng', 'duplicate dimension code');
    const codes = new Set<string>();
    for (const o of d.options) {
      if (codes.has(o.code)) issues.add(F.dimensions, r, `mã "${o.code}" bị trùng`, `option code "${o.code}" is used twice`);
      codes.add(o.code);
    }
    for (const o of d.options) {
      if (o.parent && !d.options.some((p) => p.code === o.parent && p.level === 'section')) {
        issues.add(F.dimensions, r, `option "${o.code}": không có ngành cấp trên "${o.parent}"`, `option "${o.code}": unknown parent "${o.parent}"`);
      }
    }
  });

  // ---- indicators ---------------------------------------------------------------------------
  const indicators = indFile.indicators;
  const indicatorByCode = new Map(indicators.map((d) => [d.code, d]));
  indicators.forEach((ind, i) => {
    const r = jsonRow(i, ind.code);
    const add = (vi: string, en: string) => issues.add(F.indicators, r, vi, en);
    if (indicators.findIndex((o) => o.code === ind.code) !== i) add('mã chỉ tiêu bị trùng', 'duplicate indicator code');
    const base = uomByCode.get(ind.base_unit);
    if (!base) add(`đơn vị gốc "${ind.base_unit}" không có trong ${F.unitsOfMeasure}`, `base unit "${ind.base_unit}" is not in ${F.unitsOfMeasure}`);
    let prev: { factor: number; use_from: number } | null = null;
    for (const step of ind.ladder) {
      const u = uomByCode.get(step.unit);
      if (!u) add(`bậc đơn vị "${step.unit}" không có trong ${F.unitsOfMeasure}`, `ladder unit "${step.unit}" is not in ${F.unitsOfMeasure}`);
      else if (base && u.quantity !== base.quantity) add(`bậc đơn vị "${step.unit}" không quy đổi được sang "${ind.base_unit}"`, `ladder unit "${step.unit}" does not convert to "${ind.base_unit}"`);
      else if (base && Math.abs(u.factor / base.factor - step.factor) > 1e-9 * step.factor) {
        add(`bậc "${step.unit}": hệ số ${step.factor} khác ${u.factor / base.factor} (theo ${F.unitsOfMeasure})`, `ladder "${step.unit}": factor ${step.factor} differs from ${u.factor / base.factor} (per ${F.unitsOfMeasure})`);
      }
      if (prev && (step.factor <= prev.factor || step.use_from < prev.use_from)) add('các bậc đơn vị phải tăng dần', 'ladder rungs must ascend');
      prev = step;
    }
    if (ind.ladder[0] && ind.ladder[0].factor !== 1) add('bậc đầu tiên phải là đơn vị gốc (hệ số 1)', 'the first rung must be the base unit (factor 1)');
    if (ind.aggregation === 'derived') {
      if (!ind.formula) add('chỉ tiêu derived phải có formula', 'a derived indicator needs a formula');
      else {
        try {
          for (const op of formulaOperands(ind.formula)) {
            const o = indicatorByCode.get(op);
            if (!o) add(`công thức nêu chỉ tiêu không có "${op}"`, `the formula names unknown indicator "${op}"`);
            else if (op === ind.code) add('công thức tự tham chiếu', 'the formula refers to itself');
            else if (o.base_unit !== ind.base_unit) add(`"${op}" có đơn vị gốc "${o.base_unit}" khác "${ind.base_unit}"`, `"${op}" has base unit "${o.base_unit}", not "${ind.base_unit}"`);
          }
        } catch (e) {
          add(`công thức sai: ${(e as Error).message}`, `malformed formula: ${(e as Error).message}`);
        }
      }
    } else if (ind.formula) add('chỉ chỉ tiêu derived mới có formula', 'only derived indicators have a formula');
    if (ind.aggregation === 'weighted_index' && !ind.weights) add('chỉ tiêu weighted_index phải nêu nguồn quyền số (weights)', 'a weighted_index indicator needs its weight source (weights)');
    if (ind.aggregation !== 'weighted_index' && ind.weights) add('chỉ chỉ tiêu weighted_index mới có weights', 'only weighted_index indicators have weights');
    if (ind.nature === 'index' && ind.aggregation === 'sum') add('chỉ số không cộng được', 'an index cannot be summed');
    for (const d of ind.disaggregations) {
      if (!dimensionByCode.has(d)) add(`không có chiều phân tổ "${d}"`, `unknown dimension "${d}"`);
    }
  });

  if (issues.list.length) throw new MasterDataError(issues.list);

  return {
    dir,
    versions: {
      [F.units]: unitsFile.version,
      [F.regions]: regionsFile.version,
      [F.successions]: succFile.version ?? '',
      [F.memberships]: memFile.version ?? '',
      [F.communes]: communeFile.version ?? '',
      [F.ministryUnits]: muFile.version,
      [F.unitsOfMeasure]: uomFile.version,
      [F.dimensions]: dimFile.version,
      [F.indicators]: indFile.version,
    },
    units,
    communes,
    successions,
    memberships,
    ministryUnits,
    quantities,
    unitsOfMeasure,
    dimensions,
    indicators,
    unitById,
    indicatorByCode,
    dimensionByCode,
    ministryUnitById,
  };
}

let cached: MasterData | undefined;

/** The master data shipped in ./data, loaded once. */
export function masterData(): MasterData {
  cached ??= loadMasterData();
  return cached;
}

function checkDate(date: string): string {
  if (!isIsoDate(date)) throw new RangeError(`Ngày không hợp lệ / invalid date: "${date}" (YYYY-MM-DD)`);
  return date;
}

// ---- helpers over the shipped master data (pass `md` to use another) ---------------------------

/** Units of a level (default provinces) in force on the date: 63 on 2025-06-30, 34 on 2025-07-01. */
export function unitsInForce(date: string, options?: U.InForceOptions, md: MasterData = masterData()): Unit[] {
  return U.unitsInForce(md, checkDate(date), options);
}

/** The province that had `code` on the date: code + date identifies a unit, a code alone never does. */
export function unitByCode(code: string | number, date: string, md: MasterData = masterData()): Unit | undefined {
  return U.unitByCode(md, code, checkDate(date));
}

/** The unit a name means (diacritic/case-insensitive, aliases), in force on `date` when given. */
export function findUnitByName(text: string, date?: string, md: MasterData = masterData()): Unit | undefined {
  return U.findUnitByName(md, text, date === undefined ? undefined : checkDate(date));
}

/** Every unit a name may mean, in force on `date` when given. */
export function findUnitsByName(text: string, date?: string, md: MasterData = masterData()): Unit[] {
  return U.findUnitsByName(md, text, date === undefined ? undefined : checkDate(date));
}

/** Members of a region (north, south, central) or of the country (national) on the date. */
export function regionMembers(regionId: string, date: string, md: MasterData = masterData()): Unit[] {
  return U.regionMembers(md, regionId, checkDate(date));
}

/** The regions a province belongs to on the date (Thanh Hóa on 2025-10-17: north and central). */
export function regionsOf(unitId: string, date: string, md: MasterData = masterData()): Unit[] {
  return U.regionsOf(md, unitId, checkDate(date));
}

/** Units in force on the date whose values sum to this unit (itself if it spans the date). */
export function predecessorsAt(unitId: string, date: string, md: MasterData = masterData()): Unit[] {
  return U.predecessorsAt(md, unitId, checkDate(date));
}

/** The unit in force on the date that contains this one (itself, or its successor). */
export function successorAt(unitId: string, date: string, md: MasterData = masterData()): Unit | undefined {
  return U.successorAt(md, unitId, checkDate(date));
}

/** The unit's official names on the date. */
export function namesAt(unitId: string, date: string, md: MasterData = masterData()) {
  return U.namesAt(md, unitId, checkDate(date));
}

/** A region's label in text on the date, optionally counted ("28 tỉnh, thành phố khu vực phía Bắc"). */
export function regionLabel(regionId: string, date: string, options?: { lang?: 'vi' | 'en'; counted?: boolean }, md: MasterData = masterData()): string | undefined {
  return U.regionLabel(md, regionId, checkDate(date), options);
}

/** The indicator with this code, or undefined. */
export function indicatorByCode(code: string, md: MasterData = masterData()) {
  return md.indicatorByCode.get(code);
}
