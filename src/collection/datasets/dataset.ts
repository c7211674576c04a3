// Data sets (bộ chỉ tiêu báo cáo): which indicators, which disaggregations, which periodicity, and the
// validation rules of each item. Pure: the shape, its checks and which cells a reporting period has.
import { z } from 'zod';
import type { IndicatorRef } from '../../catalogue/reference.ts';
import { makePeriod, monthRange, periodCode, type Period, type PeriodKind } from '../../periods/period.ts';

export const PERIODICITIES = ['month', 'quarter', 'half', 'year'] as const;
export type Periodicity = (typeof PERIODICITIES)[number];
export const REGIMES = ['decree09', 'statistics'] as const;
export type Regime = (typeof REGIMES)[number];
/** period: the reporting period itself (tháng 10) · ytd: cumulative from January (10 tháng). */
export type Basis = 'period' | 'ytd';

export const datasetDefinitionSchema = z.object({
  code: z.string().regex(/^[a-z0-9][a-z0-9_-]{1,63}$/, 'mã: chữ thường, số, - và _ / code: lower-case letters, digits, - and _'),
  name_vi: z.string().min(1).max(300),
  name_en: z.string().min(1).max(300),
  periodicity: z.enum(PERIODICITIES),
  regime: z.enum(REGIMES).default('decree09').describe('decree09: kỳ chốt số liệu theo Nghị định 09/2019 / data cut-offs; statistics: kỳ lịch / calendar periods'),
  cutoff_day: z.number().int().min(1).max(28).default(15).describe('ngày chốt số liệu / cut-off day'),
  working_days_after: z.number().int().min(0).max(60).default(2).describe('hạn nộp: số ngày làm việc sau ngày chốt / deadline: working days after the cut-off'),
  ministry_unit: z.string().max(100).nullable().optional().describe('đơn vị thuộc Bộ duyệt bộ số liệu này / ministry unit that reviews it'),
  active: z.boolean().default(true),
  items: z.array(z.object({
    indicator: z.string().min(1),
    breakdown: z.string().max(500).default('').describe('phân tổ, vd. "commodity_group=rice" / disaggregation'),
    basis: z.enum(['period', 'ytd']).default('period'),
    required: z.boolean().default(true),
    plan: z.boolean().default(false).describe('thu kế hoạch năm / collects the annual plan'),
    integer: z.boolean().default(false),
    min: z.number().nullable().optional(),
    max: z.number().nullable().optional(),
    growth_band: z.number().positive().max(1000).nullable().optional()
      .describe('điểm % lệch khỏi lịch sử của đơn vị trước khi cảnh báo / percentage points off the unit\'s history before a warning'),
  })).min(1).max(500),
});
export type DatasetDefinition = z.input<typeof datasetDefinitionSchema>;
export type ParsedDefinition = z.output<typeof datasetDefinitionSchema>;

export interface DatasetItem {
  position: number;
  indicatorId: number;
  breakdownId: number;
  breakdown: string; // signature, '' = total
  basis: Basis;
  required: boolean;
  withPlan: boolean;
  integerOnly: boolean;
  min: number | null;
  max: number | null;
  growthBand: number | null;
}

export interface Dataset {
  id: number;
  code: string;
  nameVi: string;
  nameEn: string;
  periodicity: Periodicity;
  regime: Regime;
  cutoffDay: number;
  workingDaysAfter: number;
  ministryUnitId: number | null;
  ministryUnitSlug: string | null;
  active: boolean;
  version: number;
  items: DatasetItem[];
}

/** Problems a definition has against the catalogue, in Vietnamese then English. */
export function definitionProblems(d: ParsedDefinition, indicators: Map<string, IndicatorRef>): { field: string; messageVi: string; messageEn: string }[] {
  const out: { field: string; messageVi: string; messageEn: string }[] = [];
  const seen = new Set<string>();
  const planned = new Set<string>();
  d.items.forEach((it, i) => {
    const field = `items.${i}`;
    const ind = indicators.get(it.indicator);
    if (!ind) return void out.push({ field, messageVi: `Không có chỉ tiêu "${it.indicator}".`, messageEn: `Unknown indicator "${it.indicator}".` });
    if (ind.aggregation === 'derived') {
      out.push({ field, messageVi: `"${ind.nameVi}" được tính từ chỉ tiêu khác; tỉnh nhập các thành phần.`, messageEn: `"${ind.nameEn}" is derived; provinces enter its components.` });
    }
    if (it.basis === 'ytd' && (d.periodicity === 'year' || ind.nature === 'stock')) {
      out.push({ field, messageVi: 'Lũy kế chỉ dùng cho chỉ tiêu thời kỳ trong báo cáo tháng, quý, 6 tháng.', messageEn: 'Cumulative basis is for flow indicators in sub-annual reports.' });
    }
    if (it.min != null && it.max != null && it.min > it.max) out.push({ field, messageVi: 'Giá trị nhỏ nhất lớn hơn giá trị lớn nhất.', messageEn: 'min is above max.' });
    const key = `${it.indicator}|${it.breakdown}|${it.basis}`;
    if (seen.has(key)) out.push({ field, messageVi: 'Chỉ tiêu lặp lại (cùng phân tổ và cách tính).', messageEn: 'Item repeated (same disaggregation and basis).' });
    seen.add(key);
    if (it.plan) {
      const pk = `${it.indicator}|${it.breakdown}`;
      if (planned.has(pk)) out.push({ field, messageVi: 'Kế hoạch năm chỉ thu ở một dòng cho mỗi chỉ tiêu.', messageEn: 'The annual plan is collected on one row per indicator.' });
      planned.add(pk);
    }
  });
  return out;
}

const KIND_OF: Record<Periodicity, PeriodKind> = { month: 'month', quarter: 'quarter', half: 'half', year: 'year' };

/** The reporting periods of a data set in a year: T1..T12, Q1..Q4, H1..H2 or the year. */
export function periodsOfYear(periodicity: Periodicity, year: number): Period[] {
  const count = { month: 12, quarter: 4, half: 2, year: 1 }[periodicity];
  return Array.from({ length: count }, (_, i) => makePeriod(KIND_OF[periodicity], year, periodicity === 'year' ? 0 : i + 1));
}

/** Whether `p` is one of the data set's reporting periods (Q1 arrives as 3T/2024, its canonical form). */
export function isReportingPeriod(periodicity: Periodicity, p: Period): boolean {
  return periodsOfYear(periodicity, p.year).some((q) => periodCode(q) === periodCode(p));
}

/** The period an item's figure is stored under for a reporting period. */
export function cellPeriod(basis: Basis, p: Period): Period {
  return basis === 'ytd' ? makePeriod('ytd', p.year, monthRange(p).last) : p;
}

const STEP: Record<Periodicity, number> = { month: 1, quarter: 3, half: 6, year: 12 };

/** The data set's reporting period before `p` in the same year (T9 for T10, Q2 for Q3), or null. */
export function previousReportingPeriod(periodicity: Periodicity, p: Period): Period | null {
  const last = monthRange(p).last - STEP[periodicity];
  if (last <= 0) return null;
  return periodicity === 'month' ? makePeriod('month', p.year, last) : makePeriod(KIND_OF[periodicity], p.year, last / STEP[periodicity]);
}

/** The cumulative of the previous report (9T for 10T in a monthly data set, 6T for Q3), or null at
 *  the first report of the year. */
export function previousCumulative(periodicity: Periodicity, p: Period): Period | null {
  const prev = previousReportingPeriod(periodicity, p);
  return prev ? cellPeriod('ytd', prev) : null;
}

export const planPeriod = (p: Period): Period => makePeriod('year', p.year);
