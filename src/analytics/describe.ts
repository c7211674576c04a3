// Sentences for a regional figure, written as the sector's reports write them:
// "Tổng mức bán lẻ hàng hóa và doanh thu dịch vụ của khu vực phía Nam 9 tháng đầu năm 2024 đạt hơn
// 2.442 nghìn tỷ đồng, tăng 12,47% so với cùng kỳ năm trước."
import type { IndicatorRef, Reference, UnitRef } from '../catalogue/reference.ts';
import { formatNumber, formatPercent, formatGrowth, formatGrowthVsSamePeriod, joinNames, readableQuantity, type Lang, type ScaleUnit } from '../shared/format.ts';
import { formatPeriod, parseCode } from '../periods/period.ts';
import type { RegionalFigure } from './regional.ts';

const QUALIFIER_EN: Record<string, string> = { 'hơn': 'over', 'trên': 'over', 'gần': 'nearly', 'khoảng': 'about' };

export interface FigureText {
  headline: string;
  coverage: string;
  aboveAverage: string | null;
  value: string | null;
  growth: string | null;
  source: 'computed' | 'published' | 'none';
}

export function ladderOf(ind: IndicatorRef): ScaleUnit[] {
  const ladder = (ind.meta.ladder as Array<{ unit: string; unit_en?: string; unitEn?: string; factor: number }> | undefined) ?? [];
  const list = ladder.map((l) => ({ unit: l.unit, unitEn: l.unitEn ?? l.unit_en, factor: l.factor }));
  return list.length ? list : [{ unit: ind.baseUnit, factor: 1 }];
}

export function quantityText(ind: IndicatorRef, value: number, lang: Lang, significant?: number): string {
  if (ind.aggregation === 'weighted_index' || ind.baseUnit === '%') return formatPercent(value, lang);
  return readableQuantity(value, ladderOf(ind), lang, significant ? { significant } : {}).text;
}

/**
 * A figure as published, never re-rounded (re-rounding could contradict the article's own "hơn"):
 * in the largest unit where it needs at most two decimals — 2.442.000 tỷ đồng → 2.442 nghìn tỷ đồng,
 * 108.400 triệu USD → 108,4 tỷ USD, 73.809 tỷ đồng stays 73.809 tỷ đồng.
 */
export function exactQuantityText(ind: IndicatorRef, value: number, lang: Lang): string {
  if (ind.aggregation === 'weighted_index' || ind.baseUnit === '%') return formatPercent(value, lang);
  const ladder = [...ladderOf(ind)].sort((a, b) => b.factor - a.factor);
  for (const step of ladder) {
    const n = value / step.factor;
    const twoDecimals = Math.round(n * 100) / 100;
    if (Math.abs(n) >= 1 && Math.abs(twoDecimals - n) <= 1e-9 * Math.max(1, Math.abs(n))) {
      return `${formatNumber(twoDecimals, lang, { decimals: 2 })} ${lang === 'en' ? step.unitEn ?? step.unit : step.unit}`;
    }
  }
  return `${formatNumber(value, lang, { decimals: 6 })} ${ind.baseUnit}`;
}

/** How a sentence names the indicator: its prose form when the catalogue gives one, else its name. */
export function proseName(ind: IndicatorRef, lang: Lang): string {
  const prose = lang === 'vi' ? ind.meta.prose_vi : ind.meta.prose_en;
  return typeof prose === 'string' ? prose : lang === 'vi' ? ind.nameVi : ind.nameEn;
}

export function regionLabel(u: UnitRef, lang: Lang): string {
  const label = lang === 'vi' ? u.meta.label_vi : u.meta.label_en;
  return typeof label === 'string' ? label : lang === 'vi' ? u.nameVi : u.nameEn;
}

export function unitName(ref: Reference, slug: string, lang: Lang): string {
  const u = ref.unitsBySlug.get(slug);
  return u ? (lang === 'vi' ? u.shortVi : u.shortEn) : slug;
}

export function describeRegionalFigure(ref: Reference, f: RegionalFigure, lang: Lang): FigureText {
  const ind = ref.indicatorsByCode.get(f.indicator)!;
  const region = ref.unitsBySlug.get(f.region)!;
  const period = formatPeriod(parseCode(f.period), lang);
  const name = proseName(ind, lang);
  const where = regionLabel(region, lang);
  const pub = f.published.find((p) => p.measure === 'actual');
  const computed = f.coverage.reported > 0;
  const value = computed ? f.value : pub?.value ?? null;
  const growth = computed ? f.growthPct : pub?.growthPct ?? null;
  const isIndex = ind.aggregation === 'weighted_index';
  // A published figure keeps the article's own qualifier ("hơn 2.442 nghìn tỷ đồng"): the exact value is not known.
  const qualifier = !computed && pub?.qualifier ? (lang === 'vi' ? pub.qualifier : QUALIFIER_EN[pub.qualifier] ?? pub.qualifier) + ' ' : '';
  // A published figure keeps all its digits: re-rounding it could contradict the article's own qualifier.
  const q = value === null || isIndex ? null : computed ? quantityText(ind, value, lang) : exactQuantityText(ind, value, lang);
  const valueText = q === null ? null : /^(hơn|gần|over|nearly) /.test(q) ? q : qualifier + q;
  const growthText = growth === null ? null : formatGrowthVsSamePeriod(growth, lang);
  const coverage = lang === 'vi'
    ? `${f.coverage.reported}/${f.coverage.of} tỉnh, thành phố báo cáo`
    : `${f.coverage.reported} of ${f.coverage.of} provinces reported`;
  let headline: string;
  if (!valueText && !growthText) {
    headline = lang === 'vi' ? `${name} của ${where} ${period}: chưa có số liệu.` : `${name}, ${where}, ${period}: no data yet.`;
  } else if (lang === 'vi') {
    const est = !computed && pub?.status === 'estimate' ? 'ước ' : f.estimates > 0 ? 'ước ' : '';
    const parts = [valueText ? `${est}đạt ${valueText}` : null, growthText].filter(Boolean);
    headline = `${name} của ${where} ${period} ${parts.join(', ')}.`;
  } else {
    const parts = [valueText ? `reached ${valueText}` : null, growthText].filter(Boolean);
    headline = `${name} of ${where} in ${period} ${parts.join(', ')}.`;
  }
  return {
    headline,
    coverage,
    aboveAverage: aboveAverageText(ref, f, lang),
    value: valueText,
    growth: growthText,
    source: computed ? 'computed' : pub ? 'published' : 'none',
  };
}

function aboveAverageText(ref: Reference, f: RegionalFigure, lang: Lang): string | null {
  if (f.growthPct === null || f.aboveAverage.of === 0) return null;
  const names = joinNames(f.aboveAverage.units.map((s) => unitName(ref, s, lang)), lang);
  const avg = formatGrowth(f.growthPct, lang);
  if (lang === 'vi') {
    return `Có ${f.aboveAverage.count}/${f.aboveAverage.of} tỉnh, thành có mức tăng cao hơn mức tăng bình quân của khu vực (${avg})` +
      (f.aboveAverage.count ? ` gồm: ${names}.` : '.');
  }
  return `${f.aboveAverage.count} of ${f.aboveAverage.of} provinces grew faster than the regional average (${avg})` +
    (f.aboveAverage.count ? `: ${names}.` : '.');
}
