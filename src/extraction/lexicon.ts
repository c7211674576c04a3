// One phrase trie for everything the binder reads in words: indicators, places, status, verbs,
// comparisons, plan bases, list openers, clause breaks and stop words. Built once from ./data.

import { loadJson } from './data.ts';
import { foldString, shapeTone } from './normalise.ts';
import { newTrie, phraseKeys, trieAdd, type TrieNode } from './tokens.ts';

export type Verb = 'up' | 'down' | 'reach' | 'be' | 'equal' | 'exceed' | 'share' | 'times';
export type Cmp = 'yoy' | 'base' | 'mom' | 'qoq' | 'prev' | 'plan';
export type Qual = 'hơn' | 'trên' | 'gần' | 'khoảng';

export interface PlaceEntry {
  name: string;
  kind: 'province' | 'city' | 'region' | 'country';
  id: string;
  /** the written form must start with a capital letter (so "hòa bình" the word is not Hòa Bình) */
  cased: boolean;
}

export type Lex = LexBase & {
  /** accents of a one-word phrase as written ("so" ≠ "số", "đó" ≠ "đồ"); checked when the text has accents */
  form?: string;
};
type LexBase =
  | { t: 'ind'; ind: string; weak: boolean }
  | { t: 'other' }
  | { t: 'fam'; fam: string }
  | { t: 'prodHead' } | { t: 'prodCtx' } | { t: 'commCtx' } | { t: 'otherHead' } | { t: 'breakdown' }
  | { t: 'place'; place: PlaceEntry; prefixed: boolean }
  | { t: 'ref'; ref: 'region' | 'province' }
  | { t: 'status'; status: 'estimate' | 'plan' }
  | { t: 'qual'; q: Qual }
  | { t: 'verb'; v: Verb }
  | { t: 'cmp'; cmp: Cmp }
  | { t: 'planBase' } | { t: 'list' } | { t: 'break' } | { t: 'stop' };

interface IndicatorData {
  indicators: Record<string, string[]>;
  weak: Record<string, string[]>;
  otherKnown: string[];
  families: Record<string, string[]>;
  productHeads: string[];
  productContext: string[];
  commodityContext: string[];
  otherHeads: string[];
  breakdownMarkers: string[];
}
interface WordsData {
  status: Record<'estimate' | 'plan', string[]>;
  qualifiers: Record<string, string[]>;
  verbs: Record<Verb, string[]>;
  compare: Record<Cmp, string[]>;
  planBase: string[];
  listIntro: string[];
  breaks: string[];
  stop: string[];
}
interface PlacesData {
  provinces: Array<{ name: string; kind: 'province' | 'city'; code: string; aliases: string[]; hosts: string[] }>;
  regions: Array<{ name: string; id: string; aliases: string[] }>;
}

export const INDICATORS = loadJson<IndicatorData>('indicators.json');
export const WORDS = loadJson<WordsData>('words.json');
export const PLACES = loadJson<PlacesData>('places.json');

function slug(s: string): string {
  return foldString(s).replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
}

let LEX: TrieNode<Lex[]> | null = null;

const merge = (a: Lex[], b: Lex[]): Lex[] => a.concat(b);

export function lexicon(): TrieNode<Lex[]> {
  if (LEX) return LEX;
  const root = newTrie<Lex[]>();
  const add = (phrase: string, p: Lex): void => {
    const keys = phraseKeys(foldString(phrase));
    if (keys.length === 1 && /^\p{L}+$/u.test(phrase.trim())) p = { ...p, form: shapeTone(phrase.trim()) };
    if (keys.length) trieAdd(root, keys, [p], merge);
  };
  const I = INDICATORS;
  for (const [ind, list] of Object.entries(I.indicators)) for (const ph of list) add(ph, { t: 'ind', ind, weak: false });
  for (const [ind, list] of Object.entries(I.weak)) for (const ph of list) add(ph, { t: 'ind', ind, weak: true });
  for (const ph of I.otherKnown) add(ph, { t: 'other' });
  for (const [fam, list] of Object.entries(I.families)) for (const ph of list) add(ph, { t: 'fam', fam });
  for (const ph of I.productHeads) add(ph, { t: 'prodHead' });
  for (const ph of I.productContext) add(ph, { t: 'prodCtx' });
  for (const ph of I.commodityContext) add(ph, { t: 'commCtx' });
  for (const ph of I.otherHeads) add(ph, { t: 'otherHead' });
  for (const ph of I.breakdownMarkers) add(ph, { t: 'breakdown' });

  const W = WORDS;
  for (const st of ['estimate', 'plan'] as const) for (const ph of W.status[st]) add(ph, { t: 'status', status: st });
  const qmap: Record<string, Qual> = { hơn: 'hơn', trên: 'trên', gần: 'gần', khoảng: 'khoảng' };
  for (const [q, list] of Object.entries(W.qualifiers)) {
    const qq = qmap[q]!;
    add(q, { t: 'qual', q: qq });
    for (const ph of list) add(ph, { t: 'qual', q: qq });
  }
  for (const [v, list] of Object.entries(W.verbs) as Array<[Verb, string[]]>) for (const ph of list) add(ph, { t: 'verb', v });
  for (const [c, list] of Object.entries(W.compare) as Array<[Cmp, string[]]>) for (const ph of list) add(ph, { t: 'cmp', cmp: c });
  for (const ph of W.planBase) add(ph, { t: 'planBase' });
  for (const ph of W.listIntro) add(ph, { t: 'list' });
  for (const ph of W.breaks) add(ph, { t: 'break' });
  for (const ph of W.stop) add(ph, { t: 'stop' });

  // Places: every name and alias, bare and with the prefixes the press puts before them.
  const prefixes = ['tỉnh', 'thành phố', 'TP', 'TP.', 'Tp', 'Tp.', 'T.P', 'thủ đô'];
  for (const p of PLACES.provinces) {
    const entry: PlaceEntry = { name: p.name, kind: p.kind, id: slug(p.name), cased: true };
    const forms = [p.name, ...p.aliases];
    for (const f of forms) {
      add(f, { t: 'place', place: entry, prefixed: false });
      for (const pre of prefixes) add(`${pre} ${f}`, { t: 'place', place: entry, prefixed: true });
      add(`TP.${f}`, { t: 'place', place: entry, prefixed: true });
    }
  }
  for (const r of PLACES.regions) {
    const entry: PlaceEntry = { name: r.name, kind: r.id === 'national' ? 'country' : 'region', id: r.id, cased: false };
    for (const f of r.aliases) {
      add(f, { t: 'place', place: entry, prefixed: false });
      if (entry.kind === 'region') {
        for (const pre of ['các tỉnh', 'các tỉnh, thành phố', 'các tỉnh, thành', 'các địa phương', 'toàn', 'vùng', 'khu vực', 'toàn khu vực', 'các tỉnh thành']) add(`${pre} ${f}`, { t: 'place', place: entry, prefixed: true });
      }
    }
  }
  for (const ph of ['khu vực', 'toàn khu vực', 'cả khu vực', 'trong khu vực', 'của khu vực', 'toàn vùng', 'cả vùng', 'trong vùng', 'của vùng', 'các tỉnh, thành phố trong khu vực', 'các tỉnh trong khu vực', 'các địa phương trong khu vực', 'các địa phương trong vùng', 'các tỉnh, thành trong khu vực', 'toàn miền', 'cả miền']) add(ph, { t: 'ref', ref: 'region' });
  for (const ph of ['toàn tỉnh', 'trên địa bàn tỉnh', 'địa bàn tỉnh', 'của tỉnh', 'tỉnh ta', 'toàn thành phố', 'trên địa bàn thành phố', 'của thành phố', 'trên địa bàn', 'cả tỉnh', 'toàn địa bàn', 'trên toàn tỉnh']) add(ph, { t: 'ref', ref: 'province' });
  LEX = root;
  return root;
}

/** Province from a web address: "sct.hanam.gov.vn" → Hà Nam; "baobariavungtau.com.vn" → Bà Rịa - Vũng Tàu. */
export function provinceFromSource(source: string | null | undefined): PlaceEntry | null {
  if (!source) return null;
  const m = /^(?:[a-z]+:\/\/)?([^/?#\s]+)/i.exec(source.trim());
  if (!m || !/\./.test(m[1]!)) return null;
  const host = m[1]!.toLowerCase().replace(/^www\./, '').replace(/-/g, '');
  const labels = host.split('.');
  let best: { e: PlaceEntry; len: number } | null = null;
  for (const p of PLACES.provinces) {
    for (const h of p.hosts) {
      const hh = h.replace(/-/g, '');
      const hit = hh.length >= 5 ? labels.some((l) => l.includes(hh)) : labels.includes(hh);
      if (hit && (!best || hh.length > best.len)) best = { e: { name: p.name, kind: p.kind, id: slug(p.name), cased: true }, len: hh.length };
    }
  }
  return best ? best.e : null;
}
