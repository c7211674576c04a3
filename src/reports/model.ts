// The report as pure data: what every renderer (HTML, Word, PDF, Excel) draws, and nothing else.
// Builders fill it from the analytics through the prose templates; renderers never query the store,
// so the Word file and the web preview can never disagree about a number.
import type { Lang } from '../shared/format.ts';

export type ReportType = 'conference' | 'provincial' | 'monthly';
export const REPORT_TYPES: readonly ReportType[] = ['conference', 'provincial', 'monthly'];
export type ReportFormat = 'html' | 'docx' | 'pdf' | 'xlsx' | 'json';
export const REPORT_FORMATS: readonly ReportFormat[] = ['html', 'docx', 'pdf', 'xlsx', 'json'];

export interface TextRun {
  kind: 'text';
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** A number in the prose: its text as shown, and the figure (with its inputs) it comes from. */
export interface FigureRun {
  kind: 'figure';
  text: string;
  figure: string;
}

export type Run = TextRun | FigureRun;

export type Block =
  | { kind: 'paragraph'; runs: Run[]; role?: 'body' | 'missing' | 'note' }
  | { kind: 'bullets'; items: Run[][] }
  | { kind: 'table'; table: string }
  | { kind: 'chart'; chart: string };

export interface Section {
  /** "I.", "1.", "a)" — computed once so every renderer numbers alike. */
  number: string;
  title: string;
  level: 1 | 2 | 3;
  blocks: Block[];
  sections: Section[];
  /** Starts a new page (the monthly brief: one page per region). */
  pageBreakBefore?: boolean;
}

/** Where a figure comes from: links a reader can follow (API endpoints) and what they show. */
export interface FigureInput {
  label: string;
  href: string;
}

export interface Figure {
  id: string;
  /** "Tổng mức bán lẻ… — khu vực phía Nam — 9 tháng đầu năm 2024" */
  label: string;
  place: string;
  indicator: string;
  period: string;
  /** The exact value in the indicator's base unit (null for a growth-only figure). */
  value: number | null;
  baseUnit: string;
  growthPct: number | null;
  /** computed: summed from the provinces' values · published: as the region's figure was published ·
   *  reported: a province's own figure · derived: computed from published figures (e.g. % × plan). */
  source: 'computed' | 'published' | 'reported' | 'derived';
  status: 'estimate' | 'official' | 'plan' | null;
  coverage: { reported: number; of: number; missing: string[] } | null;
  /** Citation of a published figure: document id and the sentence it was read from. */
  citation: { document: string | null; quote: string | null } | null;
  inputs: FigureInput[];
}

export interface TableColumn {
  title: string;
  align: 'left' | 'right' | 'center';
  /** Relative width (the renderers scale to the page). */
  width: number;
}

export interface TableCell {
  text: string;
  /** The number behind a numeric cell, in the unit the column states (for the Excel annex). */
  value?: number | null;
  /** Excel number format of `value` (e.g. '#,##0.00'). */
  numFmt?: string;
  figure?: string;
  bold?: boolean;
}

export interface Table {
  id: string;
  /** "Phụ lục 1" / "Annex 1" */
  label: string;
  title: string;
  columns: TableColumn[];
  rows: TableCell[][];
  notes: string[];
  /** Drawn where the text places it (the monthly brief) rather than in the annex. */
  inline?: boolean;
}

export interface ChartSeries {
  name: string;
  values: (number | null)[];
}

export interface Chart {
  id: string;
  label: string;
  title: string;
  /** bar = horizontal bars (many categories), column = vertical bars. */
  kind: 'bar' | 'column';
  categories: string[];
  series: ChartSeries[];
  unit: string;
  /** A reference line (the regional average) drawn across the bars. */
  reference: { label: string; value: number } | null;
}

export interface ReportHeader {
  parentAgency: string | null;
  agency: string;
  /** "Số:      /BC-BCT" — the number is left blank for the clerk, as drafts are. */
  number: string;
  motto: [string, string];
  /** "Hà Nội, ngày 05 tháng 01 năm 2026" */
  placeDate: string;
}

export interface Report {
  type: ReportType;
  lang: Lang;
  header: ReportHeader;
  /** "BÁO CÁO" */
  docType: string;
  subject: string[];
  intro: Block[];
  sections: Section[];
  closing: Block[];
  signature: { lines: string[]; signer: string | null; note: string };
  recipients: { heading: string; items: string[] };
  annexTitle: string;
  tables: Table[];
  charts: Chart[];
  figures: Record<string, Figure>;
  /** Each piece of missing data, stated once (also in the text where it matters). */
  missing: string[];
  /** File name without extension, ASCII: "bao-cao-hoi-nghi_south_9T-2024_vi". */
  fileBase: string;
  meta: {
    title: string;
    place: string;
    period: string;
    periodLabel: string;
    generatedAt: string;
    /** Links to the other languages and formats are built from this query. */
    query: Record<string, string>;
  };
}

export const text = (t: string, style: { bold?: boolean; italic?: boolean } = {}): TextRun => ({ kind: 'text', text: t, ...style });

export function runsText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Every block of a section tree, depth first (for renderers and tests). */
export function* walkSections(sections: readonly Section[]): Generator<Section> {
  for (const s of sections) {
    yield s;
    yield* walkSections(s.sections);
  }
}

/** The whole prose of a report as plain text, one paragraph a line (tests and the JSON format). */
export function reportText(r: Report): string {
  const lines: string[] = [];
  const blocks = (bs: readonly Block[]) => {
    for (const b of bs) {
      if (b.kind === 'paragraph') lines.push(runsText(b.runs));
      else if (b.kind === 'bullets') for (const it of b.items) lines.push(runsText(it));
    }
  };
  blocks(r.intro);
  for (const s of walkSections(r.sections)) {
    lines.push(`${s.number} ${s.title}`);
    blocks(s.blocks);
  }
  blocks(r.closing);
  return lines.join('\n');
}
