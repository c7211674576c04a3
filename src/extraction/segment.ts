// Paragraphs and sentences over tokens. A line break always ends a sentence; ". " ends one when the
// next word starts with a capital, a digit or a quote, unless the dot closes an abbreviation ("TP.").

import type { NormText } from './normalise.ts';
import { K, type Tok } from './tokens.ts';

export interface Sentence {
  /** token range [a, b) */
  a: number;
  b: number;
  para: number;
  /** first sentence of its paragraph */
  first: boolean;
}

const ABBREV = new Set(['tp', 'tx', 'ts', 'ths', 'pgs', 'gs', 'st', 'vs', 'q', 'p', 'tt', 'ks', 'bs', 'mr', 'ms', 'dc', 'vv', 'tr']);

export function sentences(nt: NormText, toks: Tok[]): Sentence[] {
  const out: Sentence[] = [];
  let para = 0;
  let a = 0;
  let first = true;
  const push = (b: number): void => {
    if (b > a) { out.push({ a, b, para, first }); first = false; }
    a = b;
  };
  for (let i = 0; i < toks.length; i++) {
    const t = toks[i]!;
    if (t.nl && i > 0) {
      push(i);
      para++;
      first = true;
    }
    if (t.k === K.Punct && (t.f === '.' || t.f === '!' || t.f === '?')) {
      const nx = toks[i + 1];
      if (!nx) continue;
      if (nx.nl) continue; // handled by the line break
      if (nx.k === K.Punct && nx.f === '.') continue; // "..." — decide at the last dot
      const prev = toks[i - 1];
      if (prev && prev.k === K.Word && ABBREV.has(prev.f) && prev.e - prev.s <= 3) continue;
      if (!nx.sp) continue; // "TP.HCM", "2.841"
      const c = nt.text[nx.s]!;
      const starts = nx.k === K.Num || c === '"' || c === "'" || c === '(' || (c !== c.toLowerCase());
      if (starts) push(i + 1);
    }
  }
  push(toks.length);
  return out;
}
