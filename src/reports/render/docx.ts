// Word, laid out per Decree 30/2020/NĐ-CP Appendix I: A4 portrait, margins 20/20/30/15 mm, Times New
// Roman, the two-column header (agency | national motto, number | place and date), "BÁO CÁO" and the
// subject centred in bold, justified body with 1.27 cm first-line indents, sections "I.", "1.", "a)",
// the recipients and signature blocks, page numbers at the top centre from page 2. Charts are native
// Word charts (editable, with their data), tables are Word tables.
import {
  AlignmentType, BorderStyle, Document, Header, Packer, PageNumber, Paragraph, Table as DocxTable, TableCell, TableLayoutType, TableRow,
  TextRun, VerticalAlign, WidthType, type IParagraphOptions,
} from 'docx';
import { ChartRun } from 'docx/charts';
import type { Block, Chart, Report, Run, Section, Table } from '../model.ts';

// Twentieths of a point: 1 mm = 56.7 twips. Sizes are half-points.
const MM = 56.7;
export const PAGE = { width: 11906, height: 16838, top: Math.round(20 * MM), bottom: Math.round(20 * MM), left: Math.round(30 * MM), right: Math.round(15 * MM) };
const TEXT_WIDTH = PAGE.width - PAGE.left - PAGE.right;
const FONT = 'Times New Roman';
const BODY = 28; // 14 pt
const INDENT = 720; // 1.27 cm
const NONE = { style: BorderStyle.NONE, size: 0, color: 'FFFFFF' };
const NO_BORDERS = { top: NONE, bottom: NONE, left: NONE, right: NONE, insideHorizontal: NONE, insideVertical: NONE };
const LINE = { style: BorderStyle.SINGLE, size: 6, color: '000000', space: 1 };
const CELL_LINE = { style: BorderStyle.SINGLE, size: 4, color: '000000' };

const tr = (text: string, o: { bold?: boolean; italics?: boolean; size?: number; underline?: boolean } = {}) =>
  new TextRun({ text, font: FONT, bold: o.bold, italics: o.italics, size: o.size ?? BODY, underline: o.underline ? { type: 'single' } : undefined });

const centred = (children: TextRun[], extra: IParagraphOptions = {}) => new Paragraph({ alignment: AlignmentType.CENTER, children, ...extra });

/** A short centred rule under a block (the line under the issuing agency and the subject). */
const rule = (width: number, cell: number) => new Paragraph({
  border: { bottom: LINE }, indent: { left: Math.round((cell - width) / 2), right: Math.round((cell - width) / 2) },
  spacing: { before: 0, after: 0, line: 120 }, children: [new TextRun({ text: '', size: 2 })],
});

function runs(list: readonly Run[], size = BODY, italics = false): TextRun[] {
  return list.map((r) => tr(r.text, { bold: r.kind === 'text' ? r.bold : false, italics: italics || (r.kind === 'text' ? r.italic : false), size }));
}

const body = (children: TextRun[]) => new Paragraph({
  alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: { before: 60, after: 60, line: 288 }, children,
});

function headerTable(r: Report): DocxTable {
  const left = Math.round(TEXT_WIDTH * 0.4);
  const right = TEXT_WIDTH - left;
  const h = r.header;
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS, verticalAlign: VerticalAlign.TOP });
  const agency = [
    ...(h.parentAgency ? [centred([tr(h.parentAgency, { size: 26 })])] : []),
    centred([tr(h.agency, { bold: true, size: 26 })]),
    rule(Math.round(left * 0.35), left),
  ];
  const motto = [centred([tr(h.motto[0], { bold: true, size: 24 })]), centred([tr(h.motto[1], { bold: true, size: 27, underline: true })])];
  return new DocxTable({
    width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [left, right], layout: TableLayoutType.FIXED, borders: NO_BORDERS,
    rows: [
      new TableRow({ children: [cell(agency, left), cell(motto, right)] }),
      new TableRow({ children: [
        cell([centred([tr(h.number, { size: 26 })], { spacing: { before: 120 } })], left),
        cell([centred([tr(h.placeDate, { italics: true, size: 27 })], { spacing: { before: 120 } })], right),
      ] }),
    ],
  });
}

function heading(s: Section): Paragraph {
  const text = `${s.number} ${s.title}`;
  return new Paragraph({
    alignment: AlignmentType.JUSTIFIED, indent: { firstLine: INDENT }, spacing: { before: 120, after: 60, line: 288 }, keepNext: true,
    pageBreakBefore: s.pageBreakBefore, children: [tr(text, { bold: s.level < 3, italics: s.level === 3 })],
  });
}

function blocks(r: Report, list: readonly Block[]): Array<Paragraph | DocxTable> {
  const out: Array<Paragraph | DocxTable> = [];
  for (const b of list) {
    if (b.kind === 'paragraph') out.push(body(runs(b.runs, BODY, b.role === 'missing')));
    else if (b.kind === 'bullets') for (const it of b.items) out.push(body([tr('- '), ...runs(it)]));
    else if (b.kind === 'table') {
      const t = r.tables.find((x) => x.id === b.table);
      if (t) out.push(...tableBlock(t));
    } else {
      const c = r.charts.find((x) => x.id === b.chart);
      if (c) out.push(...chartBlock(c));
    }
  }
  return out;
}

function sections(r: Report, list: readonly Section[]): Array<Paragraph | DocxTable> {
  return list.flatMap((s) => [heading(s), ...blocks(r, s.blocks), ...sections(r, s.sections)]);
}

function tableBlock(t: Table): Array<Paragraph | DocxTable> {
  const total = t.columns.reduce((s, c) => s + c.width, 0);
  const widths = t.columns.map((c) => Math.floor((c.width / total) * TEXT_WIDTH));
  const align = (a: string) => (a === 'right' ? AlignmentType.RIGHT : a === 'center' ? AlignmentType.CENTER : AlignmentType.LEFT);
  const borders = { top: CELL_LINE, bottom: CELL_LINE, left: CELL_LINE, right: CELL_LINE };
  const margins = { top: 30, bottom: 30, left: 60, right: 60 };
  const head = new TableRow({
    tableHeader: true,
    children: t.columns.map((c, i) => new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA }, borders, margins, verticalAlign: VerticalAlign.CENTER, shading: { fill: 'F2F2F2' },
      children: [centred([tr(c.title, { bold: true, size: 22 })])],
    })),
  });
  const rows = t.rows.map((row) => new TableRow({
    cantSplit: true,
    children: row.map((cell, i) => new TableCell({
      width: { size: widths[i]!, type: WidthType.DXA }, borders, margins,
      children: [new Paragraph({ alignment: align(t.columns[i]?.align ?? 'left'), children: [tr(cell.text, { bold: cell.bold, size: 22 })] })],
    })),
  }));
  return [
    centred([tr(t.label, { bold: true })], { spacing: { before: 240 }, keepNext: true }),
    centred([tr(t.title, { bold: true })], { spacing: { after: 120 }, keepNext: true }),
    new DocxTable({ width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: widths, layout: TableLayoutType.FIXED, rows: [head, ...rows] }),
    ...t.notes.map((n) => new Paragraph({ spacing: { before: 40 }, children: [tr(n, { italics: true, size: 22 })] })),
  ];
}

function chartBlock(c: Chart): Paragraph[] {
  // Word's bar charts have no reference line: the regional average is one more bar, in another colour.
  const categories = c.reference ? [...c.categories, c.reference.label] : c.categories;
  const values = c.reference ? [...(c.series[0]?.values ?? []), c.reference.value] : c.series[0]?.values ?? [];
  const colors = values.map((v, i) => (c.reference && i === values.length - 1 ? 'A6A6A6' : v !== null && v < 0 ? 'A33A2B' : '1F4E79'));
  const height = c.kind === 'bar' ? Math.max(240, 40 + 20 * categories.length) : 300;
  const common = {
    categories, legend: false as const, font: { name: FONT }, transformation: { width: 600, height },
    series: [{ name: c.series[0]?.name ?? c.unit, values, colors }],
    dataLabels: { value: true, numberFormat: '#,##0.00', font: { name: FONT, size: 9 } },
    categoryAxis: { reverseOrder: c.kind === 'bar', font: { name: FONT, size: 9 } },
    valueAxis: { numberFormat: '#,##0', font: { name: FONT, size: 9 } },
    altText: { name: c.id, title: `${c.label}. ${c.title}`, description: `${c.label}. ${c.title}` },
  };
  const run = c.kind === 'bar' ? new ChartRun({ type: 'bar', ...common }) : new ChartRun({ type: 'column', ...common });
  return [
    centred([run], { spacing: { before: 120 }, keepNext: true }),
    centred([tr(`${c.label}. ${c.title}`, { italics: true, size: 24 })], { spacing: { after: 120 } }),
  ];
}

function endTable(r: Report): DocxTable {
  const left = Math.round(TEXT_WIDTH * 0.5);
  const right = TEXT_WIDTH - left;
  const cell = (children: Paragraph[], width: number) => new TableCell({ children, width: { size: width, type: WidthType.DXA }, borders: NO_BORDERS });
  const rec = [
    new Paragraph({ children: [tr(r.recipients.heading, { bold: true, italics: true, size: 24 })] }),
    ...r.recipients.items.map((i) => new Paragraph({ children: [tr(`- ${i}`, { size: 22 })] })),
  ];
  const sig = [
    ...r.signature.lines.map((l) => centred([tr(l, { bold: true })])),
    ...Array.from({ length: 4 }, () => new Paragraph({ children: [tr('')] })),
    centred([tr(r.signature.signer ?? '', { bold: true })]),
  ];
  return new DocxTable({
    width: { size: TEXT_WIDTH, type: WidthType.DXA }, columnWidths: [left, right], layout: TableLayoutType.FIXED, borders: NO_BORDERS,
    rows: [new TableRow({ cantSplit: true, children: [cell(rec, left), cell(sig, right)] })],
  });
}

export async function renderDocx(r: Report): Promise<Buffer> {
  const annexTables = r.tables.filter((t) => !t.inline);
  const children: Array<Paragraph | DocxTable> = [
    headerTable(r),
    centred([tr(r.docType, { bold: true })], { spacing: { before: 360 } }),
    ...r.subject.map((s) => centred([tr(s, { bold: true })])),
    rule(Math.round(TEXT_WIDTH * 0.25), TEXT_WIDTH),
    new Paragraph({ children: [] }),
    ...blocks(r, r.intro),
    ...sections(r, r.sections),
    ...blocks(r, r.closing),
    new Paragraph({ spacing: { before: 120 }, children: [] }),
    endTable(r),
  ];
  if (annexTables.length) {
    children.push(centred([tr(r.annexTitle, { bold: true })], { pageBreakBefore: true }));
    for (const t of annexTables) children.push(...tableBlock(t));
  }
  const doc = new Document({
    creator: 'Công Thương Vùng',
    title: r.meta.title,
    description: r.subject.join(' '),
    styles: { default: { document: { run: { font: FONT, size: BODY } } } },
    sections: [{
      properties: {
        titlePage: true,
        page: { size: { width: PAGE.width, height: PAGE.height }, margin: { top: PAGE.top, bottom: PAGE.bottom, left: PAGE.left, right: PAGE.right, header: 567, footer: 567 } },
      },
      headers: {
        default: new Header({ children: [centred([new TextRun({ children: [PageNumber.CURRENT], font: FONT, size: BODY })])] }),
        first: new Header({ children: [new Paragraph({ children: [] })] }),
      },
      children,
    }],
  });
  return Packer.toBuffer(doc);
}
