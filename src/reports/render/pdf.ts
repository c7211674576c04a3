// PDF with pdfkit, in the same Decree 30 layout as the Word file: A4, margins 20/20/30/15 mm, Tinos
// (Times New Roman metrics), header table, justified body with first-line indents, page numbers at the
// top centre from page 2. No browser is involved: the server renders PDFs on its own.
import PDFDocument from 'pdfkit';
import type { Block, Chart, Report, Run, Section, Table } from '../model.ts';
import { formatNumber } from '../../shared/format.ts';
import { drawLine, layout, lineHeight, registerFonts, textWidth, type Span, type TextStyle } from './pdfText.ts';

type Doc = InstanceType<typeof PDFDocument>;
const MM = 72 / 25.4;
export const PDF_PAGE = { width: 595.28, height: 841.89, top: 20 * MM, bottom: 20 * MM, left: 30 * MM, right: 15 * MM };
const WIDTH = PDF_PAGE.width - PDF_PAGE.left - PDF_PAGE.right;
const BODY: TextStyle = { size: 14, align: 'justify', indent: 1.27 * 10 * MM, leading: 1.3 };
const INK = '#000000';

export interface PdfOptions {
  /** Absolute prefix for figure links (omitted: no link annotations). */
  baseUrl?: string;
}

class Cursor {
  y = PDF_PAGE.top;
  constructor(readonly doc: Doc) {}
  get bottom() {
    return PDF_PAGE.height - PDF_PAGE.bottom;
  }
  need(h: number): void {
    if (this.y + h > this.bottom) this.newPage();
  }
  newPage(): void {
    this.doc.addPage();
    this.y = PDF_PAGE.top;
  }
  /** Writes a paragraph, breaking pages between lines. */
  text(spans: readonly Span[], style: TextStyle, x = PDF_PAGE.left, width = WIDTH, before = 0, after = 6): void {
    const { lines, space } = layout(this.doc, spans, width, style);
    const lh = lineHeight(style);
    this.y += before;
    for (const l of lines) {
      this.need(lh);
      drawLine(this.doc, l, x, this.y, width, space, style);
      this.y += lh;
    }
    this.y += after;
  }
}

const spansOf = (runs: readonly Run[], o: PdfOptions, r: Report, italic = false): Span[] =>
  runs.map((x) => ({
    text: x.text, bold: x.kind === 'text' ? x.bold : false, italic: italic || (x.kind === 'text' ? x.italic : false),
    link: x.kind === 'figure' && o.baseUrl && r.figures[x.figure]?.inputs[0] ? o.baseUrl + r.figures[x.figure]!.inputs[0]!.href : undefined,
  }));

function header(c: Cursor, r: Report): void {
  const doc = c.doc;
  const lw = WIDTH * 0.4;
  const rw = WIDTH - lw;
  const lx = PDF_PAGE.left;
  const rx = lx + lw;
  const centre = (size: number): TextStyle => ({ size, align: 'center', leading: 1.2 });
  const h = r.header;
  const top = c.y;
  if (h.parentAgency) c.text([{ text: h.parentAgency }], centre(13), lx, lw, 0, 0);
  c.text([{ text: h.agency, bold: true }], centre(13), lx, lw, 0, 2);
  const rule = lw * 0.35;
  doc.moveTo(lx + (lw - rule) / 2, c.y).lineTo(lx + (lw + rule) / 2, c.y).lineWidth(0.6).strokeColor(INK).stroke();
  const leftBottom = c.y;
  c.y = top;
  c.text([{ text: h.motto[0], bold: true }], centre(12.5), rx, rw, 0, 0);
  const motto = [{ text: h.motto[1], bold: true }];
  const mw = textWidth(doc, motto, 13.5);
  c.text(motto, centre(13.5), rx, rw, 0, 0);
  doc.moveTo(rx + (rw - mw) / 2, c.y).lineTo(rx + (rw + mw) / 2, c.y).lineWidth(0.6).stroke();
  c.y = Math.max(leftBottom, c.y) + 8;
  const row = c.y;
  c.text([{ text: h.number }], centre(13), lx, lw, 0, 0);
  c.y = row;
  c.text([{ text: h.placeDate, italic: true }], centre(13.5), rx, rw, 0, 0);
  c.y += 16;
}

function blocks(c: Cursor, r: Report, list: readonly Block[], o: PdfOptions): void {
  for (const b of list) {
    if (b.kind === 'paragraph') c.text(spansOf(b.runs, o, r, b.role === 'missing'), b.role === 'note' ? { ...BODY, size: 13 } : BODY);
    else if (b.kind === 'bullets') for (const it of b.items) c.text([{ text: '- ' }, ...spansOf(it, o, r)], BODY);
    else if (b.kind === 'table') {
      const t = r.tables.find((x) => x.id === b.table);
      if (t) table(c, t);
    } else {
      const ch = r.charts.find((x) => x.id === b.chart);
      if (ch) chart(c, ch, r.lang);
    }
  }
}

function sections(c: Cursor, r: Report, list: readonly Section[], o: PdfOptions): void {
  for (const s of list) {
    if (s.pageBreakBefore) c.newPage();
    c.need(lineHeight(BODY) * 3); // keep a heading with the start of its text
    c.text([{ text: `${s.number} ${s.title}`, bold: s.level < 3, italic: s.level === 3 }], { ...BODY, align: 'left' }, PDF_PAGE.left, WIDTH, 4, 3);
    blocks(c, r, s.blocks, o);
    sections(c, r, s.sections, o);
  }
}

function table(c: Cursor, t: Table): void {
  const doc = c.doc;
  const total = t.columns.reduce((s, x) => s + x.width, 0);
  const widths = t.columns.map((x) => (x.width / total) * WIDTH);
  const pad = 3;
  const cellStyle = (align: string, size = 10.5): TextStyle => ({ size, align: align as TextStyle['align'], leading: 1.2 });
  const measure = (texts: Array<{ spans: Span[]; style: TextStyle }>) =>
    Math.max(...texts.map((x, i) => layout(doc, x.spans, widths[i]! - 2 * pad, x.style).lines.length * lineHeight(x.style))) + 2 * pad;
  const drawRow = (texts: Array<{ spans: Span[]; style: TextStyle }>, h: number, shade: boolean) => {
    let x = PDF_PAGE.left;
    texts.forEach((cell, i) => {
      const w = widths[i]!;
      if (shade) doc.rect(x, c.y, w, h).fillColor('#f2f2f2').fill().fillColor(INK);
      doc.rect(x, c.y, w, h).lineWidth(0.5).strokeColor(INK).stroke();
      const { lines, space } = layout(doc, cell.spans, w - 2 * pad, cell.style);
      let y = c.y + pad;
      for (const l of lines) {
        drawLine(doc, l, x + pad, y, w - 2 * pad, space, cell.style);
        y += lineHeight(cell.style);
      }
      x += w;
    });
    c.y += h;
  };
  const head = t.columns.map((col) => ({ spans: [{ text: col.title, bold: true }], style: cellStyle('center', 10) }));
  const headH = measure(head);
  c.need(60 + headH);
  c.text([{ text: t.label, bold: true }], { size: 13, align: 'center' }, PDF_PAGE.left, WIDTH, 8, 0);
  c.text([{ text: t.title, bold: true }], { size: 13, align: 'center' }, PDF_PAGE.left, WIDTH, 0, 4);
  drawRow(head, headH, true);
  for (const row of t.rows) {
    const cells = row.map((cell, i) => ({ spans: [{ text: cell.text, bold: cell.bold }], style: cellStyle(t.columns[i]?.align ?? 'left') }));
    const h = measure(cells);
    if (c.y + h > c.bottom) {
      c.newPage();
      drawRow(head, headH, true); // the header row again on each page
    }
    drawRow(cells, h, false);
  }
  c.y += 3;
  for (const n of t.notes) c.text([{ text: n, italic: true }], { size: 10.5, align: 'left', leading: 1.2 }, PDF_PAGE.left, WIDTH, 0, 1);
  c.y += 6;
}

/** Bars drawn as vector shapes: horizontal bars for many categories, columns for a few. */
function chart(c: Cursor, ch: Chart, lang: 'vi' | 'en'): void {
  const doc = c.doc;
  const values = ch.series[0]?.values ?? [];
  const num = (v: number) => formatNumber(v, lang, { decimals: 2 });
  const present = values.filter((v): v is number => v !== null);
  const lo = Math.min(0, ...present, ch.reference?.value ?? 0);
  const hi = Math.max(0, ...present, ch.reference?.value ?? 0);
  const span = hi - lo || 1;
  const small: TextStyle = { size: 9, align: 'center', leading: 1.15 };
  if (ch.kind === 'bar') {
    const rowH = 14;
    const h = 20 + rowH * ch.categories.length;
    c.need(h + 30);
    const labelW = 90;
    const x0 = PDF_PAGE.left + labelW;
    const plotW = WIDTH - labelW - 50;
    const at = (v: number) => x0 + ((v - lo) / span) * plotW;
    const top = c.y + 6;
    ch.categories.forEach((cat, i) => {
      const y = top + i * rowH;
      const v = values[i] ?? null;
      const { lines, space } = layout(doc, [{ text: cat }], labelW - 6, { size: 9, align: 'right' });
      if (lines[0]) drawLine(doc, lines[0], PDF_PAGE.left, y + 2, labelW - 6, space, { size: 9, align: 'right' });
      if (v === null) return;
      const a = at(Math.min(0, v));
      const b = at(Math.max(0, v));
      doc.rect(a, y + 2, Math.max(0.5, b - a), rowH - 4).fillColor(v < 0 ? '#a33a2b' : '#1f4e79').fill().fillColor(INK);
      const lbl = layout(doc, [{ text: num(v) }], 60, { size: 8.5 });
      if (lbl.lines[0]) drawLine(doc, lbl.lines[0], b + 2, y + 2.5, 60, lbl.space, { size: 8.5 });
    });
    const bottom = top + rowH * ch.categories.length;
    doc.moveTo(at(0), top).lineTo(at(0), bottom).lineWidth(0.5).strokeColor('#555555').stroke();
    if (ch.reference) {
      const rx = at(ch.reference.value);
      doc.moveTo(rx, top - 4).lineTo(rx, bottom).dash(3, { space: 2 }).lineWidth(0.7).strokeColor('#333333').stroke().undash();
      const t = layout(doc, [{ text: `${ch.reference.label}: ${num(ch.reference.value)}`, italic: true }], 200, { size: 8.5 });
      if (t.lines[0]) drawLine(doc, t.lines[0], Math.min(rx + 3, PDF_PAGE.left + WIDTH - 120), bottom + 2, 200, t.space, { size: 8.5 });
    }
    c.y = bottom + 14;
  } else {
    const plotH = 150;
    c.need(plotH + 60);
    const top = c.y + 14;
    const x0 = PDF_PAGE.left + 30;
    const plotW = WIDTH - 40;
    const at = (v: number) => top + plotH - ((v - lo) / span) * plotH;
    const slot = plotW / Math.max(1, ch.categories.length);
    const barW = Math.min(34, slot * 0.5);
    ch.categories.forEach((cat, i) => {
      const v = values[i] ?? null;
      const cx = x0 + slot * i + slot / 2;
      if (v !== null) {
        const a = at(Math.max(0, v));
        const b = at(Math.min(0, v));
        doc.rect(cx - barW / 2, a, barW, Math.max(0.5, b - a)).fillColor(v < 0 ? '#a33a2b' : '#1f4e79').fill().fillColor(INK);
        const lbl = layout(doc, [{ text: num(v) }], slot, small);
        if (lbl.lines[0]) drawLine(doc, lbl.lines[0], cx - slot / 2, a - 11, slot, lbl.space, small);
      }
      const { lines, space } = layout(doc, [{ text: cat }], slot - 4, small);
      lines.slice(0, 2).forEach((l, k) => drawLine(doc, l, cx - slot / 2 + 2, top + plotH + 3 + k * 10.5, slot - 4, space, small));
    });
    doc.moveTo(x0, at(0)).lineTo(x0 + plotW, at(0)).lineWidth(0.5).strokeColor('#555555').stroke();
    c.y = top + plotH + 26;
  }
  c.text([{ text: `${ch.label}. ${ch.title}`, italic: true }], { size: 12, align: 'center', leading: 1.2 }, PDF_PAGE.left, WIDTH, 2, 8);
}

function ending(c: Cursor, r: Report): void {
  const lw = WIDTH * 0.5;
  const rw = WIDTH - lw;
  const lx = PDF_PAGE.left;
  const rx = lx + lw;
  const recH = (1 + r.recipients.items.length) * 14.4;
  const sigH = r.signature.lines.length * 16.8 + 60;
  c.need(Math.max(recH, sigH) + 6);
  const top = c.y + 6;
  c.y = top;
  c.text([{ text: r.recipients.heading, bold: true, italic: true }], { size: 12, align: 'left', leading: 1.2 }, lx, lw, 0, 0);
  for (const i of r.recipients.items) c.text([{ text: `- ${i}` }], { size: 11, align: 'left', leading: 1.2 }, lx, lw, 0, 0);
  const leftBottom = c.y;
  c.y = top;
  for (const l of r.signature.lines) c.text([{ text: l, bold: true }], { size: 14, align: 'center', leading: 1.2 }, rx, rw, 0, 0);
  c.y += 60;
  if (r.signature.signer) c.text([{ text: r.signature.signer, bold: true }], { size: 14, align: 'center' }, rx, rw, 0, 0);
  c.y = Math.max(c.y, leftBottom) + 6;
}

export function renderPdf(r: Report, o: PdfOptions = {}): Promise<Buffer> {
  const doc = new PDFDocument({
    size: 'A4', margins: { top: PDF_PAGE.top, bottom: 0, left: PDF_PAGE.left, right: PDF_PAGE.right }, bufferPages: true, autoFirstPage: true,
    info: { Title: r.meta.title, Author: r.header.agency, Subject: r.subject.join(' '), Creator: 'Công Thương Vùng' },
    lang: r.lang,
  });
  registerFonts(doc);
  doc.fillColor(INK).strokeColor(INK);
  const chunks: Buffer[] = [];
  doc.on('data', (b: Buffer) => chunks.push(b));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const c = new Cursor(doc);
  header(c, r);
  c.text([{ text: r.docType, bold: true }], { size: 14, align: 'center' }, PDF_PAGE.left, WIDTH, 6, 0);
  for (const s of r.subject) c.text([{ text: s, bold: true }], { size: 14, align: 'center', leading: 1.2 }, PDF_PAGE.left, WIDTH, 0, 0);
  const rule = WIDTH * 0.25;
  doc.moveTo(PDF_PAGE.left + (WIDTH - rule) / 2, c.y + 2).lineTo(PDF_PAGE.left + (WIDTH + rule) / 2, c.y + 2).lineWidth(0.6).stroke();
  c.y += 14;
  blocks(c, r, r.intro, o);
  sections(c, r, r.sections, o);
  blocks(c, r, r.closing, o);
  ending(c, r);
  const annex = r.tables.filter((t) => !t.inline);
  if (annex.length) {
    c.newPage();
    c.text([{ text: r.annexTitle, bold: true }], { size: 14, align: 'center' }, PDF_PAGE.left, WIDTH, 0, 4);
    for (const t of annex) table(c, t);
  }
  // Page numbers at the top centre, from the second page (Decree 30).
  const range = doc.bufferedPageRange();
  for (let i = range.start + 1; i < range.start + range.count; i++) {
    doc.switchToPage(i);
    const label = [{ text: String(i + 1) }];
    const { lines, space } = layout(doc, label, WIDTH, { size: 13, align: 'center' });
    if (lines[0]) drawLine(doc, lines[0], PDF_PAGE.left, 10 * MM, WIDTH, space, { size: 13, align: 'center' });
  }
  doc.end();
  return done;
}
