// The extraction page's model: the readings as POST /api/extraction/read returns them, the analyst's
// draft of each (corrected, dropped or kept), what POST /api/extraction/accept is sent, and the text cut
// into pieces for highlighting. Pure functions, no React.
import type { Figure, Highlight } from '../../../extraction/extract.ts';
import type { Proposal } from '../../../extraction/accept.ts';
import type { Confidence } from '../../../extraction/confidence.ts';
import type { ValueInput } from '../../../collection/valueInput.ts';
import { parseVietnameseNumber } from '../../../shared/format.ts';
import type { Lang } from '../../i18n.ts';

export type Reading = Figure & { proposal: Proposal; confidence: Confidence };

export interface ReadAnswer { source: string | null; text: string; figures: Reading[] }

export type Status = 'estimate' | 'official' | 'plan';

/** What will be saved for one reading; starts as the extractor's proposal. */
export interface Draft {
  place: string;
  indicator: string;
  period: string;
  value: string; // as the analyst types it, in the page's language
  unit: string;
  status: Status;
  growth: string;
  pctOfPlan: string;
  qualifier: '' | 'hơn' | 'trên' | 'gần' | 'khoảng';
  dropped: boolean;
  edited: boolean;
}

const QUALIFIERS = new Set(['hơn', 'trên', 'gần', 'khoảng']);

/** A number for an input box, written the way the page's language writes it (no thousands dots, so
 *  that what is typed back reads the same). */
export function numberText(n: number | null | undefined, lang: Lang): string {
  if (n === null || n === undefined || !Number.isFinite(n)) return '';
  const s = String(n);
  return lang === 'vi' ? s.replace('.', ',') : s;
}

/** What an analyst typed, read in the page's language: "98.765" and "1.234,5" in Vietnamese,
 *  "98,765" and "1,234.5" in English. null: empty; NaN: not a number. */
export function readNumber(s: string, lang: Lang): number | null {
  const text = s.trim().replace(/\s/g, '');
  if (!text) return null;
  if (lang === 'vi') return parseVietnameseNumber(text) ?? NaN;
  if (!/^[-−+]?(\d{1,3}(,\d{3})+|\d+)(\.\d+)?$/.test(text)) return NaN;
  return Number(text.replace(/,/g, '').replace('−', '-'));
}

export function draftOf(r: Reading, lang: Lang): Draft {
  const input = r.proposal.input;
  const status: Status = r.status === 'reported' ? 'official' : r.status;
  return {
    place: input?.place ?? '',
    indicator: input?.indicator ?? '',
    period: input?.period ?? r.period ?? '',
    value: numberText(r.value, lang),
    unit: input?.unit ?? r.unit ?? '',
    status: (input?.status as Status | undefined) ?? status,
    growth: numberText(r.growth_pct, lang),
    pctOfPlan: numberText(r.pct_of_plan, lang),
    qualifier: r.qualifier && QUALIFIERS.has(r.qualifier) ? (r.qualifier as Draft['qualifier']) : '',
    // A reading the catalogue cannot hold starts set aside: it is shown, never forced into a wrong indicator.
    dropped: !input,
    edited: false,
  };
}

export type DraftField = 'place' | 'indicator' | 'period' | 'value' | 'growth' | 'pctOfPlan';

/** What is still missing or unreadable in a draft, field by field (checked before sending). */
export function draftProblems(d: Draft, lang: Lang): DraftField[] {
  const out: DraftField[] = [];
  if (!d.place) out.push('place');
  if (!d.indicator) out.push('indicator');
  if (!d.period) out.push('period');
  const v = readNumber(d.value, lang);
  const g = readNumber(d.growth, lang);
  const p = readNumber(d.pctOfPlan, lang);
  if (Number.isNaN(v)) out.push('value');
  if (Number.isNaN(g)) out.push('growth');
  if (Number.isNaN(p)) out.push('pctOfPlan');
  if (v === null && g === null && p === null) out.push('value');
  return out;
}

export type AcceptFigure = ValueInput & { quote: string };

export function acceptFigure(text: string, r: Reading, d: Draft, lang: Lang): AcceptFigure {
  const num = (s: string) => readNumber(s, lang);
  return {
    place: d.place, indicator: d.indicator, period: d.period, value: num(d.value),
    unit: d.unit || undefined, status: d.status, growth_pct: num(d.growth), pct_of_plan: num(d.pctOfPlan),
    qualifier: d.qualifier || null, note: null, quote: sentenceOf(text, r),
  };
}

/** The figure's source as saved: the whole sentence it was read from (its words alone when the text
 *  no longer holds it). */
export function sentenceOf(text: string, r: Reading): string {
  const s = r.explain.sentence;
  const sentence = s && s.end > s.start ? text.slice(s.start, s.end).replace(/\s+/g, ' ').trim() : '';
  // the API keeps at most 4,000 characters of a quote
  return (sentence || r.quote).slice(0, 4000);
}

// ------------------------------------------------------------------------------------- highlighting

export type Cue = 'indicator' | 'place' | 'period' | 'status';

export interface Piece {
  start: number;
  end: number;
  /** indexes of the readings whose quote covers this piece */
  readings: number[];
  /** the words that gave some reading its indicator, place, period or status */
  cues: Cue[];
}

const hasSpan = (h: unknown): h is Highlight =>
  !!h && typeof (h as Highlight).start === 'number' && typeof (h as Highlight).end === 'number' && (h as Highlight).end > (h as Highlight).start;

/** The text cut at every edge of a quote or a cue, each piece knowing what covers it. */
export function pieces(text: string, readings: Reading[], shown: (i: number) => boolean = () => true): Piece[] {
  const spans: Array<{ start: number; end: number; reading?: number; cue?: Cue }> = [];
  readings.forEach((r, i) => {
    if (!shown(i)) return;
    const e = r.explain;
    if (e.end > e.start) spans.push({ start: e.start, end: e.end, reading: i });
    for (const cue of ['indicator', 'place', 'period', 'status'] as Cue[]) {
      const h = e[cue];
      if (hasSpan(h)) spans.push({ start: h.start, end: h.end, cue });
    }
  });
  const edges = new Set([0, text.length]);
  for (const s of spans) {
    edges.add(Math.max(0, Math.min(text.length, s.start)));
    edges.add(Math.max(0, Math.min(text.length, s.end)));
  }
  const cuts = [...edges].sort((a, b) => a - b);
  const out: Piece[] = [];
  for (let k = 0; k + 1 < cuts.length; k++) {
    const a = cuts[k]!;
    const b = cuts[k + 1]!;
    const over = spans.filter((s) => s.start <= a && b <= s.end);
    out.push({
      start: a, end: b,
      readings: [...new Set(over.flatMap((s) => (s.reading === undefined ? [] : [s.reading])))],
      cues: [...new Set(over.flatMap((s) => (s.cue ? [s.cue] : [])))],
    });
  }
  return out;
}
