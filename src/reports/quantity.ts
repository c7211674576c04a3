// Numbers as the prose writes them. Two cases, because truthfulness means different things:
// - a computed figure is exact: it is rounded to read well and qualified truthfully ("hơn 2.442
//   nghìn tỷ đồng" for 2.442.330 tỷ đồng) by readableQuantity;
// - a published figure is already rounded by its publisher and may carry their qualifier ("hơn 73.809
//   tỷ đồng"): it is re-scaled exactly, never rounded again (rounding "hơn 73.809" to "73,81" would
//   claim more than anyone knows), and keeps the publisher's qualifier.
// The unit rung is the catalogue's: the highest ladder step whose use_from ≤ |value|.
import type { IndicatorRef } from '../catalogue/reference.ts';
import { formatGrowth, formatNumber, readableQuantity, type Lang } from '../shared/format.ts';

export interface Rung {
  unit: string;
  unitEn?: string;
  factor: number;
  decimals: number;
  useFrom: number;
}

export interface Shown {
  qualifier: string | null;
  /** The number alone, formatted ("2.442"). */
  number: string;
  unit: string;
  /** qualifier + number + unit */
  text: string;
  /** qualifier + number (for sentences that name the unit themselves: "162.810 lao động"). */
  bare: string;
}

const QUALIFIER_EN: Readonly<Record<string, string>> = { 'hơn': 'over', 'trên': 'over', 'gần': 'nearly', 'khoảng': 'about' };

export function qualifierIn(q: string | null, lang: Lang): string | null {
  if (!q) return null;
  return lang === 'vi' ? q : QUALIFIER_EN[q] ?? q;
}

export function ladder(ind: IndicatorRef): Rung[] {
  const raw = (ind.meta.ladder as Array<Record<string, unknown>> | undefined) ?? [];
  const rungs = raw.map((l) => ({
    unit: String(l.unit), unitEn: (l.unit_en ?? l.unitEn) as string | undefined, factor: Number(l.factor),
    decimals: Number(l.decimals ?? ind.decimals), useFrom: Number(l.use_from ?? 0),
  })).filter((r) => r.factor > 0);
  return rungs.length ? rungs.sort((a, b) => a.factor - b.factor) : [{ unit: ind.baseUnit, factor: 1, decimals: ind.decimals, useFrom: 0 }];
}

export function rungFor(ind: IndicatorRef, value: number): Rung {
  const rungs = ladder(ind);
  let best = rungs[0]!;
  for (const r of rungs) if (Math.abs(value) >= r.useFrom) best = r;
  return best;
}

const unitName = (r: Rung, lang: Lang) => (lang === 'en' ? r.unitEn ?? r.unit : r.unit);

function shown(qualifier: string | null, number: string, unit: string): Shown {
  const bare = [qualifier, number].filter(Boolean).join(' ');
  return { qualifier, number, unit, bare, text: unit ? `${bare} ${unit}` : bare };
}

/** An exact (computed) value, rounded to about four significant digits in its rung, never more
 *  decimals than the rung allows, the integer part never rounded away; qualified truthfully. */
export function computedQuantity(ind: IndicatorRef, value: number, lang: Lang): Shown {
  const rung = rungFor(ind, value);
  const scaled = Math.abs(value) / rung.factor;
  const intDigits = scaled >= 1 ? Math.floor(Math.log10(scaled)) + 1 : 0;
  const significant = intDigits > 0 ? Math.max(1, Math.min(4, intDigits + rung.decimals)) : Math.max(1, Math.min(2, rung.decimals));
  const q = readableQuantity(Math.abs(value), [{ unit: rung.unit, unitEn: rung.unitEn, factor: rung.factor }], lang, { significant });
  return shown(q.qualifier, q.number, unitName(rung, lang));
}

/** A value as its publisher printed it: exact re-scaling, the publisher's qualifier. */
export function publishedQuantity(ind: IndicatorRef, value: number, qualifier: string | null, lang: Lang): Shown {
  const rung = rungFor(ind, value);
  return shown(qualifierIn(qualifier, lang), formatNumber(Math.abs(value) / rung.factor, lang, { decimals: 6 }), unitName(rung, lang));
}

/** A value derived from rounded published figures (72% of a plan): "khoảng", rounded to the rung. */
export function approximateQuantity(ind: IndicatorRef, value: number, lang: Lang): Shown {
  const rung = rungFor(ind, value);
  return shown(lang === 'vi' ? 'khoảng' : 'about', formatNumber(Math.abs(value) / rung.factor, lang, { decimals: rung.decimals }), unitName(rung, lang));
}

/** "tăng 12,47%" / "giảm 0,23%" / "không đổi"; trailing zeros trimmed as the sector writes ("tăng 13%"). */
export function growthText(g: number, lang: Lang): string {
  return formatGrowth(g, lang, { decimals: 2, trim: true });
}

/** "72%" / "74,5%" */
export function percentText(x: number, lang: Lang, decimals = 2): string {
  return `${formatNumber(x, lang, { decimals })}%`;
}

/** Table cells: fixed decimals of the rung so columns line up. */
export function tableNumber(x: number | null | undefined, lang: Lang, decimals: number): string {
  return formatNumber(x, lang, { decimals, minDecimals: decimals });
}
