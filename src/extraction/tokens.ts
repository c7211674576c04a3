// Tokeniser over the folded text, and a phrase trie keyed by folded tokens.
//
// Words, numbers and single punctuation marks. Matching is done on folded words so missing or
// misplaced accents still match; hyphens are transparent ("Bà Rịa- Vũng Tàu", "thương mại- dịch vụ").

import { loadJson } from './data.ts';
import type { NormText } from './normalise.ts';

export const enum K { Word = 0, Num = 1, Punct = 2 }

export interface Tok {
  k: K;
  s: number; // start in normalised text
  e: number; // end
  f: string; // folded (slip-corrected) form
  /** number glued to a letter before it (SS2010, T10, COVID-19): not a quantity */
  glued: boolean;
  /** whitespace before this token */
  sp: boolean;
  /** a line break before this token */
  nl: boolean;
}

// a Map, not an object: a word like "constructor" must not find Object.prototype
const SLIPS = new Map<string, string>(Object.entries(loadJson<Record<string, string>>('slips.json')).filter(([k]) => k !== '_'));

function isLetter(c: number): boolean {
  if (c < 0x80) return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
  if (c < 0xC0) return false;
  return /\p{L}/u.test(String.fromCharCode(c));
}

export function tokenise(nt: NormText): Tok[] {
  const f = nt.fold;
  const n = f.length;
  const out: Tok[] = [];
  let i = 0;
  let sp = true;
  let nl = true;
  while (i < n) {
    const c = f.charCodeAt(i);
    if (c === 32) { sp = true; i++; continue; }
    if (c === 10) { sp = true; nl = true; i++; continue; }
    if (c >= 48 && c <= 57) {
      let j = i + 1;
      for (;;) {
        while (j < n && f.charCodeAt(j) >= 48 && f.charCodeAt(j) <= 57) j++;
        const d = f.charCodeAt(j);
        if ((d === 46 || d === 44) && j + 1 < n && f.charCodeAt(j + 1) >= 48 && f.charCodeAt(j + 1) <= 57) { j++; continue; }
        break;
      }
      const prev = out[out.length - 1];
      const glued = !sp && !!prev && (prev.k === K.Word ||
        (prev.f === '-' && out.length >= 2 && out[out.length - 2]!.k === K.Word && !out[out.length - 2]!.sp && !prev.sp && out[out.length-2]!.e === prev.s));
      out.push({ k: K.Num, s: i, e: j, f: f.slice(i, j), glued, sp, nl });
      i = j; sp = false; nl = false; continue;
    }
    if (isLetter(c)) {
      let j = i + 1;
      while (j < n && isLetter(f.charCodeAt(j))) j++;
      let w = f.slice(i, j);
      const fix = SLIPS.get(w);
      if (fix !== undefined) w = fix;
      out.push({ k: K.Word, s: i, e: j, f: w, glued: false, sp, nl });
      i = j; sp = false; nl = false; continue;
    }
    // combining marks left over are skipped; everything else is one punctuation token
    if (c >= 0x300 && c <= 0x36F) { i++; continue; }
    out.push({ k: K.Punct, s: i, e: i + 1, f: f[i]!, glued: false, sp, nl });
    i++; sp = false; nl = false;
  }
  return out;
}

// ---------------------------------------------------------------------------------------------
// Phrase trie

export interface TrieNode<P> { next: Map<string, TrieNode<P>>; payload?: P }

export function newTrie<P>(): TrieNode<P> { return { next: new Map() }; }

/** Splits a lexicon phrase the same way the text is tokenised (folded, hyphens dropped). */
export function phraseKeys(folded: string): string[] {
  const keys: string[] = [];
  const re = /[0-9]+(?:[.,][0-9]+)*|[\p{L}]+|[^\s\p{L}0-9]/gu;
  for (const m of folded.matchAll(re)) {
    let w = m[0];
    if (w === '-') continue;
    const fix = SLIPS.get(w);
    if (fix !== undefined) w = fix;
    keys.push(w);
  }
  return keys;
}

export function trieAdd<P>(root: TrieNode<P>, keys: string[], payload: P, merge?: (a: P, b: P) => P): void {
  let node = root;
  for (const k of keys) {
    let nx = node.next.get(k);
    if (!nx) { nx = { next: new Map() }; node.next.set(k, nx); }
    node = nx;
  }
  node.payload = node.payload !== undefined && merge ? merge(node.payload, payload) : payload;
}

export interface TrieHit<P> { end: number; payload: P }

/** Longest phrase starting at token i; returns the index after its last token. */
export function trieMatch<P>(root: TrieNode<P>, toks: Tok[], i: number, stopAt = toks.length): TrieHit<P> | null {
  let node: TrieNode<P> | undefined = root;
  let best: TrieHit<P> | null = null;
  let j = i;
  while (j < stopAt && node) {
    const t: Tok = toks[j]!;
    if (t.f === '-' && j > i) { j++; continue; }
    if (t.nl && j > i) break; // phrases never run across lines
    node = node.next.get(t.f);
    if (!node) break;
    j++;
    if (node.payload !== undefined) best = { end: j, payload: node.payload };
  }
  return best;
}
