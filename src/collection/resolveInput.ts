// Turning what a user wrote into a value key and content: the unit by id or by code on the period's
// date, the indicator, the period in any of its written forms, the disaggregation, and the number
// converted from the unit as written into the indicator's storage unit. Every problem is reported
// per row and field, in Vietnamese then English; nothing is guessed.
import type { Reference } from '../catalogue/reference.ts';
import { inForce } from '../catalogue/reference.ts';
import { endDate, parsePeriod, periodKey } from '../periods/period.ts';
import { STATUS_CODE, measureOf, type ValueWrite } from './valueModel.ts';
import { STATUS_WORDS, type FieldError, type ValueInput } from './valueInput.ts';
import type { UnitConverter } from './units.ts';

export interface ResolvedInput {
  write: Omit<ValueWrite, 'breakdownId'> & { breakdownId: number | null };
  breakdownSignature: string; // '' = total
}

export interface BreakdownResolver {
  /** dimension code → option code → option id */
  options: Map<string, Map<string, number>>;
}

export function resolveInput(
  ref: Reference, conv: UnitConverter, dims: BreakdownResolver, input: ValueInput, row: number,
): { ok: ResolvedInput } | { errors: FieldError[] } {
  const errors: FieldError[] = [];
  const err = (field: string, messageVi: string, messageEn: string) => errors.push({ row, field, messageVi, messageEn });

  const period = parsePeriod(input.period);
  if (!period) err('period', `Kỳ "${input.period}" không đọc được (ví dụ: 9T/2024, tháng 10/2024, quý III/2024).`, `Unreadable period "${input.period}".`);
  const ind = ref.indicatorsByCode.get(input.indicator.trim());
  if (!ind) err('indicator', `Không có chỉ tiêu mã "${input.indicator}".`, `Unknown indicator "${input.indicator}".`);
  const unit = period ? findUnit(ref, input.place.trim(), endDate(period)) : null;
  if (period && !unit) {
    err('place', `Không có đơn vị "${input.place}" còn hiệu lực vào ${endDate(period)} (ngày cuối kỳ).`, `No unit "${input.place}" in force on ${endDate(period)} (end of period).`);
  }
  // A derived figure is computed from its components for provinces; a region's published one is kept as published.
  if (ind?.aggregation === 'derived' && unit && (unit.level === 'province' || unit.level === 'commune')) {
    err('indicator', `Chỉ tiêu "${ind.nameVi}" được tính từ chỉ tiêu khác (${ind.formula}); hãy nhập các thành phần.`, `"${ind.nameEn}" is derived (${ind.formula}); enter its components.`);
  }
  const statusName = STATUS_WORDS[input.status.trim().toLowerCase()];
  if (!statusName) err('status', `Trạng thái "${input.status}" không hợp lệ (ước tính, chính thức, kế hoạch).`, `Invalid status "${input.status}" (estimate, official, plan).`);

  const before = errors.length;
  const value = number(input.value, 'value', err);
  const growthPct = number(input.growth_pct, 'growth_pct', err);
  const pctOfPlan = number(input.pct_of_plan, 'pct_of_plan', err);
  const numbersOk = errors.length === before;
  let stored = value;
  if (ind && value !== null && value !== undefined) {
    const written = input.unit?.trim() || ind.baseUnit;
    const factor = conv.factor(written, ind.baseUnit);
    if (factor === null) {
      err('unit', `Đơn vị tính "${written}" không quy đổi được sang "${ind.baseUnit}" của chỉ tiêu này.`, `Unit "${written}" does not convert to this indicator's "${ind.baseUnit}".`);
    } else stored = value * factor;
  }
  if (numbersOk && !input.delete && (value ?? null) === null && (growthPct ?? null) === null && (pctOfPlan ?? null) === null) {
    err('value', 'Cần ít nhất giá trị, tốc độ tăng hoặc % kế hoạch.', 'A value, a growth rate or a % of plan is required.');
  }
  // An index (IIP) published as "tăng 10,73%" is the index 110,73 (same period last year = 100).
  if (ind?.aggregation === 'weighted_index' && (value ?? null) === null && growthPct != null && numbersOk) stored = 100 + growthPct;
  const signature = ind ? breakdownSignature(input.breakdown, dims, (m, e) => err('breakdown', m, e)) : '';
  if (errors.length || !period || !ind || !unit || !statusName) return { errors };
  return {
    ok: {
      breakdownSignature: signature ?? '',
      write: {
        period: periodKey(period), indicatorId: ind.id, unitId: unit.id, breakdownId: signature === '' ? 0 : null,
        measure: measureOf(statusName), value: stored ?? null, status: STATUS_CODE[statusName],
        growthPct: growthPct ?? null, pctOfPlan: pctOfPlan ?? null, qualifier: input.qualifier ?? null,
        note: input.note ?? null, expectedVersion: input.expected_version, delete: input.delete,
      },
    },
  };
}

/** By id first; then by statistics code, which only names a unit together with a date. */
function findUnit(ref: Reference, place: string, date: string) {
  const bySlug = ref.unitsBySlug.get(place);
  if (bySlug) return inForce(bySlug, date) ? bySlug : null;
  for (const u of ref.unitsById.values()) if (u.code === place && u.level === 'province' && inForce(u, date)) return u;
  return null;
}

/** Numbers as machines write them (dot decimal, no thousands separators): unambiguous in CSV. */
function number(x: unknown, field: string, err: (f: string, vi: string, en: string) => void): number | null | undefined {
  if (x === undefined || x === null || x === '') return x === undefined ? undefined : null;
  if (typeof x === 'number') {
    if (Number.isFinite(x)) return x;
  } else if (typeof x === 'string' && /^\s*-?\d+(\.\d+)?([eE][-+]?\d+)?\s*$/.test(x)) {
    return Number(x);
  }
  err(field, `"${String(x)}" không phải là số (dùng dấu chấm thập phân, không dùng dấu phân cách hàng nghìn: 2442330.5).`,
    `"${String(x)}" is not a number (use a decimal point and no thousands separators).`);
  return undefined;
}

/** "commodity_group=rice;partner_market=cn" in dimension order; '' for the total. */
function breakdownSignature(b: ValueInput['breakdown'], dims: BreakdownResolver, err: (vi: string, en: string) => void): string | null {
  if (b === undefined || b === '' || (typeof b === 'object' && !Object.keys(b).length)) return '';
  const pairs = typeof b === 'string'
    ? b.split(/[;|]/).filter(Boolean).map((kv) => kv.split('=').map((s) => s.trim()) as [string, string?])
    : Object.entries(b);
  const parts: string[] = [];
  for (const [dim, opt] of pairs) {
    const options = dims.options.get(dim);
    if (!options) {
      err(`Không có phân tổ "${dim}".`, `Unknown disaggregation "${dim}".`);
      return null;
    }
    if (!opt || !options.has(opt)) {
      err(`Phân tổ "${dim}" không có lựa chọn "${opt ?? ''}".`, `Disaggregation "${dim}" has no option "${opt ?? ''}".`);
      return null;
    }
    parts.push(`${dim}=${opt}`);
  }
  return parts.sort().join(';');
}
