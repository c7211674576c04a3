// Recognition pass: turns tokens into marks (lexicon phrases, periods, quantities, punctuation,
// plain words). Greedy left to right, longest match wins; a period beats a lexicon phrase of the
// same length ("hiện" the cut-off over "hiện" the stop word).

import { lexicon, type Lex } from './lexicon.ts';
import { shapeTone, type NormText } from './normalise.ts';
import type { Convention } from './numbers.ts';
import { parsePeriodAt, type PeriodMark } from './periods.ts';
import { parseQuantityAt, type Quantity } from './quantities.ts';
import { K, trieMatch, type Tok } from './tokens.ts';

export type MarkType = 'lex' | 'period' | 'qty' | 'punct' | 'word' | 'num';

export interface Mark {
  type: MarkType;
  /** token range [i, j) */
  i: number;
  j: number;
  lex?: Lex[];
  /** one bit per kind of lexicon payload present, for fast tests */
  mask: number;
  pm?: PeriodMark;
  q?: Quantity;
  ch?: string;
}

const KINDS: Array<Lex['t']> = ['ind', 'other', 'fam', 'prodHead', 'prodCtx', 'commCtx', 'otherHead', 'breakdown', 'place', 'ref', 'status', 'qual', 'verb', 'cmp', 'planBase', 'list', 'break', 'stop'];
const BIT = Object.fromEntries(KINDS.map((k, i) => [k, 1 << i])) as Record<Lex['t'], number>;
export function maskOf(lex: Lex[]): number {
  let m = 0;
  for (const x of lex) m |= BIT[x.t];
  return m;
}
export function has(m: Mark | undefined, t: Lex['t']): boolean {
  return m !== undefined && (m.mask & BIT[t]) !== 0;
}
export function get<T extends Lex['t']>(m: Mark | undefined, t: T): Extract<Lex, { t: T }> | undefined {
  if (m === undefined || (m.mask & BIT[t]) === 0) return undefined;
  const lex = m.lex!;
  for (let k = 0; k < lex.length; k++) if (lex[k]!.t === t) return lex[k] as Extract<Lex, { t: T }>;
  return undefined;
}
/** only stop words */
export function stopOnly(m: Mark): boolean {
  return m.mask === BIT.stop;
}

// Words that may follow the bare "khu vực" when it means "the region" (not "khu vực FDI",
// "khu vực biên giới", "khu vực kinh tế nhà nước").
const REGION_FOLLOW = new Set([
  'dat', 'tang', 'giam', 'co', 'uoc', 'du', 'la', 'voi', 'va', 'trong', 'nam', 'thang', 'quy', 'da', 'van', 'cung', 'tiep',
  'thuc', 'chiem', 'nhu', 'gom', 'thi', 'se', 'dang', 'xuat', 'nhap', 'tong', 'hien', 'den', 'tinh', 'luy', 'vuot', 'bang',
  'chi', 'lai', 'duy', 'tiep', 'ca', 'cao', 'thap', 'nhin', 'con', 'rieng', 'sau', 'giu', 'luon', 'deu', 'tu',
]);

export function recognise(nt: NormText, toks: Tok[], conv: Convention, docYear: number | null): Mark[] {
  const lex = lexicon();
  const marks: Mark[] = [];
  const diacritics = nt.diacriticRate > 0.04;
  const n = toks.length;
  let i = 0;
  while (i < n) {
    const t = toks[i]!;
    if (t.k === K.Punct) {
      marks.push({ type: 'punct', i, j: i + 1, ch: t.f, mask: 0 });
      i++;
      continue;
    }
    const per = parsePeriodAt(toks, i, docYear);
    const qty = t.k === K.Num || (t.k === K.Word && toks[i - 1]?.f === 'gap') ? parseQuantityAt(nt, toks, i, conv, diacritics) : null;
    let lx = t.k === K.Word ? trieMatch(lex, toks, i) : null;
    if (lx) {
      const filtered = filterLex(nt, toks, i, lx.end, lx.payload, diacritics);
      if (filtered.length === 0) {
        // the longest phrase failed its check (e.g. a lower-case "hòa bình"): try shorter ones
        lx = shorterMatch(nt, toks, i, lx.end, diacritics);
      } else lx = { end: lx.end, payload: filtered };
    }
    const perLen = per ? per.end - i : 0;
    const qtyLen = qty ? qty.end - i : 0;
    const lxLen = lx ? lx.end - i : 0;
    if (qty && qtyLen >= perLen && qtyLen >= lxLen) {
      marks.push({ type: 'qty', i, j: qty.end, q: qty.q, mask: 0 });
      i = qty.end;
    } else if (per && perLen >= lxLen && perLen > 0) {
      marks.push({ type: 'period', i, j: per.end, pm: per.mark, mask: 0 });
      i = per.end;
    } else if (lx && lxLen > 0) {
      marks.push({ type: 'lex', i, j: lx.end, lex: lx.payload, mask: maskOf(lx.payload) });
      i = lx.end;
    } else {
      marks.push({ type: t.k === K.Num ? 'num' : 'word', i, j: i + 1, mask: 0 });
      i++;
    }
  }
  return marks;
}

function filterLex(nt: NormText, toks: Tok[], i: number, end: number, payload: Lex[], diacritics: boolean): Lex[] {
  let needs = false;
  for (const p of payload) if (p.t === 'place' || p.t === 'ref' || (diacritics && p.form !== undefined)) { needs = true; break; }
  if (!needs) return payload;
  const written = end === i + 1 && diacritics ? shapeTone(nt.text.slice(toks[i]!.s, toks[i]!.e)) : null;
  return payload.filter((p) => {
    if (written !== null && p.form !== undefined && p.form !== written) return false;
    if (p.t === 'place') {
      if (p.place.cased && !p.prefixed) {
        // a province written with a capital (so "hòa bình" the word, "cao bằng" ... are not places)
        const c = nt.text[toks[i]!.s]!;
        if (c !== c.toUpperCase() && diacritics) return false;
      }
      if (p.place.id === 'national' && end === i + 2 && toks[i]!.f === 'viet' && toks[i + 1]!.f === 'nam') {
        // "hàng Việt Nam", "Người Việt Nam": not the country as a scope
        const pv = toks[i - 1]?.f;
        if (pv === 'hang' || pv === 'nguoi' || pv === 'dung' || pv === 'cua' && toks[i - 2]?.f === 'hang') return false;
      }
      return true;
    }
    if (p.t === 'ref' && p.ref === 'region') {
      const last = toks[end - 1]!.f;
      if (last === 'vuc' || last === 'vung' || last === 'mien') {
        const nx = toks[end];
        if (nx && nx.k === K.Word && !nx.nl && !REGION_FOLLOW.has(nx.f)) return false;
      }
      return true;
    }
    if (p.t === 'qual' && (toks[i]!.f === 'tren') && diacritics) {
      // "trên" (over) vs "trên địa bàn": the longer phrase wins already; keep
      return true;
    }
    return true;
  });
}

function shorterMatch(nt: NormText, toks: Tok[], i: number, end: number, diacritics: boolean): { end: number; payload: Lex[] } | null {
  for (let e = end - 1; e > i; e--) {
    const h = trieMatch(lexicon(), toks, i, e);
    if (h && h.end === e) {
      const f = filterLex(nt, toks, i, e, h.payload, diacritics);
      if (f.length) return { end: e, payload: f };
    }
  }
  return null;
}
