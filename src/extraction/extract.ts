// Figures from text: the pipeline and its output.
//
//   normalise → tokenise → recognise marks → sentences → document context → bind → merge → output
//
// Deterministic: the same text always gives the same figures, and every figure says which words
// gave its indicator, place and period (raw character offsets, for highlighting).

import { Binder, type RawFigure, type Span } from './bind.ts';
import { dateFromHeader, dateFromSource, documentSubject, parseGivenDate, regionSizes, type DocDate } from './context.ts';
import { recognise } from './marks.ts';
import { normalise, rawSpan, type NormText } from './normalise.ts';
import { detectConvention, tidy } from './numbers.ts';
import { periodCode } from './periods.ts';
import { sentences } from './segment.ts';
import { tokenise } from './tokens.ts';

export interface ExtractOptions {
  /** name to put in `source` when the text does not start with its web address */
  sourceName?: string | null;
  /** the article's date when the text does not give it: "2024-10-11", a Date or a year */
  documentDate?: string | Date | number | null;
}

export interface Highlight { text: string; start: number; end: number; via?: string }

export interface Explain {
  /** raw offsets of the quote */
  start: number;
  end: number;
  indicator: Highlight | null;
  place: Highlight | { text: string; via: string } | null;
  period: Highlight | { text: string; via: string } | null;
  status: Highlight | null;
  /** raw offsets of the whole sentence the figure was read from (its source when saved) */
  sentence: { start: number; end: number };
  rule: string;
}

export interface Figure {
  indicator: string;
  label?: string;
  product?: string;
  scope: string | null;
  period: string | null;
  period_inferred: boolean;
  scope_inferred: boolean;
  value: number | null;
  unit: string | null;
  growth_pct: number | null;
  pct_of_plan: number | null;
  status: 'estimate' | 'plan' | 'reported';
  qualifier: string | null;
  quote: string;
  of?: number | null;
  names?: string[] | null;
  growth_qualifier?: string;
  explain: Explain;
}

export interface ExtractResult { source: string | null; figures: Figure[] }

/** Upper bound on the text read, so a hostile input cannot make extraction slow. */
export const MAX_TEXT_CHARS = 2_000_000;

const URL_LINE = /^\s*((?:https?:\/\/|www\.)\S+)\s*$/i;

export function extractFigures(input: string, options: ExtractOptions = {}): ExtractResult {
  const raw = typeof input === 'string' ? (input.length > MAX_TEXT_CHARS ? input.slice(0, MAX_TEXT_CHARS) : input) : '';
  const nt = normalise(raw);
  // line 1 may be the source address
  const nl = nt.text.indexOf('\n');
  const firstLine = nl < 0 ? nt.text : nt.text.slice(0, nl);
  const um = URL_LINE.exec(firstLine);
  // the address on line 1, or a caller-given source that is an address (an HTML page's canonical link)
  const givenUrl = options.sourceName && /^(https?:\/\/|www\.)\S+$/i.test(options.sourceName.trim()) ? options.sourceName.trim() : null;
  const sourceUrl = um ? um[1]! : givenUrl;
  const articleStart = um ? (nl < 0 ? nt.text.length : nl + 1) : 0;
  const source = sourceUrl ?? options.sourceName ?? null;

  const docDate: DocDate | null = parseGivenDate(options.documentDate ?? null) ?? dateFromHeader(nt.text, articleStart) ?? dateFromSource(sourceUrl);
  const conv = detectConvention(nt.text);
  // pages end with links to other articles ("Đọc thêm", "Tin liên quan"): their figures are not this article's
  const articleEnd = relatedBlockStart(nt, articleStart);
  const keep = figureParagraphs(nt, articleStart, articleEnd);
  const toks = tokenise(nt).filter((t) => t.s >= articleStart && t.s < articleEnd && keep(t.s));
  if (toks.length === 0) return { source, figures: [] };
  const marks = recognise(nt, toks, conv, docDate?.y ?? null);
  const sents = sentences(nt, toks);
  const titleEnd = titleEndOf(nt, articleStart);
  // no date anywhere: fall back on the latest year the text states
  let date = docDate;
  if (!date) {
    let maxY = 0;
    for (const m of marks) if (m.type === 'period' && m.pm?.period?.year && !m.pm.range && !m.pm.yearless) maxY = Math.max(maxY, m.pm.period.year);
    if (maxY) date = { y: maxY, m: null, d: null, via: 'text' };
  }
  const subject = documentSubject(nt, toks, marks, sents, sourceUrl, titleEnd);
  const binder = new Binder(nt, toks, marks, { docDate: date, subject, regionSize: regionSizes(marks), titleEnd });
  binder.run(sents);
  const merged = mergeFigures(binder.figures);
  return { source, figures: merged.map((f) => toOutput(nt, f, sentenceSpan(toks, sents[f.sent]))) };
}

const PERIOD_WORDS = /\b(quy|thang|nua dau|nua cuoi|ca nam|nam nay|hien nay|den nay|luy ke)\b/;

/**
 * Paragraphs that can matter: the first ones (title, date, subject place) and any with a digit or a
 * period word. Narrative paragraphs further down carry no figure and set nothing the figures need,
 * so they are not read (most of a long article's text; this keeps extraction fast).
 */
function figureParagraphs(nt: NormText, from: number, to: number): (pos: number) => boolean {
  const skip: Array<[number, number]> = [];
  let pos = from;
  let n = 0;
  while (pos < to) {
    const e = nt.text.indexOf('\n', pos);
    const end = e < 0 || e > to ? to : e;
    if (end > pos) {
      n++;
      if (n > 4 && !/\d/.test(nt.text.slice(pos, end)) && !PERIOD_WORDS.test(nt.fold.slice(pos, end))) skip.push([pos, end]);
    }
    pos = end + 1;
  }
  if (skip.length === 0) return () => true;
  let k = 0;
  // tokens arrive in order: walk the skipped ranges along with them
  return (p: number): boolean => {
    while (k < skip.length && skip[k]![1] <= p) k++;
    return !(k < skip.length && skip[k]![0] <= p && p < skip[k]![1]);
  };
}

const RELATED = /^(đọc thêm|xem thêm|tin liên quan|bài liên quan|bài viết liên quan|tin cùng chuyên mục|tin khác|các tin khác|chuyên mục khác|tin mới nhất|tin đọc nhiều|có thể bạn quan tâm|bài đọc nhiều|tin bài liên quan|tin tức liên quan)\s*:?$/i;

function relatedBlockStart(nt: NormText, from: number): number {
  let pos = from;
  while (pos < nt.text.length) {
    const e = nt.text.indexOf('\n', pos);
    const end = e < 0 ? nt.text.length : e;
    if (end - pos < 40 && pos - from > 200 && RELATED.test(nt.text.slice(pos, end).trim())) return pos;
    pos = end + 1;
  }
  return nt.text.length;
}

function titleEndOf(nt: NormText, articleStart: number): number {
  // the first non-empty line, when it reads as a heading (short, no closing full stop)
  let i = articleStart;
  while (i < nt.text.length && nt.text[i] === '\n') i++;
  const e = nt.text.indexOf('\n', i);
  const end = e < 0 ? nt.text.length : e;
  const line = nt.text.slice(i, end).trim();
  if (line.length > 0 && line.length < 300 && !/[.!?]$/.test(line)) return end;
  return articleStart;
}

// ------------------------------------------------------------------------------------------ merging

function close(a: number | null | undefined, b: number | null | undefined, rel: boolean): boolean {
  if (a === null || a === undefined || b === null || b === undefined) return true;
  if (rel) return Math.abs(a - b) <= Math.max(Math.abs(a), Math.abs(b)) * 0.005 + 1e-9;
  return Math.abs(a - b) <= 0.01 + 1e-9;
}

function compatible(a: RawFigure, b: RawFigure): boolean {
  return close(a.base, b.base, true) && close(a.growth, b.growth, false) && close(a.pct, b.pct, false);
}

const CODE = new WeakMap<RawFigure, string | null>();
function codeOf(f: RawFigure): string | null {
  let c = CODE.get(f);
  if (c === undefined) { c = periodCode(f.period); CODE.set(f, c); }
  return c;
}

/** One record per (indicator, scope, period, status, product): repeated statements of the same numbers merge. */
function mergeFigures(figs: RawFigure[]): RawFigure[] {
  const out: RawFigure[] = [];
  const body = figs.filter((f) => !f.inTitle);
  const titles = figs.filter((f) => f.inTitle);
  for (const f of body) {
    const same = out.find((g) => g.indicator === f.indicator && g.place?.name === f.place?.name && g.status === f.status &&
      (g.product ?? '') === (f.product ?? '') && (f.indicator !== 'other' || (g.label ?? '') === (f.label ?? '') || (g.value !== null && g.value === f.value)) &&
      (codeOf(g) === codeOf(f) || codeOf(f) === null || codeOf(g) === null) && compatible(g, f) && numbersOverlap(g, f));
    if (same) { absorb(same, f); continue; }
    out.push(f);
  }
  // headline figures repeat the body: merge them there (their period may be unknown at the top)
  for (const f of titles) {
    // (a headline's status word and product wording often differ from the body's: the numbers decide)
    const same = out.find((g) => g.indicator === f.indicator && (g.place?.name === f.place?.name || !f.place || f.place.inferred) &&
      (codeOf(g) === codeOf(f) || codeOf(f) === null || f.periodInferred) && compatible(g, f) && numbersOverlap(g, f));
    if (same) { absorb(same, f, true); continue; }
    out.push(f);
  }
  out.sort((a, b) => a.quote.s - b.quote.s);
  return out;
}

function numbersOverlap(a: RawFigure, b: RawFigure): boolean {
  // at least one number stated in both, or one of them states nothing the other lacks
  const pairs: Array<[unknown, unknown]> = [[a.value, b.value], [a.growth, b.growth], [a.pct, b.pct]];
  let shared = 0;
  let onlyB = 0;
  for (const [x, y] of pairs) {
    if (x !== null && y !== null) shared++;
    else if (x === null && y !== null) onlyB++;
  }
  return shared > 0 || onlyB === 0;
}

function richness(f: RawFigure): number {
  return (f.value !== null ? 4 : 0) + (f.growth !== null ? 2 : 0) + (f.pct !== null ? 2 : 0) + (f.periodVia === 'text' ? 1 : 0) + (f.inTitle ? 0 : 1);
}

/** Keeps the richer statement's words and quote; fills what it lacks from the other. */
function absorb(into: RawFigure, f: RawFigure, fromTitle = false): void {
  if (richness(f) > richness(into) && !fromTitle) {
    const keep = { ...into };
    Object.assign(into, f);
    f = keep;
  }
  if (into.value === null && f.value !== null) { into.value = f.value; into.unit = f.unit; into.dim = f.dim; into.base = f.base; into.qualifier = f.qualifier; }
  if (into.growth === null && f.growth !== null) { into.growth = f.growth; into.growthQual = f.growthQual; }
  if (into.pct === null && f.pct !== null) into.pct = f.pct;
  if (into.period === null && f.period !== null && !fromTitle) { into.period = f.period; into.periodVia = f.periodVia; into.periodInferred = f.periodInferred; }
  CODE.delete(into);
  if ((!into.names || into.names.length === 0) && f.names) into.names = f.names;
}

// ------------------------------------------------------------------------------------------- output

/** The sentence around a quote, in raw offsets; never narrower than the quote itself. */
function sentenceOf(nt: NormText, s: Span | null, qs: number, qe: number): { start: number; end: number } {
  if (!s) return { start: qs, end: qe };
  const [a, b] = rawSpan(nt, s.s, s.e);
  return { start: Math.min(a, qs), end: Math.max(b, qe) };
}

function hl(nt: NormText, s: Span | undefined, via?: string): Highlight | null {
  if (!s) return null;
  const [a, b] = rawSpan(nt, s.s, s.e);
  return { text: nt.raw.slice(a, b), start: a, end: b, ...(via ? { via } : {}) };
}

/** A sentence's extent over the normalised text (its first token's start to its last token's end). */
function sentenceSpan(toks: ReturnType<typeof tokenise>, s: { a: number; b: number } | undefined): Span | null {
  return s && s.b > s.a ? { s: toks[s.a]!.s, e: toks[s.b - 1]!.e } : null;
}

function toOutput(nt: NormText, f: RawFigure, sentence: Span | null): Figure {
  const [qs, qe] = rawSpan(nt, f.quote.s, Math.max(f.quote.e, f.quote.s));
  const period = periodCode(f.period);
  const placeHl = f.place
    ? (f.place.span ? hl(nt, f.place.span, f.place.via) : { text: f.place.name, via: f.place.via })
    : null;
  const periodHl = f.period
    ? (f.spans.period ? hl(nt, f.spans.period, f.periodVia) : { text: period ?? '', via: f.periodVia })
    : null;
  const out = { indicator: f.indicator } as Figure;
  // key order as in the development set
  if (f.indicator === 'other') out.label = f.label ?? '';
  if (f.indicator === 'product_output') out.product = f.product ?? f.label ?? '';
  out.scope = f.place?.name ?? null;
  out.period = period;
  out.period_inferred = f.periodInferred;
  out.scope_inferred = f.place ? f.place.inferred : false;
  out.value = f.value === null ? null : tidy(f.value);
  out.unit = f.value === null ? null : f.unit;
  out.growth_pct = f.growth === null ? null : tidy(f.growth);
  out.pct_of_plan = f.pct === null ? null : tidy(f.pct);
  out.status = f.status;
  out.qualifier = f.qualifier;
  out.quote = nt.raw.slice(qs, qe);
  if (f.of !== undefined || f.indicator === 'provinces_above_average') out.of = f.of ?? null;
  if (f.names !== undefined) out.names = f.names;
  if (f.growthQual) out.growth_qualifier = f.growthQual;
  out.explain = {
    start: qs,
    end: qe,
    indicator: hl(nt, f.spans.indicator),
    place: placeHl,
    period: periodHl,
    status: hl(nt, f.spans.status),
    sentence: sentenceOf(nt, sentence, qs, qe),
    rule: f.rule,
  };
  return out;
}
