// Vietnamese number reading: "2.841.141" (thousands with dots), "11,87" (decimal comma), and the
// English-style slips some sites print ("119.79", "2,841,141"). Word numbers for periods and ratios.

export type Convention = 'vi' | 'en';

/**
 * Reads a digit string with separators. `vi`: "." groups thousands and "," is the decimal mark; a
 * single "." followed by 1–2 or 4+ digits can only be a decimal (a slip), so it is read as one.
 * `en` swaps the roles. Returns NaN for anything that is not a number.
 */
export function parseNumber(s: string, conv: Convention = 'vi'): number {
  let dots = 0;
  let commas = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c === 46 || c === 44) {
      // no leading, trailing or doubled separator
      if (i === 0 || i === s.length - 1) return NaN;
      const d = s.charCodeAt(i - 1);
      if (d === 46 || d === 44) return NaN;
      if (c === 46) dots++; else commas++;
    } else if (c < 48 || c > 57) return NaN;
  }
  if (s.length === 0) return NaN;
  if (dots === 0 && commas === 0) return Number(s);
  if (dots > 0 && commas > 0) {
    // the mark that comes last is the decimal mark
    const lastDot = s.lastIndexOf('.');
    const lastComma = s.lastIndexOf(',');
    if (lastComma > lastDot) {
      if (commas > 1) return NaN;
      if (!/^\d{1,3}(\.\d{3})+,\d+$/.test(s)) return NaN;
      return Number(s.replace(/\./g, '').replace(',', '.'));
    }
    if (dots > 1) return NaN;
    if (!/^\d{1,3}(,\d{3})+\.\d+$/.test(s)) return NaN;
    return Number(s.replace(/,/g, ''));
  }
  const sep = dots > 0 ? '.' : ',';
  const count = dots + commas;
  const groups = s.split(sep);
  const thousandsShape = groups.slice(1).every((g) => g.length === 3) && groups[0]!.length <= 3 && groups[0]!.length >= 1;
  if (count > 1) {
    if (!thousandsShape) return NaN;
    return Number(groups.join(''));
  }
  // exactly one separator
  const groupingSep = conv === 'vi' ? '.' : ',';
  if (sep === groupingSep && thousandsShape && !/^0/.test(s)) return Number(groups.join(''));
  return Number(groups[0] + '.' + groups[1]);
}

/** Decides whether a document writes numbers the English way (e.g. "11.87%", "2,841,141"). */
export function detectConvention(text: string): Convention {
  let vi = 0;
  let en = 0;
  for (const m of text.matchAll(/\d[\d.,]*\d/g)) {
    const s = m[0];
    if (/^\d{1,3}(\.\d{3})+,\d+$/.test(s) || /^\d+,\d{1,2}$/.test(s) || /^\d{1,3}(\.\d{3}){2,}$/.test(s)) vi++;
    else if (/^\d{1,3}(,\d{3})+\.\d+$/.test(s) || /^\d{1,3}(,\d{3}){2,}$/.test(s)) en++;
  }
  return en > vi ? 'en' : 'vi';
}

const WORD_NUM: Record<string, number> = {
  mot: 1, hai: 2, ba: 3, bon: 4, tu: 4, nam: 5, sau: 6, bay: 7, bey: 7, tam: 8, chin: 9, muoi: 10,
};
/** "chín" → 9, "mười một" → 11 (folded words). */
export function wordNumber(words: string[]): { value: number; used: number } | null {
  const a = words[0];
  if (a === undefined) return null;
  if (a === 'muoi') {
    const b = words[1];
    if (b === 'mot') return { value: 11, used: 2 };
    if (b === 'hai') return { value: 12, used: 2 };
    return { value: 10, used: 1 };
  }
  const v = WORD_NUM[a];
  return v === undefined ? null : { value: v, used: 1 };
}

const ROMAN: Record<string, number> = { i: 1, ii: 2, iii: 3, iv: 4, v: 5, vi: 6, vii: 7, viii: 8, ix: 9, x: 10, xi: 11, xii: 12 };
export function romanNumber(w: string): number | null {
  return Object.hasOwn(ROMAN, w) ? ROMAN[w]! : null; // not "constructor", "__proto__" (found by bench/fuzz)
}

/** Rounds away binary noise (0.1 + 0.2) so outputs print as the press wrote them. */
export function tidy(x: number): number {
  return Math.round(x * 1e9) / 1e9;
}
