// Human labels for periods, as the ministry's reports write them (and their English versions).
// Every label here is read back by parsePeriod (property-tested).
import { periodCode } from './codes.ts';
import { toRoman, type Lang } from '../shared/format.ts';
import { canonical, type Period } from './core.ts';

export type PeriodLabelStyle = 'short' | 'long';

export interface PeriodLabelOptions {
  /** 'long' (default) for prose: "9 tháng đầu năm 2024"; 'short' for table headers: "9T/2024". */
  style?: PeriodLabelStyle;
}

export const MONTH_NAMES_EN = [
  'January', 'February', 'March', 'April', 'May', 'June',
  'July', 'August', 'September', 'October', 'November', 'December',
] as const;

function viLong({ kind, year, n }: Period): string {
  switch (kind) {
    case 'month':
      return `tháng ${n}/${year}`;
    case 'quarter':
      return `quý ${toRoman(n)}/${year}`;
    case 'half':
      return `6 tháng cuối năm ${year}`; // canonical halves are H2 only (H1 ≡ 6T)
    case 'ytd':
      return `${n} tháng đầu năm ${year}`;
    case 'year':
      return `năm ${year}`;
  }
}

/** The short Vietnamese label is the machine code (T10/2024, 9T/2024…), except that a year reads "Năm 2024". */
function viShort(p: Period): string {
  return p.kind === 'year' ? `Năm ${p.year}` : periodCode(p);
}

function enLong({ kind, year, n }: Period): string {
  switch (kind) {
    case 'month':
      return `${MONTH_NAMES_EN[n - 1]} ${year}`;
    case 'quarter':
      return `Q${n} ${year}`;
    case 'half':
      return `second half of ${year}`;
    case 'ytd':
      return `first ${n} months of ${year}`;
    case 'year':
      return String(year);
  }
}

function enShort({ kind, year, n }: Period): string {
  switch (kind) {
    case 'month':
      return `${MONTH_NAMES_EN[n - 1]!.slice(0, 3)} ${year}`;
    case 'quarter':
      return `Q${n} ${year}`;
    case 'half':
      return `H${n} ${year}`;
    case 'ytd':
      return `${n}M ${year}`;
    case 'year':
      return String(year);
  }
}

/** vi: "tháng 10/2024", "quý III/2024", "9 tháng đầu năm 2024", "6 tháng cuối năm 2024", "năm 2024".
 *  en: "October 2024", "Q3 2024", "first 9 months of 2024", "second half of 2024", "2024".
 *  The canonical form is labelled, so H1 reads "6 tháng đầu năm" and Q1 "3 tháng đầu năm". */
export function formatPeriod(p: Period, lang: Lang = 'vi', { style = 'long' }: PeriodLabelOptions = {}): string {
  const c = canonical(p);
  if (lang === 'en') return style === 'short' ? enShort(c) : enLong(c);
  return style === 'short' ? viShort(c) : viLong(c);
}
