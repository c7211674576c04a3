// What the document itself says about when and where: its date (header, source address, first
// lines), its subject place (a regional conference, a province's department, the site's province)
// and the size of the regions it names ("28 tỉnh, thành phố khu vực phía Bắc").

import { get, type Mark } from './marks.ts';
import { provinceFromSource, type PlaceEntry } from './lexicon.ts';
import type { NormText } from './normalise.ts';
import type { Sentence } from './segment.ts';
import type { Tok } from './tokens.ts';

export interface DocDate { y: number; m: number | null; d: number | null; via: string }

function valid(y: number, m: number | null, d: number | null): boolean {
  return y >= 1990 && y <= 2060 && (m === null || (m >= 1 && m <= 12)) && (d === null || (d >= 1 && d <= 31));
}

/** Parses a caller-given date: "2024-10-11", "11/10/2024", a Date, or a year. */
export function parseGivenDate(x: string | Date | number | null | undefined): DocDate | null {
  if (x === null || x === undefined) return null;
  if (x instanceof Date) return Number.isNaN(x.getTime()) ? null : { y: x.getFullYear(), m: x.getMonth() + 1, d: x.getDate(), via: 'option' };
  if (typeof x === 'number') return valid(x, null, null) ? { y: x, m: null, d: null, via: 'option' } : null;
  let m = /^(\d{4})(?:-(\d{1,2})(?:-(\d{1,2}))?)?/.exec(x.trim());
  if (m) {
    const r = { y: +m[1]!, m: m[2] ? +m[2] : null, d: m[3] ? +m[3] : null, via: 'option' };
    return valid(r.y, r.m, r.d) ? r : null;
  }
  m = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(x.trim());
  if (m) {
    const r = { y: +m[3]!, m: +m[2]!, d: +m[1]!, via: 'option' };
    return valid(r.y, r.m, r.d) ? r : null;
  }
  return null;
}

/** A date in a web address: /2015-06-18/, /202212/, /2019/05/29/. */
export function dateFromSource(src: string | null | undefined): DocDate | null {
  if (!src) return null;
  const re = /[/_=-](20[0-4]\d|199\d)[-_/]?(0[1-9]|1[0-2])(?:[-_/]?(0[1-9]|[12]\d|3[01]))?(?=[/_.?#&-]|$)/g;
  for (const m of src.matchAll(re)) {
    const y = +m[1]!;
    const mo = +m[2]!;
    const d = m[3] ? +m[3] : null;
    if (valid(y, mo, d)) return { y, m: mo, d, via: 'source' };
  }
  return null;
}

/** The first full date near the top of the article (publication line or "Ngày 24/5/2019"). */
export function dateFromHeader(text: string, from: number): DocDate | null {
  const head = text.slice(from, from + 900);
  const res: RegExp[] = [
    /(?<![\d/])(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*((?:19|20)\d{2})(?![\d/])/,
    /(?<![\d-])((?:19|20)\d{2})-(\d{1,2})-(\d{1,2})(?![\d-])/,
    /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+((?:19|20)\d{2})/i,
  ];
  let best: { at: number; d: DocDate } | null = null;
  for (let k = 0; k < res.length; k++) {
    const m = res[k]!.exec(head);
    if (!m) continue;
    let d: DocDate;
    if (k === 1) d = { y: +m[1]!, m: +m[2]!, d: +m[3]!, via: 'header' };
    else d = { y: +m[3]!, m: +m[2]!, d: +m[1]!, via: 'header' };
    if (!valid(d.y, d.m, d.d)) continue;
    if (!best || m.index < best.at) best = { at: m.index, d };
  }
  return best ? best.d : null;
}

export interface Subject {
  place: PlaceEntry;
  via: 'title' | 'text' | 'source';
}

const CONFERENCE = /hoi nghi|nganh cong thuong|tinh, thanh|so cong thuong|cuc cong thuong|bo cong thuong/;

/**
 * The place a text is about when a sentence names none. A region named in the title, or in the
 * first paragraphs next to a conference or the sector, wins over the host province; then a province
 * named in the title or first paragraphs; then the province of the publishing site.
 */
export function documentSubject(nt: NormText, toks: Tok[], marks: Mark[], sents: Sentence[], source: string | null, titleEnd: number): Subject | null {
  // the title and the first three paragraphs that have a real sentence in them
  const firstParas = new Set<number>();
  for (const s of sents) {
    if (firstParas.has(s.para)) continue;
    const words = toks.slice(s.a, s.b).filter((t) => t.k === 0).length;
    if (toks[s.a]!.s < titleEnd || (words >= 6 && firstParas.size < 4)) firstParas.add(s.para);
  }
  let mi = 0;
  let region: { e: PlaceEntry; title: boolean } | null = null;
  let province: { e: PlaceEntry; title: boolean } | null = null;
  let national = false;
  for (const s of sents) {
    if (!firstParas.has(s.para)) continue;
    const sentFold = nt.fold.slice(toks[s.a]!.s, toks[s.b - 1]!.e);
    const conf = CONFERENCE.test(sentFold);
    const isTitle = toks[s.a]!.s < titleEnd;
    while (mi < marks.length && marks[mi]!.i < s.a) mi++;
    for (let k = mi; k < marks.length && marks[k]!.i < s.b; k++) {
      const pl = get(marks[k], 'place');
      if (!pl) continue;
      const prev = marks[k - 1];
      const prevWord = prev ? nt.fold.slice(toks[prev.i]!.s, toks[prev.j - 1]!.e) : '';
      if (pl.place.kind === 'country') {
        if (!/hon|so voi|so/.test(prevWord)) national = true;
        continue;
      }
      if (pl.place.kind === 'region') {
        if ((isTitle || conf) && !region) region = { e: pl.place, title: isTitle };
        continue;
      }
      // "tại TP Phú Quốc (tỉnh Kiên Giang)" is where an event was held, not what it is about
      if (prevWord === 'tai' || prevWord === 'o' || prevWord === '(') continue;
      // a list of provinces ("Long An, Tây Ninh và Bình Dương") names no single subject; a place in the
      // next sentence (the "Bến Tre, ngày …" line under a "SỞ CÔNG THƯƠNG TỈNH BẾN TRE" heading) is no list
      const next = marks[k + 1];
      const nextPlace = next && next.i < s.b && get(next, 'place');
      if (nextPlace) continue;
      if (!province || (isTitle && !province.title)) province = { e: pl.place, title: isTitle };
    }
  }
  if (region) return { place: region.e, via: region.title ? 'title' : 'text' };
  if (province) return { place: province.e, via: province.title ? 'title' : 'text' };
  const src = provinceFromSource(source);
  if (src) return { place: src, via: 'source' };
  if (national) return { place: { name: 'cả nước', kind: 'country', id: 'national', cased: false }, via: 'text' };
  return null;
}

/** "28 tỉnh, thành phố khu vực phía Bắc" → north: 28. */
export function regionSizes(marks: Mark[]): Map<string, number> {
  const out = new Map<string, number>();
  for (let k = 0; k < marks.length; k++) {
    const m = marks[k]!;
    if (m.type !== 'qty' || m.q?.implied !== 'fam:provinces' || m.q.of !== undefined) continue;
    for (let j = k + 1; j < Math.min(marks.length, k + 4); j++) {
      const pl = get(marks[j], 'place');
      if (pl && pl.place.kind === 'region') {
        if (!out.has(pl.place.id)) out.set(pl.place.id, m.q.value);
        break;
      }
      if (marks[j]!.type === 'qty' || marks[j]!.type === 'period') break;
    }
  }
  return out;
}
