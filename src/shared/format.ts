// Numbers, dates and short phrases written the Vietnamese way (vi-VN) and in English.
// Hand-written rather than Intl: output must not depend on the ICU data of the Node build, and
// rounding is done on the decimal digits as published (119,785 → 119,79), not on binary floats.

export type Lang = 'vi' | 'en';

/** Shown for a missing figure. Never "0": missing is not zero. */
export const MISSING = '—';

export class FormatError extends Error {
  override readonly name = 'FormatError';
  constructor(
    message: string,
    readonly input: unknown,
  ) {
    super(message);
  }
}

// ---------------------------------------------------------------------------------------------
// Exact decimals: value = (neg ? -1 : 1) × digits × 10^-scale

interface Dec {
  neg: boolean;
  digits: bigint;
  scale: number;
}

const TEN = 10n;
const pow10 = (k: number): bigint => TEN ** BigInt(k);

/** The shortest decimal that reads back as x (String(x)), i.e. the figure as it was written. */
function toDec(x: number): Dec {
  const m = /^(\d+)(?:\.(\d+))?(?:e([+-]\d+))?$/.exec(String(Math.abs(x)));
  if (!m) throw new FormatError('not a finite number', x);
  const frac = m[2] ?? '';
  let scale = frac.length - Number(m[3] ?? 0);
  let digits = BigInt(m[1]! + frac);
  if (scale < 0) {
    digits *= pow10(-scale);
    scale = 0;
  }
  return { neg: x < 0, digits, scale };
}

/** Rounds |d| half away from zero to `decimals` places. */
function roundDec(d: Dec, decimals: number): Dec {
  if (d.scale <= decimals) return { ...d, digits: d.digits * pow10(decimals - d.scale), scale: decimals };
  return { ...d, digits: divRound(d.digits, pow10(d.scale - decimals)), scale: decimals };
}

/** num / den rounded half up, both non-negative. */
function divRound(num: bigint, den: bigint): bigint {
  const q = num / den;
  return 2n * (num % den) >= den ? q + 1n : q;
}

const SEPARATORS: Readonly<Record<Lang, { group: string; decimal: string }>> = {
  vi: { group: '.', decimal: ',' },
  en: { group: ',', decimal: '.' },
};

function groupThousands(int: string, sep: string): string {
  return int.replace(/\B(?=(\d{3})+$)/g, sep);
}

/** Writes d (already rounded), dropping trailing zeros beyond minDecimals. */
function writeDec(d: Dec, lang: Lang, minDecimals: number): string {
  const { group, decimal } = SEPARATORS[lang] ?? SEPARATORS.vi;
  const s = d.digits.toString().padStart(d.scale + 1, '0');
  const int = s.slice(0, s.length - d.scale);
  let frac = s.slice(s.length - d.scale);
  while (frac.length > minDecimals && frac.endsWith('0')) frac = frac.slice(0, -1);
  const sign = d.neg && d.digits !== 0n ? '-' : '';
  return sign + groupThousands(int, group) + (frac ? decimal + frac : '');
}

function isFiniteNumber(x: unknown): x is number {
  return typeof x === 'number' && Number.isFinite(x);
}

function checkDecimals(k: number, what: string): void {
  if (!Number.isInteger(k) || k < 0 || k > 20) throw new FormatError(`${what} must be an integer in 0..20`, k);
}

// ---------------------------------------------------------------------------------------------
// Numbers, percentages, growth

export interface NumberOptions {
  /** Most decimals shown (rounded half away from zero). Default 2. */
  decimals?: number;
  /** Fewest decimals shown (zero-padded). Default 0: trailing zeros dropped. */
  minDecimals?: number;
}

/** vi "2.841.141", "119,79", "-0,23"; en "2,841,141", "119.79". Missing or non-finite → "—". */
export function formatNumber(x: number | null | undefined, lang: Lang = 'vi', options: NumberOptions = {}): string {
  const { decimals = 2, minDecimals = 0 } = options;
  checkDecimals(decimals, 'decimals');
  checkDecimals(minDecimals, 'minDecimals');
  if (!isFiniteNumber(x)) return MISSING;
  const places = Math.max(decimals, minDecimals);
  return writeDec(roundDec(toDec(x), places), lang, minDecimals);
}

export interface PercentOptions {
  /** Drop trailing zeros ("12,5%" rather than "12,50%"). */
  trim?: boolean;
}

/** x is already in percent: 11.87 → "11,87%" / "11.87%". */
export function formatPercent(
  x: number | null | undefined,
  lang: Lang = 'vi',
  decimals = 2,
  { trim = false }: PercentOptions = {},
): string {
  if (!isFiniteNumber(x)) return MISSING;
  return formatNumber(x, lang, { decimals, minDecimals: trim ? 0 : decimals }) + '%';
}

export interface GrowthOptions extends PercentOptions {
  decimals?: number;
}

const GROWTH_WORDS: Readonly<Record<Lang, { up: string; down: string; same: string; yoy: string }>> = {
  vi: { up: 'tăng', down: 'giảm', same: 'không đổi', yoy: 'so với cùng kỳ năm trước' },
  en: { up: 'up', down: 'down', same: 'unchanged', yoy: 'year on year' },
};

/** g is a change in percent: 12.47 → "tăng 12,47%", -0.23 → "giảm 0,23%"; "không đổi" when it
 *  rounds to zero, so the words never contradict the number shown. */
export function formatGrowth(g: number | null | undefined, lang: Lang = 'vi', options: GrowthOptions = {}): string {
  const { decimals = 2, trim = false } = options;
  checkDecimals(decimals, 'decimals');
  if (!isFiniteNumber(g)) return MISSING;
  const words = GROWTH_WORDS[lang] ?? GROWTH_WORDS.vi;
  if (roundDec(toDec(g), decimals).digits === 0n) return words.same;
  return `${g > 0 ? words.up : words.down} ${formatPercent(Math.abs(g), lang, decimals, { trim })}`;
}

/** "tăng 12,47% so với cùng kỳ năm trước" / "up 12.47% year on year". */
export function formatGrowthVsSamePeriod(
  g: number | null | undefined,
  lang: Lang = 'vi',
  options: GrowthOptions = {},
): string {
  const growth = formatGrowth(g, lang, options);
  if (growth === MISSING) return MISSING;
  return `${growth} ${(GROWTH_WORDS[lang] ?? GROWTH_WORDS.vi).yoy}`;
}

// ---------------------------------------------------------------------------------------------
// Quantities in a unit that reads well: 2.442.330 tỷ đồng → "hơn 2.442 nghìn tỷ đồng"

export interface ScaleUnit {
  /** Vietnamese unit, e.g. "nghìn tỷ đồng". */
  unit: string;
  /** English unit, e.g. "trillion VND"; the Vietnamese one is used when absent. */
  unitEn?: string;
  /** How many base units one of this unit is worth (base unit = factor 1). */
  factor: number;
}

export interface ReadableQuantity {
  /** "hơn"/"over" when the shown number is below the exact value, "gần"/"nearly" when above. */
  qualifier: string | null;
  /** The shown number, formatted. */
  number: string;
  /** The shown number as a JS number. */
  value: number;
  unit: string;
  factor: number;
  text: string;
}

export interface ReadableOptions {
  /** Significant digits kept; the integer part is never rounded away. Default 4. */
  significant?: number;
}

const QUALIFIERS: Readonly<Record<Lang, { below: string; above: string }>> = {
  vi: { below: 'hơn', above: 'gần' },
  en: { below: 'over', above: 'nearly' },
};

/** Decimal places giving `significant` digits for num/den (> 0), integer part kept whole. */
function placesFor(num: bigint, den: bigint, significant: number): number {
  const int = num / den;
  let magnitude = int > 0n ? int.toString().length : 0;
  for (let t = num * TEN; int === 0n && t < den && magnitude > -20; t *= TEN) magnitude--;
  return Math.min(20, Math.max(0, significant - magnitude));
}

interface Scaled {
  shown: Dec;
  cmp: number; // sign of (shown − exact) in magnitude
}

/** |value| / factor rounded to significant digits, exactly (no float error in the comparison). */
function scale(value: Dec, factor: Dec, significant: number): Scaled {
  const num = value.digits * pow10(factor.scale);
  const den = factor.digits * pow10(value.scale);
  const places = num === 0n ? 0 : placesFor(num, den, significant);
  const digits = divRound(num * pow10(places), den);
  const lhs = digits * den;
  const rhs = num * pow10(places);
  return { shown: { neg: value.neg, digits, scale: places }, cmp: lhs < rhs ? -1 : lhs > rhs ? 1 : 0 };
}

function checkLadder(ladder: readonly ScaleUnit[]): void {
  if (!Array.isArray(ladder) || ladder.length === 0) throw new FormatError('ladder must not be empty', ladder);
  for (const u of ladder) {
    if (!isFiniteNumber(u?.factor) || u.factor <= 0) throw new FormatError('factor must be > 0', u);
  }
}

/** Picks the largest unit in which the rounded figure is at least 1, rounds, and qualifies it
 *  truthfully. For a negative value the qualifier speaks of its magnitude ("nhập siêu hơn 2 tỷ"). */
export function readableQuantity(
  value: number,
  ladder: readonly ScaleUnit[],
  lang: Lang = 'vi',
  { significant = 4 }: ReadableOptions = {},
): ReadableQuantity {
  checkLadder(ladder);
  if (!Number.isInteger(significant) || significant < 1 || significant > 15) {
    throw new FormatError('significant must be an integer in 1..15', significant);
  }
  const units = [...ladder].sort((a, b) => b.factor - a.factor);
  const smallest = units[units.length - 1]!;
  const unitName = (u: ScaleUnit) => (lang === 'en' ? (u.unitEn ?? u.unit) : u.unit);
  if (!isFiniteNumber(value)) {
    return { qualifier: null, number: MISSING, value: NaN, unit: unitName(smallest), factor: smallest.factor, text: MISSING };
  }
  const exact = toDec(value);
  let pick = { unit: smallest, scaled: scale(exact, toDec(smallest.factor), significant) };
  for (const unit of units) {
    const scaled = scale(exact, toDec(unit.factor), significant);
    if (scaled.shown.digits >= pow10(scaled.shown.scale)) {
      pick = { unit, scaled };
      break;
    }
  }
  const words = QUALIFIERS[lang] ?? QUALIFIERS.vi;
  const { cmp, shown } = pick.scaled;
  const qualifier = cmp < 0 ? words.below : cmp > 0 ? words.above : null;
  const number = writeDec(shown, lang, 0);
  const unit = unitName(pick.unit);
  const text = [qualifier, number, unit].filter(Boolean).join(' ');
  const numeric = Number(writeDec(shown, 'en', 0).replaceAll(',', ''));
  return { qualifier, number, value: numeric === 0 ? 0 : numeric, unit, factor: pick.unit.factor, text };
}

// ---------------------------------------------------------------------------------------------
// Roman numerals (conference ordinals "lần thứ X", quarters "quý III")

const ROMAN: ReadonlyArray<readonly [number, string]> = [
  [1000, 'M'], [900, 'CM'], [500, 'D'], [400, 'CD'], [100, 'C'], [90, 'XC'],
  [50, 'L'], [40, 'XL'], [10, 'X'], [9, 'IX'], [5, 'V'], [4, 'IV'], [1, 'I'],
];
const ROMAN_STRICT = /^M{0,3}(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

export function toRoman(n: number): string {
  if (!Number.isInteger(n) || n < 1 || n > 3999) throw new FormatError('toRoman takes an integer in 1..3999', n);
  let out = '';
  for (const [value, letters] of ROMAN) {
    for (; n >= value; n -= value) out += letters;
  }
  return out;
}

/** Standard form only, any case ("iii" → 3); null for anything else ("IIII", "", "IC"). */
export function fromRoman(s: string): number | null {
  if (typeof s !== 'string' || s.length === 0 || s.length > 15) return null;
  const upper = s.toUpperCase();
  if (!ROMAN_STRICT.test(upper)) return null;
  let total = 0;
  let rest = upper;
  for (const [value, letters] of ROMAN) {
    while (rest.startsWith(letters)) {
      total += value;
      rest = rest.slice(letters.length);
    }
  }
  return total;
}

// ---------------------------------------------------------------------------------------------
// Dates and names

export type DateStyle = 'short' | 'article' | 'formal';

const MONTHS_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
];

function parseIso(iso: string): { y: number; m: number; d: number } {
  const match = typeof iso === 'string' ? /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso) : null;
  if (!match) throw new FormatError(`not an ISO date (YYYY-MM-DD): ${String(iso)}`, iso);
  const [y, m, d] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const t = new Date(Date.UTC(y, m - 1, d));
  if (t.getUTCMonth() !== m - 1 || t.getUTCDate() !== d) throw new FormatError(`no such date: ${iso}`, iso);
  return { y, m, d };
}

const two = (n: number) => String(n).padStart(2, '0');

/** vi short "11/10/2024", article "ngày 11/10/2024", formal "ngày 05 tháng 01 năm 2026"
 *  (Decree 30/2020 pads day and month); en short "11 Oct 2024", otherwise "11 October 2024". */
export function formatDate(iso: string | null | undefined, lang: Lang = 'vi', style: DateStyle = 'short'): string {
  if (iso === null || iso === undefined) return MISSING;
  const { y, m, d } = parseIso(iso);
  if (lang === 'en') {
    const month = MONTHS_EN[m - 1]!;
    return `${d} ${style === 'short' ? month.slice(0, 3) : month} ${y}`;
  }
  if (style === 'formal') return `ngày ${two(d)} tháng ${two(m)} năm ${y}`;
  const short = `${two(d)}/${two(m)}/${y}`;
  return style === 'article' ? `ngày ${short}` : short;
}

/** vi "A, B và C"; en "A, B and C" (no serial comma); one name alone; none → "". */
export function joinNames(names: readonly string[], lang: Lang = 'vi'): string {
  if (names.length <= 1) return names[0] ?? '';
  const and = lang === 'en' ? 'and' : 'và';
  return `${names.slice(0, -1).join(', ')} ${and} ${names[names.length - 1]}`;
}

// ---------------------------------------------------------------------------------------------
// Reading numbers written the Vietnamese way

// "2.841.141", "2.442,33", "11,87", "7": a dot followed by exactly three digits groups thousands.
const VI_NUMBER = /^(\d{1,3}(?:\.\d{3})+|\d+)(?:,(\d+))?$/;
// "7.7", "1.2345": a single dot not followed by exactly three digits can only be a decimal point.
const DOT_DECIMAL = /^(\d+)\.(\d{1,2}|\d{4,})$/;

/** Number only: no unit, no percent sign. null when it is not a number; never throws. */
export function parseVietnameseNumber(s: string): number | null {
  if (typeof s !== 'string') return null;
  const text = s.trim();
  const sign = /^[-−]/.test(text) ? -1 : 1;
  const body = text.replace(/^[-−+]/, '');
  let plain: string | null = null;
  const vi = VI_NUMBER.exec(body);
  if (vi) plain = vi[1]!.replaceAll('.', '') + (vi[2] ? `.${vi[2]}` : '');
  const dot = vi ? null : DOT_DECIMAL.exec(body);
  if (dot) plain = `${dot[1]}.${dot[2]}`;
  if (plain === null) return null;
  const n = sign * Number(plain);
  if (!Number.isFinite(n)) return null;
  return n === 0 ? 0 : n;
}
