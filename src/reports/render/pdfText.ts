// Text layout for the PDF. Tinos comes in Unicode-range subsets (fonts.ts) and a PDF font is one file,
// so each word is cut into pieces by the subset that holds each character and the pieces are placed
// side by side; lines are broken and justified here rather than by pdfkit, which cannot wrap text that
// changes font mid-word.
import type PDFDocument from 'pdfkit';
import { sfntFont, SUBSETS, UNICODE_RANGE, type Subset } from './fonts.ts';

type Doc = InstanceType<typeof PDFDocument>;

export interface Span {
  text: string;
  bold?: boolean;
  italic?: boolean;
  /** A link annotation over the span (absolute URL). */
  link?: string;
}

interface Piece {
  text: string;
  font: string;
  width: number;
  link?: string;
}

interface Word {
  pieces: Piece[];
  width: number;
}

export interface TextStyle {
  size: number;
  align?: 'left' | 'right' | 'center' | 'justify';
  /** First-line indent, points. */
  indent?: number;
  /** Line height as a multiple of the size. */
  leading?: number;
}

const ranges: Array<[Subset, Array<[number, number]>]> = SUBSETS.map((s) => [s, UNICODE_RANGE[s].split(',').map((r) => {
  const [a, b] = r.replace(/U\+/g, '').split('-');
  return [parseInt(a!, 16), parseInt(b ?? a!, 16)] as [number, number];
})]);

function subsetOf(cp: number): Subset {
  for (const [s, rs] of ranges) if (rs.some(([a, b]) => cp >= a && cp <= b)) return s;
  return 'latin';
}

const fontName = (subset: Subset, bold: boolean, italic: boolean) => `tinos-${subset}-${bold ? 700 : 400}-${italic ? 'italic' : 'normal'}`;

export function registerFonts(doc: Doc): void {
  for (const subset of SUBSETS) {
    for (const bold of [false, true]) {
      for (const italic of [false, true]) {
        doc.registerFont(fontName(subset, bold, italic), sfntFont(subset, bold ? 700 : 400, italic ? 'italic' : 'normal'));
      }
    }
  }
}

// pdfkit's widthOfString shapes the whole string each call (~40 µs); advance widths per character at
// size 1 are cached once per font instead (kerning is not applied when drawing either: see drawLine).
const advance = new Map<string, number>();
function measure(doc: Doc, font: string, text: string): number {
  let w = 0;
  for (const ch of text) {
    const k = `${font}\u0000${ch}`;
    let a = advance.get(k);
    if (a === undefined) advance.set(k, (a = doc.font(font).fontSize(1).widthOfString(ch)));
    w += a;
  }
  return w;
}

/** Pieces of one span's text of the same subset (NFC first, so "ế" is one character). */
function pieces(doc: Doc, text: string, span: Span, size: number): Piece[] {
  const out: Piece[] = [];
  let cur = '';
  let curSubset: Subset | null = null;
  const flush = () => {
    if (!cur) return;
    const font = fontName(curSubset!, !!span.bold, !!span.italic);
    out.push({ text: cur, font, width: measure(doc, font, cur) * size, link: span.link });
    cur = '';
  };
  for (const ch of text.normalize('NFC')) {
    const s = subsetOf(ch.codePointAt(0)!);
    if (s !== curSubset) {
      flush();
      curSubset = s;
    }
    cur += ch;
  }
  flush();
  return out;
}

function words(doc: Doc, spans: readonly Span[], size: number): Word[] {
  const out: Word[] = [];
  let cur: Word | null = null;
  for (const span of spans) {
    // Only ASCII white space breaks: a no-break space (U+00A0) stays inside its word.
    for (const part of span.text.split(/([ \t\r\n]+)/)) {
      if (!part) continue;
      if (/^[ \t\r\n]+$/.test(part)) {
        cur = null;
        continue;
      }
      const ps = pieces(doc, part, span, size);
      if (!cur) out.push((cur = { pieces: [], width: 0 }));
      cur.pieces.push(...ps);
      cur.width += ps.reduce((s, p) => s + p.width, 0);
    }
  }
  return out;
}

export interface Line {
  words: Word[];
  width: number;
  indent: number;
  last: boolean;
}

export function layout(doc: Doc, spans: readonly Span[], width: number, style: TextStyle): { lines: Line[]; space: number } {
  const size = style.size;
  const space = measure(doc, fontName('latin', false, false), ' ') * size;
  const ws = words(doc, spans, size);
  const lines: Line[] = [];
  let line: Line = { words: [], width: 0, indent: style.indent ?? 0, last: false };
  for (const w of ws) {
    const add = line.words.length ? space + w.width : w.width;
    if (line.words.length && line.indent + line.width + add > width) {
      lines.push(line);
      line = { words: [], width: 0, indent: 0, last: false };
      line.words.push(w);
      line.width = w.width;
    } else {
      line.words.push(w);
      line.width += add;
    }
  }
  if (line.words.length || !lines.length) lines.push(line);
  lines[lines.length - 1]!.last = true;
  return { lines, space };
}

export function lineHeight(style: TextStyle): number {
  return style.size * (style.leading ?? 1.25);
}

/** Draws one line at (x, y) = top-left of the text box. */
export function drawLine(doc: Doc, l: Line, x: number, y: number, width: number, space: number, style: TextStyle): void {
  const align = style.align ?? 'left';
  const free = width - l.indent - l.width;
  let gap = space;
  let cx = x + l.indent;
  if (align === 'justify' && !l.last && l.words.length > 1) gap = space + free / (l.words.length - 1);
  else if (align === 'center') cx += free / 2;
  else if (align === 'right') cx += free;
  for (const w of l.words) {
    for (const p of w.pieces) {
      doc.font(p.font).fontSize(style.size).text(p.text, cx, y, { lineBreak: false, features: [] });
      if (p.link) doc.link(cx, y, p.width, style.size, p.link);
      cx += p.width;
    }
    cx += gap;
  }
}

/** Width of a text on one line (the underline under the national motto is as long as the text). */
export function textWidth(doc: Doc, spans: readonly Span[], size: number): number {
  return layout(doc, spans, Number.MAX_SAFE_INTEGER, { size }).lines[0]?.width ?? 0;
}
