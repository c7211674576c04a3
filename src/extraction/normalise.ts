// Text normalisation with an offset map back to the raw input.
//
// Everything downstream works on `text` (NFC, cleaned) and `fold` (same length, lower-case, no
// diacritics, đ → d). The UI highlights in the *raw* text, so every normalised character keeps the raw
// offsets it came from: `start[i]` and `end[i]`.

export interface NormText {
  raw: string;
  /** NFC text with spaces, dashes, slashes and invisible characters cleaned. */
  text: string;
  /** Same length as `text`: lower-case, diacritics removed, đ → d (so slips in accents still match). */
  fold: string;
  /** Raw offset where normalised char i starts. */
  start: Int32Array;
  /** Raw offset just after normalised char i. */
  end: Int32Array;
  /** Share of letters carrying Vietnamese diacritics: near 0 means the text was typed without them. */
  diacriticRate: number;
}

// Characters replaced one-for-one: the press types all of these for the same thing.
const SUBST: Record<string, string> = {
  '\u2044': '/', '\u2215': '/', '\uFF0F': '/',
  '\u2010': '-', '\u2011': '-', '\u2012': '-', '\u2013': '-', '\u2014': '-', '\u2015': '-',
  '\u2212': '-', '\uFE58': '-', '\uFE63': '-', '\uFF0D': '-',
  '\u201C': '"', '\u201D': '"', '\u201E': '"', '\u00AB': '"', '\u00BB': '"',
  '\u2018': "'", '\u2019': "'", '\u201A': "'",
  '\uFF05': '%', '\u066A': '%', '\uFF0C': ',', '\uFF0E': '.', '\uFF1A': ':', '\uFF1B': ';',
  '\uFF08': '(', '\uFF09': ')',
};
// Zero-width characters and soft hyphens are dropped: they split words invisibly.

let FOLD_TABLE: Map<number, number> | null = null;
function foldTable(): Map<number, number> {
  if (FOLD_TABLE) return FOLD_TABLE;
  const t = new Map<number, number>();
  const ranges: Array<[number, number]> = [[0xC0, 0x24F], [0x1E00, 0x1EFF]];
  for (const [a, b] of ranges) {
    for (let c = a; c <= b; c++) {
      const ch = String.fromCharCode(c);
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
      if (base.length === 1) t.set(c, base.charCodeAt(0));
    }
  }
  t.set(0x110, 0x64); t.set(0x111, 0x64); // Đ đ
  t.set(0x189, 0x64); // Ɖ, a look-alike typed for Đ
  FOLD_TABLE = t;
  return t;
}

/** Folds one NFC character code to its lower-case base letter (one UTF-16 unit in, one out). */
let FAST: Uint16Array | null = null;
export function foldChar(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  if (c < 0x2000) {
    if (!FAST) {
      FAST = new Uint16Array(0x2000);
      for (let k = 0; k < 0x2000; k++) FAST[k] = foldSlow(k);
    }
    return FAST[c]!;
  }
  return foldSlow(c);
}
function foldSlow(c: number): number {
  if (c < 0x80) return c >= 65 && c <= 90 ? c + 32 : c;
  const t = foldTable().get(c);
  if (t !== undefined) return t;
  const ch = String.fromCharCode(c);
  const low = ch.toLowerCase();
  return low.length === 1 ? low.charCodeAt(0) : c;
}

/** Folds a whole string (used for lexicon entries, so they match the folded text). */
export function foldString(s: string): string {
  const n = s.normalize('NFC');
  let out = '';
  for (let i = 0; i < n.length; i++) out += String.fromCharCode(foldChar(n.charCodeAt(i)));
  return out;
}

const VI_DIACRITIC = /[à-ỹÀ-Ỹđ]/;

function isMarkCode(d: number): boolean {
  return (d >= 0x300 && d <= 0x36F) || (d >= 0x1AB0 && d <= 0x1AFF) || (d >= 0x1DC0 && d <= 0x1DFF) || (d >= 0x20D0 && d <= 0x20FF);
}
function isSpaceCode(c: number): boolean {
  return c === 32 || c === 9 || c === 11 || c === 12 || c === 0xA0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200A) || c === 0x202F || c === 0x205F || c === 0x3000 || (c < 32 && c !== 10 && c !== 13);
}
function isDropCode(c: number): boolean {
  return (c >= 0x200B && c <= 0x200D) || c === 0x2060 || c === 0xFEFF || c === 0xAD;
}
const SUBST_CODE = new Map<number, number>(Object.entries(SUBST).map(([k, v]) => [k.charCodeAt(0), v.charCodeAt(0)]));

const UTF16 = new TextDecoder('utf-16le');

export function normalise(raw: string): NormText {
  const n = raw.length;
  // "…" expands to three characters: grow the buffers when that happens
  let cap = n + 16;
  let codes = new Uint16Array(cap);
  let st = new Int32Array(cap);
  let en = new Int32Array(cap);
  let len = 0;
  let letters = 0;
  let marked = 0;
  let lastSpace = true; // collapse leading spaces too
  let pendingSpace = -1; // index of a space not yet known to be followed by text on the same line
  const push = (code: number, s: number, e: number): void => {
    if (len >= cap) {
      cap = cap * 2;
      const c2 = new Uint16Array(cap); c2.set(codes); codes = c2;
      const s2 = new Int32Array(cap); s2.set(st); st = s2;
      const e2 = new Int32Array(cap); e2.set(en); en = e2;
    }
    codes[len] = code; st[len] = s; en[len] = e; len++;
  };
  let i = 0;
  while (i < n) {
    const c = raw.charCodeAt(i);
    // fast path: printable ASCII not followed by a combining mark
    if (c > 32 && c < 127) {
      const d = i + 1 < n ? raw.charCodeAt(i + 1) : 0;
      if (d < 0x300 || d > 0x36F) {
        if (len >= cap) push(c, i, i + 1);
        else { codes[len] = c; st[len] = i; en[len] = i + 1; len++; }
        if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
        lastSpace = false; pendingSpace = -1;
        i++;
        continue;
      }
    }
    let j = i + 1;
    const hi = c >= 0xD800 && c <= 0xDBFF && j < n;
    if (hi) j++;
    while (j < n && isMarkCode(raw.charCodeAt(j))) j++;
    if (j - i > 1 && !(hi && j - i === 2)) {
      // base + combining marks (decomposed Vietnamese from some editors): compose; drop what cannot compose
      const cl = raw.slice(i, j).normalize('NFC').replace(/[\u0300-\u036F\u1AB0-\u1AFF\u1DC0-\u1DFF\u20D0-\u20FF]/g, '');
      if (cl.length === 0) { i = j; continue; }
      lastSpace = false; pendingSpace = -1;
      for (let k = 0; k < cl.length; k++) push(cl.charCodeAt(k), i, j);
      if (cl.length === 1 && VI_DIACRITIC.test(cl)) { letters++; marked++; }
      i = j;
      continue;
    }
    if (hi) { lastSpace = false; pendingSpace = -1; push(c, i, j); push(raw.charCodeAt(i + 1), i, j); i = j; continue; }
    if (c === 13 || c === 10 || c === 0x2028 || c === 0x2029 || c === 0x85) {
      if (c === 13 && raw.charCodeAt(j) === 10) j++;
      if (pendingSpace >= 0 && pendingSpace === len - 1) len--; // no space before a line break
      push(10, i, j); lastSpace = true; pendingSpace = -1; i = j; continue;
    }
    if (isDropCode(c)) { i = j; continue; }
    if (isSpaceCode(c)) {
      if (!lastSpace) { push(32, i, j); pendingSpace = len - 1; }
      lastSpace = true; i = j; continue;
    }
    lastSpace = false; pendingSpace = -1;
    if (c === 0x2026) { push(46, i, j); push(46, i, j); push(46, i, j); i = j; continue; }
    const sub = c >= 0x80 ? SUBST_CODE.get(c) : undefined;
    if (sub !== undefined) { push(sub, i, j); i = j; continue; }
    if (c >= 0xFF10 && c <= 0xFF19) { push(c - 0xFF10 + 48, i, j); i = j; continue; }
    push(c, i, j);
    if ((c >= 65 && c <= 90) || (c >= 97 && c <= 122)) letters++;
    else if (c >= 0xC0 && (c <= 0x1B0 || (c >= 0x1EA0 && c <= 0x1EF9))) { letters++; if (foldChar(c) !== c) marked++; }
    i = j;
  }
  if (pendingSpace >= 0 && pendingSpace === len - 1) len--;
  const fcodes = new Uint16Array(len);
  for (let k = 0; k < len; k++) fcodes[k] = foldChar(codes[k]!);
  // lone surrogates decode as U+FFFD: the length stays the same, which is all the offsets need
  const text = UTF16.decode(codes.subarray(0, len));
  const fold = UTF16.decode(fcodes);
  return {
    raw, text, fold,
    start: st.subarray(0, len), end: en.subarray(0, len),
    diacriticRate: letters ? marked / letters : 0,
  };
}

/** Raw [start, end) of the normalised span [a, b). */
export function rawSpan(nt: NormText, a: number, b: number): [number, number] {
  if (nt.text.length === 0) return [0, 0];
  const s = nt.start[Math.min(a, nt.text.length - 1)] ?? 0;
  const e = b > a ? nt.end[Math.min(b - 1, nt.text.length - 1)] ?? s : s;
  return [s, e];
}

// Tone marks are separated from vowel shape so "hoá"/"hóa" and "thuỷ"/"thủy" compare equal while
// "chợ" (market) and "cho" (for) do not.
const TONES = /[\u0300\u0301\u0303\u0309\u0323]/g;
const SHAPE_CACHE = new Map<string, string>();
export function shapeTone(word: string): string {
  const hit = SHAPE_CACHE.get(word);
  if (hit !== undefined) return hit;
  const r = shapeToneUncached(word);
  if (SHAPE_CACHE.size < 50_000) SHAPE_CACHE.set(word, r);
  return r;
}
function shapeToneUncached(word: string): string {
  const d = word.toLowerCase().normalize('NFD');
  const tones = (d.match(TONES) ?? []).sort().join('');
  return d.replace(TONES, '').normalize('NFC') + '|' + tones;
}
