// Numbers, periods and dates on screen: the same rules as the server's sentences (src/shared/format.ts,
// src/periods/), so a figure reads the same in a card, a table and an exported file.
import {
  formatDate, formatGrowth, formatNumber, formatPercent, joinNames, readableQuantity, toRoman, type ScaleUnit,
} from '../shared/format.ts';
import { endDate, formatPeriod, makePeriod, parseCode, periodCode, samePeriodLastYear, tryParseCode, type Period, type PeriodKind } from '../periods/period.ts';
import type { Indicator } from './api.ts';
import type { Lang } from './i18n.ts';

export { formatDate, formatGrowth, formatNumber, formatPercent, joinNames, toRoman, readableQuantity as readable, endDate, makePeriod, parseCode, periodCode, samePeriodLastYear, tryParseCode };
export type { Period, PeriodKind };

export const isIndex = (i: Pick<Indicator, 'aggregation' | 'nature' | 'base_unit'>) =>
  i.aggregation === 'weighted_index' || i.nature === 'index' || i.base_unit === '%';

export function ladderOf(i: Indicator): ScaleUnit[] {
  const l = (i.ladder ?? []).map((x) => ({ unit: x.unit, unitEn: x.unit_en, factor: x.factor }));
  return l.length ? l : [{ unit: i.base_unit, factor: 1 }];
}

export function unitName(i: Indicator, lang: Lang): string {
  const base = i.ladder?.find((l) => l.factor === 1);
  return lang === 'en' ? base?.unit_en ?? i.base_unit : i.base_unit;
}

/** "2.442 nghìn tỷ đồng" / "2,442 trillion VND"; an index as "110,73%". */
export function quantity(v: number | null | undefined, i: Indicator, lang: Lang): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  if (isIndex(i)) return formatPercent(v, lang);
  return readableQuantity(v, ladderOf(i), lang).text;
}

// A published figure's own qualifier is stored as the article wrote it, in Vietnamese (hơn, trên, gần,
// khoảng: collection/valueInput.ts); the server's English sentences translate it the same way
// (reports/quantity.ts, analytics/describe.ts).
const QUALIFIER_EN: Readonly<Record<string, string>> = { 'hơn': 'over', 'trên': 'over', 'gần': 'nearly', 'khoảng': 'about' };

/** A stored qualifier in the page's language: "hơn" → "over" in English; null stays null. */
export function qualifierText(q: string | null | undefined, lang: Lang): string | null {
  if (!q) return null;
  return lang === 'vi' ? q : QUALIFIER_EN[q] ?? q;
}

/** "hơn 2.442 nghìn tỷ đồng" / "over 2,442 trillion VND": a shown figure after its stored qualifier. */
export function withQualifier(qualifier: string | null | undefined, shown: string, lang: Lang): string {
  const q = qualifierText(qualifier, lang);
  return q ? `${q} ${shown}` : shown;
}

/** The number in the indicator's base unit with its decimals: "2.442.000,5". */
export function plain(v: number | null | undefined, decimals: number, lang: Lang): string {
  return formatNumber(v ?? null, lang, { decimals, minDecimals: decimals });
}

export function pct(v: number | null | undefined, lang: Lang, decimals = 2): string {
  return formatPercent(v ?? null, lang, decimals);
}

/** "+12,47%" style for compact places (tables, bars). */
export function signedPct(v: number | null | undefined, lang: Lang): string {
  if (v === null || v === undefined || !Number.isFinite(v)) return '—';
  const s = formatPercent(Math.abs(v), lang, 2);
  return (v > 0.004 ? '+' : v < -0.004 ? '−' : '') + s;
}

export function periodLabel(code: string, lang: Lang, style: 'long' | 'short' = 'long'): string {
  const p = tryParseCode(code);
  return p ? formatPeriod(p, lang, { style }) : code;
}

export function dateLabel(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  return formatDate(iso.slice(0, 10), lang);
}

/** Vietnam keeps UTC+7 all year (no summer time). */
const VIETNAM_OFFSET_MS = 7 * 3600_000;

/**
 * A moment as it reads in Vietnam, whatever the browser's time zone: deadlines, submissions and answers
 * are Vietnamese office hours, and two readers must see the same time for the same event.
 */
export function dateTimeLabel(iso: string | null | undefined, lang: Lang): string {
  if (!iso) return '—';
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) return iso;
  const d = new Date(ms + VIETNAM_OFFSET_MS);
  const two = (n: number) => String(n).padStart(2, '0');
  const time = `${two(d.getUTCHours())}:${two(d.getUTCMinutes())}`;
  const date = formatDate(`${d.getUTCFullYear()}-${two(d.getUTCMonth() + 1)}-${two(d.getUTCDate())}`, lang);
  return lang === 'vi' ? `${time} ${date}` : `${date}, ${time}`;
}

/** Which geography a period is drawn on: the units in force on its last day. */
export function geographyOfPeriod(code: string): '63' | '34' {
  const p = tryParseCode(code);
  return p && endDate(p) >= '2025-07-01' ? '34' : '63';
}

/** A reading scale for a set of values: the ladder unit the largest one is written in. */
export function scaleFor(values: number[], i: Indicator, lang: Lang): { factor: number; unit: string } {
  if (isIndex(i)) return { factor: 1, unit: '%' };
  const max = Math.max(0, ...values.map(Math.abs));
  if (!max) return { factor: 1, unit: unitName(i, lang) };
  const q = readableQuantity(max, ladderOf(i), lang);
  return { factor: q.factor, unit: q.unit };
}
