// Period grammar: every way the press writes a reporting period, read from folded tokens.
//
//   tháng 10/2024 · T10/2024 · tháng Mười năm 2024 · quý III/2024 · quý 3 năm 2024 · 9 tháng đầu năm 2024
//   chín tháng · 6 tháng · nửa đầu năm · năm 2023 · cả năm · 2021-2025 · giai đoạn 2021 - 2025
//   đến hết tháng 9/2024 · tính đến ngày 30/9/2024 · từ đầu năm đến hết tháng 11/2022 (cut-offs)
//   hiện nay / đến nay (the current cut-off) · ngày 12/7/2019 (a date: not a period)

import { K, type Tok } from './tokens.ts';
import { romanNumber, wordNumber } from './numbers.ts';

export type PeriodKind = 'M' | 'Q' | 'YTD' | 'Y' | 'H2' | 'VAGUE';

export interface Period { kind: PeriodKind; n: number; year: number | null }

export interface PeriodMark {
  /** null for a date or the bare "current" cut-off */
  period: Period | null;
  /** "đến hết tháng 9/2024": a stock takes T9, a flow the first 9 months */
  cutoff?: boolean;
  /** "hiện nay", "đến nay": whatever the latest period is */
  current?: boolean;
  /** "lũy kế từ đầu năm", "từ đầu năm đến nay": the months of the year up to the latest period */
  ytdToDate?: boolean;
  /** a day: "ngày 12/7/2019" */
  date?: { d: number; m: number; y: number | null };
  /** "2021-2025": the end year is kept as the period */
  range?: [number, number];
  /** written without a year */
  yearless?: boolean;
}

export interface PeriodHit { end: number; mark: PeriodMark }

const MONTH_WORDS: Record<string, number> = {
  gieng: 1, mot: 1, hai: 2, ba: 3, tu: 4, bon: 4, nam: 5, sau: 6, bay: 7, tam: 8, chin: 9, muoi: 10, chap: 12,
};

function num(t: Tok | undefined): number | null {
  if (!t || t.k !== K.Num || /[.,]/.test(t.f)) return null;
  return Number(t.f);
}
function isYear(v: number | null): v is number {
  return v !== null && v >= 1990 && v <= 2060;
}
function w(t: Tok | undefined): string {
  return t ? t.f : '';
}

/** Reads an optional year after a period word: "/2024", "năm 2024", "-2024", "2024", "năm nay". */
function readYear(toks: Tok[], i: number, docYear: number | null): { year: number | null; end: number; explicit: boolean } {
  const a = toks[i];
  const b = toks[i + 1];
  if (a && (a.f === '/' || a.f === '-') && isYear(num(b)) && !b!.sp) return { year: num(b), end: i + 2, explicit: true };
  if (a && (a.f === '/' || a.f === '-') && isYear(num(b))) return { year: num(b), end: i + 2, explicit: true };
  if (w(a) === 'nam' && isYear(num(b))) return { year: num(b), end: i + 2, explicit: true };
  if (w(a) === 'nam' && w(b) === 'nay') return { year: docYear, end: i + 2, explicit: docYear !== null };
  if (w(a) === 'nam' && (w(b) === 'truoc' || w(b) === 'ngoai') && docYear !== null) return { year: docYear - 1, end: i + 2, explicit: true };
  if (a && a.k === K.Num && isYear(num(a)) && !(toks[i + 1]?.f === '%')) return { year: num(a), end: i + 1, explicit: true };
  return { year: null, end: i, explicit: false };
}

/** "N tháng" continuations: đầu năm / qua / đầu năm 2024 / năm 2024 / cuối năm. */
function readMonthsTail(toks: Tok[], i: number, docYear: number | null): { tail: 'ytd' | 'end' | 'plain'; year: number | null; end: number } {
  let j = i;
  let tail: 'ytd' | 'end' | 'plain' = 'plain';
  if (w(toks[j]) === 'dau' && w(toks[j + 1]) === 'nam') { tail = 'ytd'; j += 2; }
  else if (w(toks[j]) === 'cuoi' && w(toks[j + 1]) === 'nam') { tail = 'end'; j += 2; }
  else if (w(toks[j]) === 'dau') { tail = 'ytd'; j += 1; }
  else if (w(toks[j]) === 'qua' || w(toks[j]) === 'vua' && w(toks[j + 1]) === 'qua') { tail = 'ytd'; j += w(toks[j]) === 'qua' ? 1 : 2; }
  else if (w(toks[j]) === 'cua' && w(toks[j + 1]) === 'nam') { j += 1; }
  if (w(toks[j]) === 'nay' && tail !== 'plain') { j += 1; return { tail, year: docYear, end: j }; }
  const y = readYear(toks, j, docYear);
  if (y.explicit || y.year !== null) return { tail, year: y.year, end: y.end };
  // "9 tháng đầu năm" then the year given bare: handled by readYear; "năm nay" handled above
  return { tail, year: null, end: j };
}

const CUTOFF_LEADS: string[][] = [
  ['tu', 'dau', 'nam', 'den', 'het'], ['tu', 'dau', 'nam', 'den', 'cuoi'], ['tu', 'dau', 'nam', 'den'],
  ['tinh', 'tu', 'dau', 'nam', 'den', 'het'], ['tinh', 'tu', 'dau', 'nam', 'den'],
  ['tinh', 'den', 'het'], ['tinh', 'den', 'cuoi'], ['tinh', 'den', 'ngay'], ['tinh', 'den', 'thoi', 'diem'], ['tinh', 'den'],
  ['den', 'het'], ['den', 'cuoi'], ['den', 'ngay'], ['den', 'thoi', 'diem'], ['luy', 'ke', 'den', 'het'], ['luy', 'ke', 'den'],
  ['cho', 'den', 'het'], ['cho', 'den'], ['den'], ['tinh', 'het'], ['het'], ['cuoi'], ['vao', 'cuoi'],
];
const CURRENT: string[][] = [
  ['den', 'thoi', 'diem', 'hien', 'tai'], ['den', 'thoi', 'diem', 'nay'], ['tinh', 'den', 'nay'], ['tinh', 'den', 'thoi', 'diem', 'nay'],
  ['cho', 'den', 'nay'], ['den', 'nay'], ['hien', 'nay'], ['hien', 'tai'], ['tai', 'thoi', 'diem', 'nay'], ['hien', 'co'], ['hien'],
];
const YTD_TO_DATE: string[][] = [
  ['luy', 'ke', 'tu', 'dau', 'nam'], ['luy', 'ke', 'ca', 'nam'], ['tinh', 'tu', 'dau', 'nam'], ['tu', 'dau', 'nam'], ['cong', 'don', 'tu', 'dau', 'nam'],
  ['luy', 'ke'], ['cong', 'don'],
];
const NOT_AFTER_HIEN = new Set(['dai', 'thuc', 'trang', 'hanh', 'tuong', 'dien', 'vat', 'dang', 'huu', 'ra', 'len']);
const NOT_BEFORE_HIEN = new Set(['thuc', 'the', 'xuat', 'phat', 'bieu', 'tai']);

function startsWith(toks: Tok[], i: number, seq: string[]): boolean {
  for (let k = 0; k < seq.length; k++) if (w(toks[i + k]) !== seq[k]) return false;
  return true;
}

/** A date at i: d/m/yyyy, d-m-yyyy, yyyy-mm-dd, d/m (year unknown), "ngày d tháng m năm yyyy". */
export function parseDateAt(toks: Tok[], i: number): { end: number; d: number; m: number; y: number | null } | null {
  const a = num(toks[i]);
  if (a === null) return null;
  const s1 = w(toks[i + 1]);
  if (isYear(a) && s1 === '-' && num(toks[i + 2]) !== null && w(toks[i + 3]) === '-' && num(toks[i + 4]) !== null) {
    const m = num(toks[i + 2])!; const d = num(toks[i + 4])!;
    if (m >= 1 && m <= 12 && d >= 1 && d <= 31) return { end: i + 5, d, m, y: a };
  }
  if ((s1 === '/' || s1 === '-' || s1 === '.') && a >= 1 && a <= 31) {
    const m = num(toks[i + 2]);
    if (m !== null && m >= 1 && m <= 12 && !toks[i + 1]!.sp && !toks[i + 2]!.sp) {
      const s2 = w(toks[i + 3]);
      if ((s2 === s1) && isYear(num(toks[i + 4])) && !toks[i + 4]!.sp) return { end: i + 5, d: a, m, y: num(toks[i + 4]) };
      if (s1 === '/' && !(s2 === '/' && num(toks[i + 4]) !== null)) return { end: i + 3, d: a, m, y: null };
    }
  }
  // ngày 05 tháng 01 năm 2026
  if (w(toks[i + 1]) === 'thang' && num(toks[i + 2]) !== null && a >= 1 && a <= 31 && toks[i - 1] && w(toks[i - 1]) === 'ngay') {
    const m = num(toks[i + 2])!;
    if (m >= 1 && m <= 12) {
      if (w(toks[i + 3]) === 'nam' && isYear(num(toks[i + 4]))) return { end: i + 5, d: a, m, y: num(toks[i + 4]) };
      return { end: i + 3, d: a, m, y: null };
    }
  }
  return null;
}

/** Month expression at i: "tháng 10/2024", "T10/2024", "10/2024", "tháng Mười". */
function parseMonthAt(toks: Tok[], i: number, docYear: number | null): PeriodHit | null {
  const t = toks[i];
  if (!t) return null;
  if (t.f === 'thang') {
    let m = num(toks[i + 1]);
    let j = i + 2;
    if (m === null) {
      const wn = MONTH_WORDS[w(toks[i + 1])];
      if (wn !== undefined && toks[i + 1]!.k === K.Word) {
        m = wn; j = i + 2;
        if (wn === 10 && (w(toks[i + 2]) === 'mot' || w(toks[i + 2]) === 'hai')) { m = w(toks[i + 2]) === 'mot' ? 11 : 12; j = i + 3; }
        // "tháng năm 2024" is ambiguous; only accept a month word that is capitalised in the source
      } else return null;
    }
    if (m < 1 || m > 12) return null;
    // "tháng 10/2" or a date "tháng 9/2024/..." are rare; a range "tháng 1-9/2024" reads as YTD 9
    if ((w(toks[j]) === '-' || w(toks[j]) === 'den') && num(toks[j + 1]) !== null && m === 1) {
      const m2 = num(toks[j + 1])!;
      if (m2 >= 2 && m2 <= 12) {
        const y = readYear(toks, j + 2, docYear);
        return { end: y.end, mark: { period: { kind: 'YTD', n: m2, year: y.year }, yearless: !y.explicit } };
      }
    }
    const y = readYear(toks, j, docYear);
    return { end: y.end, mark: { period: { kind: 'M', n: m, year: y.year }, yearless: !y.explicit } };
  }
  if (t.f === 't' && toks[i + 1]?.k === K.Num && toks[i + 1]!.glued) {
    const m = num(toks[i + 1]);
    if (m === null || m < 1 || m > 12) return null;
    const y = readYear(toks, i + 2, docYear);
    return { end: y.end, mark: { period: { kind: 'M', n: m, year: y.year }, yearless: !y.explicit } };
  }
  if (t.k === K.Num && !t.glued) {
    const m = num(t);
    if (m !== null && m >= 1 && m <= 12 && w(toks[i + 1]) === '/' && isYear(num(toks[i + 2])) && !toks[i + 1]!.sp && !toks[i + 2]!.sp) {
      // not the month of a d/m/yyyy date
      const p1 = toks[i - 1];
      if (p1 && (p1.f === '/' || p1.f === '-') && !p1.sp) return null;
      if (w(toks[i + 3]) === '/' && num(toks[i + 4]) !== null) return null;
      return { end: i + 3, mark: { period: { kind: 'M', n: m, year: num(toks[i + 2]) } } };
    }
  }
  return null;
}

/** Quarter at i: "quý III/2024", "quý 3 năm 2024", "quý I", "quý đầu năm". */
function parseQuarterAt(toks: Tok[], i: number, docYear: number | null): PeriodHit | null {
  if (w(toks[i]) !== 'quy') return null;
  const b = toks[i + 1];
  if (!b) return null;
  let q: number | null = null;
  let j = i + 2;
  if (b.k === K.Num) q = num(b);
  else if (b.k === K.Word) {
    q = romanNumber(b.f);
    if (q === null) {
      if (b.f === 'dau' && w(toks[i + 2]) === 'nam') { q = 1; j = i + 3; }
      else if (b.f === 'cuoi' && w(toks[i + 2]) === 'nam') { q = 4; j = i + 3; }
      else { const wn = wordNumber([b.f]); q = wn ? wn.value : null; }
    }
  }
  if (q === null || q < 1 || q > 4) return null;
  const y = readYear(toks, j, docYear);
  return { end: y.end, mark: { period: { kind: 'Q', n: q, year: y.year }, yearless: !y.explicit } };
}

/** "9 tháng đầu năm 2024", "chín tháng", "6 tháng cuối năm", "12 tháng". */
function parseMonthsCountAt(toks: Tok[], i: number, docYear: number | null): PeriodHit | null {
  const t = toks[i];
  if (!t) return null;
  let n: number | null = null;
  let j = i + 1;
  if (t.k === K.Num && !t.glued) n = num(t);
  else if (t.k === K.Word && (w(toks[i + 1]) === 'thang' || w(toks[i + 2]) === 'thang')) {
    const wn = wordNumber([t.f, w(toks[i + 1])]);
    if (wn) { n = wn.value; j = i + wn.used; }
  }
  if (n === null || n < 1 || n > 12) return null;
  if (w(toks[j]) !== 'thang') return null;
  // "6 tháng tới", "sau 3 tháng": durations, not periods
  const nx = w(toks[j + 1]);
  if (nx === 'toi' || nx === 'sau' || nx === 'ke' || nx === 'lien' || nx === 'lien tiep') return null;
  const prev = w(toks[i - 1]);
  if (prev === 'sau' || prev === 'vong' || prev === 'moi' || prev === 'hon') return null;
  const tail = readMonthsTail(toks, j + 1, docYear);
  const yearless = tail.year === null;
  if (tail.tail === 'end') {
    if (n === 3) return { end: tail.end, mark: { period: { kind: 'Q', n: 4, year: tail.year }, yearless } };
    if (n === 6) return { end: tail.end, mark: { period: { kind: 'H2', n: 2, year: tail.year }, yearless } };
    return { end: tail.end, mark: { period: { kind: 'VAGUE', n, year: tail.year }, yearless } };
  }
  if (n === 12) return { end: tail.end, mark: { period: { kind: 'Y', n: 0, year: tail.year }, yearless } };
  return { end: tail.end, mark: { period: { kind: 'YTD', n, year: tail.year }, yearless } };
}

// words a period can start with (anything else is skipped at once)
const STARTS = new Set(['q', 'h', 'cong', 'tu', 'tinh', 'den', 'luy', 'cho', 'het', 'cuoi', 'vao', 'hien', 'tai', 'thang', 't', 'nhung', 'cac', 'quy', 'nua',
  'giai', 'thoi', 'ca', 'nam', 'mot', 'hai', 'ba', 'bon', 'tu', 'sau', 'bay', 'bey', 'tam', 'chin', 'muoi']);

/** Main entry: a period, date or cut-off starting at token i, or null. */
export function parsePeriodAt(toks: Tok[], i: number, docYear: number | null): PeriodHit | null {
  const t = toks[i];
  if (!t) return null;
  const f = t.f;
  if (t.k === K.Word && !STARTS.has(f)) return null;
  if (t.k === K.Punct) return null;

  // cut-offs: "đến hết tháng 9/2024", "tính đến ngày 30/9/2024", "từ đầu năm đến hết tháng 11"
  if (f === 'tu' || f === 'tinh' || f === 'den' || f === 'luy' || f === 'cho' || f === 'het' || f === 'cuoi' || f === 'vao') {
    for (const lead of CUTOFF_LEADS) {
      if (!startsWith(toks, i, lead)) continue;
      const j = i + lead.length;
      const mh = parseMonthAt(toks, j, docYear);
      if (mh && mh.mark.period && mh.mark.period.kind === 'M') {
        return { end: mh.end, mark: { period: mh.mark.period, cutoff: true, yearless: mh.mark.yearless } };
      }
      const qh = parseQuarterAt(toks, j, docYear);
      if (qh && qh.mark.period && lead[lead.length - 1] !== 'cuoi' && lead[0] !== 'het') {
        // "đến hết quý III/2024": cut-off at the quarter's last month
        return { end: qh.end, mark: { period: { kind: 'M', n: qh.mark.period.n * 3, year: qh.mark.period.year }, cutoff: true, yearless: qh.mark.yearless } };
      }
      const start = w(toks[j]) === 'ngay' ? j + 1 : j;
      const dh = parseDateAt(toks, start);
      if (dh && (w(toks[j]) === 'ngay' || dh.y !== null || lead.includes('ngay'))) {
        return { end: dh.end, mark: { period: { kind: 'M', n: dh.m, year: dh.y }, cutoff: true, date: { d: dh.d, m: dh.m, y: dh.y }, yearless: dh.y === null } };
      }
      if (lead.length === 1 || lead[0] === 'het' || lead[0] === 'cuoi' || lead[0] === 'vao') {
        // "cuối năm 2023": a stock at year end
        if ((lead[lead.length - 1] === 'cuoi' || lead[0] === 'het') && w(toks[j]) === 'nam' && isYear(num(toks[j + 1]))) {
          return { end: j + 2, mark: { period: { kind: 'M', n: 12, year: num(toks[j + 1]) }, cutoff: true } };
        }
        continue;
      }
      if (w(toks[j]) === 'nam' && isYear(num(toks[j + 1]))) {
        // "đến năm 2030": a target year
        return { end: j + 2, mark: { period: { kind: 'Y', n: 0, year: num(toks[j + 1]) } } };
      }
    }
  }
  if (f === 'luy' || f === 'tu' || f === 'tinh' || f === 'cong') {
    for (const seq of YTD_TO_DATE) {
      if (!startsWith(toks, i, seq)) continue;
      // "lũy kế 9 tháng" is read by the months-count rule; "từ đầu năm đến hết tháng 11" by the cut-off rule
      const nx = toks[i + seq.length];
      if (nx && nx.k === K.Num) return null;
      if (nx && (nx.f === 'den' || nx.f === 'toi') && !(w(toks[i + seq.length + 1]) === 'nay')) return null;
      let end = i + seq.length;
      if (w(toks[end]) === 'den' && w(toks[end + 1]) === 'nay') end += 2;
      return { end, mark: { period: null, ytdToDate: true } };
    }
  }
  if (f === 'den' || f === 'tinh' || f === 'hien' || f === 'cho' || f === 'tai') {
    for (const seq of CURRENT) {
      if (!startsWith(toks, i, seq)) continue;
      if (seq.length === 1 || (seq[0] === 'hien' && seq[1] === 'co')) {
        if (NOT_BEFORE_HIEN.has(w(toks[i - 1])) || NOT_AFTER_HIEN.has(w(toks[i + 1]))) return null;
      }
      return { end: i + (seq[0] === 'hien' && seq[1] === 'co' ? 1 : seq.length), mark: { period: null, current: true } };
    }
  }

  // report-table shorthands: Q3/2024, H1/2024 (and 9T/2024, read from the number below)
  if ((f === 'q' || f === 'h') && toks[i + 1]?.k === K.Num && toks[i + 1]!.glued) {
    const n = num(toks[i + 1]);
    const y = readYear(toks, i + 2, docYear);
    if (n !== null && y.explicit) {
      if (f === 'q' && n >= 1 && n <= 4) return { end: y.end, mark: { period: { kind: 'Q', n, year: y.year } } };
      if (f === 'h' && n === 1) return { end: y.end, mark: { period: { kind: 'YTD', n: 6, year: y.year } } };
      if (f === 'h' && n === 2) return { end: y.end, mark: { period: { kind: 'H2', n: 2, year: y.year } } };
    }
  }
  if (f === 'thang' || f === 't') {
    const mh = parseMonthAt(toks, i, docYear);
    if (mh) return mh;
    // "những tháng đầu năm"/"các tháng cuối năm 2019": vague
  }
  if ((f === 'nhung' || f === 'cac') && w(toks[i + 1]) === 'thang' && (w(toks[i + 2]) === 'cuoi' || w(toks[i + 2]) === 'dau' || w(toks[i + 2]) === 'con')) {
    let j = i + 3;
    if (w(toks[j]) === 'lai') j++;
    if (w(toks[j]) === 'nam') j++;
    const y = readYear(toks, j, docYear);
    const year = y.explicit ? y.year : null;
    return { end: y.explicit ? y.end : j, mark: { period: { kind: 'VAGUE', n: 0, year }, yearless: year === null } };
  }
  if (f === 'quy') return parseQuarterAt(toks, i, docYear);
  if (f === 'nua') {
    if (w(toks[i + 1]) === 'dau' && w(toks[i + 2]) === 'nam') {
      const y = readYear(toks, i + 3, docYear);
      return { end: y.end, mark: { period: { kind: 'YTD', n: 6, year: y.year }, yearless: !y.explicit } };
    }
    if (w(toks[i + 1]) === 'cuoi' && w(toks[i + 2]) === 'nam') {
      const y = readYear(toks, i + 3, docYear);
      return { end: y.end, mark: { period: { kind: 'H2', n: 2, year: y.year }, yearless: !y.explicit } };
    }
    if (w(toks[i + 1]) === 'nam' && !isYear(num(toks[i + 2]))) {
      return { end: i + 2, mark: { period: { kind: 'YTD', n: 6, year: null }, yearless: true } };
    }
    return null;
  }
  if (f === 'giai' && w(toks[i + 1]) === 'doan' || f === 'thoi' && w(toks[i + 1]) === 'ky') {
    const a = num(toks[i + 2]);
    if (isYear(a) && w(toks[i + 3]) === '-' && isYear(num(toks[i + 4]))) {
      return { end: i + 5, mark: { period: { kind: 'Y', n: 0, year: num(toks[i + 4]) }, range: [a, num(toks[i + 4])!] } };
    }
    return null;
  }
  if (f === 'ca' && w(toks[i + 1]) === 'nam') {
    const y = readYear(toks, i + 2, docYear);
    return { end: y.end, mark: { period: { kind: 'Y', n: 0, year: y.year ?? docYear }, yearless: !y.explicit } };
  }
  if (f === 'nam') {
    const a = toks[i + 1];
    const v = num(a);
    if (isYear(v) && !(toks[i + 2]?.f === '%')) {
      if (w(toks[i + 2]) === '-' && isYear(num(toks[i + 3]))) {
        return { end: i + 4, mark: { period: { kind: 'Y', n: 0, year: num(toks[i + 3]) }, range: [v, num(toks[i + 3])!] } };
      }
      return { end: i + 2, mark: { period: { kind: 'Y', n: 0, year: v } } };
    }
    if (w(a) === 'nay' && docYear !== null) return { end: i + 2, mark: { period: { kind: 'Y', n: 0, year: docYear } } };
    if ((w(a) === 'ngoai') && docYear !== null) return { end: i + 2, mark: { period: { kind: 'Y', n: 0, year: docYear - 1 } } };
    return null;
  }
  if (t.k === K.Num && !t.glued) {
    const dh = parseDateAt(toks, i);
    if (dh) return { end: dh.end, mark: { period: null, date: { d: dh.d, m: dh.m, y: dh.y } } };
    const mh = parseMonthAt(toks, i, docYear);
    if (mh) return mh;
    const mc = parseMonthsCountAt(toks, i, docYear);
    if (mc) return mc;
    const v = num(t);
    // "9T/2024": the first nine months
    if (v !== null && v >= 2 && v <= 12 && toks[i + 1]?.f === 't' && toks[i + 1]!.s === t.e) {
      const y = readYear(toks, i + 2, docYear);
      if (y.explicit) return { end: y.end, mark: { period: v === 12 ? { kind: 'Y', n: 0, year: y.year } : { kind: 'YTD', n: v, year: y.year } } };
    }
    if (isYear(v) && t.f.length === 4) {
      const nx = toks[i + 1];
      if (nx && (nx.f === '%' || nx.k === K.Word && /^(ty|trieu|nghin|ngan|ha|tan|usd|dong|du|cum|cho|lao|nguoi|doanh|ccn|kwh|m)$/.test(nx.f))) return null;
      if (nx && nx.f === '-' && isYear(num(toks[i + 2]))) {
        return { end: i + 3, mark: { period: { kind: 'Y', n: 0, year: num(toks[i + 2]) }, range: [v, num(toks[i + 2])!] } };
      }
      return { end: i + 1, mark: { period: { kind: 'Y', n: 0, year: v } } };
    }
    return null;
  }
  if (t.k === K.Word) {
    const mc = parseMonthsCountAt(toks, i, docYear);
    if (mc) return mc;
  }
  return null;
}

// ---------------------------------------------------------------------------------------------
// Codes

/** Machine code as in the development set: T10/2024, Q3/2024, 9T/2024, 2024 (H1 is written 6T). */
export function periodCode(p: Period | null): string | null {
  if (!p || p.year === null) return null;
  switch (p.kind) {
    case 'M': return `T${p.n}/${p.year}`;
    case 'Q': return `Q${p.n}/${p.year}`;
    case 'YTD': return p.n >= 12 ? `${p.year}` : p.n === 1 ? `T1/${p.year}` : `${p.n}T/${p.year}`;
    case 'Y': return `${p.year}`;
    case 'H2': return `H2/${p.year}`;
    case 'VAGUE': return `${p.year}`;
  }
}

/** Canonical form for comparing codes: H1 ≡ 6T, Q1 ≡ 3T, 1T ≡ T1, 12T ≡ year. */
export function canonicalPeriod(code: string | null | undefined): string | null {
  if (code === null || code === undefined) return null;
  const s = String(code).trim().toUpperCase();
  let m = /^H1\/(\d{4})$/.exec(s);
  if (m) return `6T/${m[1]}`;
  m = /^Q1\/(\d{4})$/.exec(s);
  if (m) return `3T/${m[1]}`;
  m = /^1T\/(\d{4})$/.exec(s);
  if (m) return `T1/${m[1]}`;
  m = /^12T\/(\d{4})$/.exec(s);
  if (m) return m[1]!;
  return s;
}

/** Last month covered by a period (for stock cut-offs). */
export function endMonth(p: Period): number {
  switch (p.kind) {
    case 'M': return p.n;
    case 'Q': return p.n * 3;
    case 'YTD': return p.n;
    case 'Y': case 'H2': case 'VAGUE': return 12;
  }
}
