// Reads a period the ways Vietnamese press and reports (and our English labels) write it.
// The text is normalised (lower case, no diacritics, separators to spaces) and split into tokens;
// a trailing 4-digit year is taken off, then the remaining words are matched against short rules.
// Works on whole strings only: "tháng 10/2024" is a period, "doanh thu tháng 10/2024" is not.
import type { Lang } from '../shared/format.ts';
import { isValidPeriod, makePeriod, YEAR_MAX, YEAR_MIN, type Period, type PeriodKind } from './core.ts';

export interface ParsePeriodOptions {
  /** Only accept this language's phrasing (machine codes and "10/2024" are accepted in both). */
  lang?: Lang;
  /** Year for texts that give none ("9 tháng đầu năm"); without it such texts give null. */
  defaultYear?: number;
}

// A period label is short; anything longer is prose, and refusing it early keeps huge inputs cheap.
const MAX_LENGTH = 120;

interface Match {
  kind: PeriodKind;
  n: number;
}

type RuleLang = Lang | 'any';
interface Rule {
  lang: RuleLang;
  match: (words: string[], explicitYear: boolean) => Match | null;
}

export function normalizePeriodText(text: string): string[] {
  const s = text
    .normalize('NFD')
    .replace(/\p{M}/gu, '') // diacritics: "quý" → "quy", "tháng" → "thang"
    .replace(/[đĐÐ]/g, 'd')
    .toLowerCase()
    .replace(/[/\\\-–—−,.;:()[\]'"’]/g, ' ')
    .replace(/\b([tqh])(\d{1,2}|i{1,3}|iv)\b/g, '$1 $2') // T10, Q3, QIII, H1
    .replace(/\b(\d{1,2})([tm])\b/g, '$1 $2') // 9T, 9M
    .trim();
  return s === '' ? [] : s.split(/\s+/);
}

const EN_NUMBERS = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight', 'nine', 'ten', 'eleven', 'twelve'];
const EN_ORDINALS: Readonly<Record<string, number>> = {
  first: 1, '1st': 1, second: 2, '2nd': 2, third: 3, '3rd': 3, fourth: 4, '4th': 4,
};
const ROMAN_QUARTERS: Readonly<Record<string, number>> = { i: 1, ii: 2, iii: 3, iv: 4 };
const EN_MONTHS = [
  'january', 'february', 'march', 'april', 'may', 'june',
  'july', 'august', 'september', 'october', 'november', 'december',
];

/** 1..12 from "10", "09" or (English) "ten". */
function count(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^\d{1,2}$/.test(word)) return Number(word);
  const i = EN_NUMBERS.indexOf(word);
  return i >= 0 ? i + 1 : null;
}

function quarterNumber(word: string | undefined): number | null {
  if (word === undefined) return null;
  return ROMAN_QUARTERS[word] ?? (/^[1-4]$/.test(word) ? Number(word) : null);
}

function enMonth(word: string | undefined): number | null {
  if (word === undefined || word.length < 3) return null;
  const i = EN_MONTHS.findIndex((m) => m === word || m.slice(0, 3) === word || (word === 'sept' && m === 'september'));
  return i >= 0 ? i + 1 : null;
}

const is = (words: string[], ...expected: (string | null)[]) =>
  words.length === expected.length && expected.every((e, i) => e === null || e === words[i]);

const ytd = (n: number | null): Match | null => (n === null ? null : { kind: 'ytd', n });

const RULES: readonly Rule[] = [
  // T10/2024, Q3/2024, H2/2024, 9T/2024 (machine codes, also used in Vietnamese tables)
  { lang: 'any', match: (w) => (is(w, 't', null) ? month(count(w[1])) : null) },
  { lang: 'any', match: (w) => (is(w, 'q', null) ? quarter(quarterNumber(w[1])) : null) },
  { lang: 'any', match: (w) => (is(w, 'h', null) && /^[12]$/.test(w[1]!) ? { kind: 'half', n: Number(w[1]) } : null) },
  { lang: 'any', match: (w) => (is(w, null, 't') ? ytd(count(w[0])) : null) },
  // 10/2024: a bare month number only when the year is written
  { lang: 'any', match: (w, y) => (y && w.length === 1 && /^\d{1,2}$/.test(w[0]!) ? month(Number(w[0])) : null) },
  // tháng 10/2024, tháng 10 năm 2024
  { lang: 'vi', match: (w) => (is(w, 'thang', null) ? month(count(w[1])) : null) },
  // quý III/2024, quý 3 năm 2024
  { lang: 'vi', match: (w) => (is(w, 'quy', null) ? quarter(quarterNumber(w[1])) : null) },
  // 9 tháng, 9 tháng đầu năm, 6 tháng năm 2019, 12 tháng năm 2023
  { lang: 'vi', match: (w) => (is(w, null, 'thang') || is(w, null, 'thang', 'dau') ? ytd(count(w[0])) : null) },
  // 6 tháng cuối năm (H2), 3 tháng cuối năm (Q4)
  { lang: 'vi', match: (w) => (is(w, null, 'thang', 'cuoi') ? lastMonths(w[0]) : null) },
  // nửa đầu năm, nửa cuối năm, nửa sau năm
  { lang: 'vi', match: (w) => (is(w, 'nua', 'dau') ? ytd(6) : null) },
  { lang: 'vi', match: (w) => (is(w, 'nua', 'cuoi') || is(w, 'nua', 'sau') ? { kind: 'half', n: 2 } : null) },
  // cả năm 2023
  { lang: 'vi', match: (w) => (is(w, 'ca') ? { kind: 'year', n: 0 } : null) },
  // October 2024, Oct 2024
  { lang: 'en', match: (w) => (w.length === 1 ? month(enMonth(w[0])) : null) },
  // third quarter of 2024, quarter 3 2024
  { lang: 'en', match: (w) => (is(w, null, 'quarter') ? quarter(EN_ORDINALS[w[0]!] ?? null) : null) },
  { lang: 'en', match: (w) => (is(w, 'quarter', null) ? quarter(quarterNumber(w[1])) : null) },
  // first 9 months of 2024, 9 months of 2024, 9M 2024
  { lang: 'en', match: (w) => (is(w, 'first', null, 'months') || is(w, 'first', null, 'month') ? ytd(count(w[1])) : null) },
  { lang: 'en', match: (w) => (is(w, null, 'months') || is(w, null, 'm') ? ytd(count(w[0])) : null) },
  // first half of 2024, second half of 2024
  { lang: 'en', match: (w) => (is(w, null, 'half') ? half(EN_ORDINALS[w[0]!] ?? null) : null) },
  // full year 2024, year 2024
  { lang: 'en', match: (w) => (is(w, 'year') || is(w, 'full', 'year') || is(w, 'whole', 'year') ? { kind: 'year', n: 0 } : null) },
];

function month(n: number | null): Match | null {
  return n === null ? null : { kind: 'month', n };
}
function quarter(n: number | null): Match | null {
  return n === null ? null : { kind: 'quarter', n };
}
function half(n: number | null): Match | null {
  return n === 1 || n === 2 ? { kind: 'half', n } : null;
}
function lastMonths(word: string | undefined): Match | null {
  const n = count(word);
  return n === 6 ? { kind: 'half', n: 2 } : n === 3 ? { kind: 'quarter', n: 4 } : null;
}

const CONNECTORS = new Set(['nam', 'of', 'in']); // "năm" 2024, first 9 months "of" 2024

/** Takes off a trailing 4-digit year, then one connector word before it (or at the end). */
function splitYear(words: string[]): { rest: string[]; year: number | null } {
  const last = words[words.length - 1];
  const hasYear = last !== undefined && /^\d{4}$/.test(last);
  const rest = hasYear ? words.slice(0, -1) : [...words];
  if (CONNECTORS.has(rest[rest.length - 1] ?? '')) rest.pop();
  return { rest, year: hasYear ? Number(last) : null };
}

function validYear(y: unknown): y is number {
  return typeof y === 'number' && Number.isInteger(y) && y >= YEAR_MIN && y <= YEAR_MAX;
}

function matchWords(words: string[], explicitYear: boolean, lang?: Lang): Match | null {
  if (words.length === 0) return explicitYear ? { kind: 'year', n: 0 } : null; // "2024", "năm 2024"
  for (const rule of RULES) {
    if (lang && rule.lang !== 'any' && rule.lang !== lang) continue;
    const m = rule.match(words, explicitYear);
    if (m) return m;
  }
  return null;
}

/** The canonical period a text names, or null when it names none. Never throws on a string. */
export function parsePeriod(text: string, options: ParsePeriodOptions = {}): Period | null {
  if (typeof text !== 'string') return null;
  const trimmed = text.trim();
  if (trimmed.length === 0 || trimmed.length > MAX_LENGTH) return null;
  const words = normalizePeriodText(trimmed);
  const { rest, year } = splitYear(words);
  const lang = options.lang === 'vi' || options.lang === 'en' ? options.lang : undefined;
  const m = matchWords(rest, year !== null, lang);
  const y = year ?? (validYear(options.defaultYear) ? options.defaultYear : null);
  if (!m || y === null) return null;
  const p = { kind: m.kind, year: y, n: m.n };
  return isValidPeriod(p) ? makePeriod(p.kind, p.year, p.n) : null;
}
