// The entry grid's edits, apart from the screen: what the officer typed per cell and the version the
// cell had when they started typing (sent back with the save, so a cell someone else changed meanwhile
// is refused, never overwritten), the checks that need no server, growth and % of plan as they type.
import { parseTyped, typedText } from './common.tsx';
import type { CollectionDict } from './i18n.ts';
import type { Grid, GridRow, Measure } from './types.ts';

export interface Draft {
  text?: string;
  comment?: string;
  /** The cell's version when the edit began. */
  base: number;
}

export type Drafts = Record<string, Draft>;
export const keyOf = (item: number, measure: Measure) => `${item}|${measure}`;

export const storedValue = (row: GridRow, m: Measure): number | null => (m === 'plan' ? row.plan?.value ?? null : row.value);
export const storedVersion = (row: GridRow, m: Measure): number => (m === 'plan' ? row.plan?.version ?? 0 : row.version);

/** The text a cell shows: what was typed, else the stored figure. */
export function cellText(row: GridRow, m: Measure, drafts: Drafts, lang: 'vi' | 'en'): string {
  return drafts[keyOf(row.item, m)]?.text ?? typedText(storedValue(row, m), lang);
}

export function commentText(row: GridRow, drafts: Drafts): string {
  return drafts[keyOf(row.item, 'actual')]?.comment ?? row.comment ?? '';
}

/** The value a cell has on screen (NaN when what was typed is not a number). */
export function cellValue(row: GridRow, m: Measure, drafts: Drafts, lang: 'vi' | 'en'): number | null {
  const d = drafts[keyOf(row.item, m)];
  return d?.text !== undefined ? parseTyped(d.text, lang) : storedValue(row, m);
}

/** A new draft state after typing into a cell (the first keystroke records the version seen). */
export function edit(drafts: Drafts, row: GridRow, m: Measure, patch: { text?: string; comment?: string }): Drafts {
  const k = keyOf(row.item, m);
  const prev = drafts[k] ?? { base: storedVersion(row, m) };
  return { ...drafts, [k]: { ...prev, ...patch } };
}

function changed(row: GridRow, m: Measure, d: Draft, lang: 'vi' | 'en'): boolean {
  // Unreadable text (NaN) counts as a change: the save refuses it and says which cell.
  if (d.text !== undefined && parseTyped(d.text, lang) !== storedValue(row, m)) return true;
  return m === 'actual' && d.comment !== undefined && d.comment.trim() !== (row.comment ?? '');
}

/** Cells whose text or comment differs from what is stored. */
export function dirtyKeys(rows: GridRow[], drafts: Drafts, lang: 'vi' | 'en'): string[] {
  const byItem = new Map(rows.map((r) => [r.item, r]));
  return Object.entries(drafts).filter(([k, d]) => {
    const [item, m] = k.split('|') as [string, Measure];
    const row = byItem.get(Number(item));
    return !!row && changed(row, m, d, lang);
  }).map(([k]) => k);
}

export interface EntryBody {
  item: number;
  measure: Measure;
  value: number | null;
  comment?: string | null;
  version: number;
}

/** The save's cells, or the keys of cells whose text is not a number (nothing is sent then). */
export function entriesToSave(rows: GridRow[], drafts: Drafts, lang: 'vi' | 'en'): { entries: EntryBody[]; unreadable: string[] } {
  const byItem = new Map(rows.map((r) => [r.item, r]));
  const entries: EntryBody[] = [];
  const unreadable: string[] = [];
  for (const k of dirtyKeys(rows, drafts, lang)) {
    const [item, m] = k.split('|') as [string, Measure];
    const row = byItem.get(Number(item))!;
    const d = drafts[k]!;
    const value = cellValue(row, m, drafts, lang);
    if (value !== null && Number.isNaN(value)) {
      unreadable.push(k);
      continue;
    }
    const e: EntryBody = { item: row.item, measure: m, value, version: d.base };
    if (m === 'actual' && d.comment !== undefined) e.comment = d.comment.trim() || null;
    entries.push(e);
  }
  return { entries, unreadable };
}

/** A finding shown in a cell's "Kiểm tra" column. `code` is the server's (validation/rules.ts), so that
 *  the browser's check and the server's answer about the same thing show once; a `note` is neither an
 *  error nor a warning (a required cell still empty). */
export interface CellIssue {
  code: string;
  text: string;
  severity: 'error' | 'warning' | 'note';
  /** A warning already explained by a comment (it no longer blocks the submission). */
  commented?: boolean;
}

/** Checks that need nothing from the server (the server repeats them with history, cumulatives...). */
export function localProblems(row: GridRow, m: Measure, v: number | null, t: CollectionDict): CellIssue[] {
  if (v === null) return [];
  const error = (code: string, text: string): CellIssue => ({ code, text, severity: 'error' });
  if (Number.isNaN(v)) return [error('not_a_number', t.notANumber)];
  if (m === 'plan') return v < 0 ? [error('negative_plan', t.negativePlan)] : [];
  const out: CellIssue[] = [];
  if (row.integer && !Number.isInteger(v)) out.push(error('not_integer', t.wholeNumber));
  if (v < (row.min ?? 0)) out.push(error('below_min', t.belowMin(row.min ?? 0)));
  if (row.max !== null && row.max !== undefined && v > row.max) out.push(error('above_max', t.aboveMax(row.max)));
  return out;
}

/**
 * What a cell's "Kiểm tra" column says, one line per finding: the server's answer to the last save or
 * submission (`server`) wins over the browser's check of the same thing (same code: "…vượt mức tối
 * đa 1.000 %" rather than that and "Không được lớn hơn 1.000." both); the grid's findings on the stored
 * figure until the cell is retyped; and a required cell still empty is noted — not as an error, the
 * way the panel's summary counts it (gridCounts).
 */
export function cellIssues(row: GridRow, m: Measure, drafts: Drafts, server: CellIssue[], lang: 'vi' | 'en', t: CollectionDict): CellIssue[] {
  const typed = drafts[keyOf(row.item, m)]?.text !== undefined;
  const value = cellValue(row, m, drafts, lang);
  const out: CellIssue[] = [...server];
  const add = (i: CellIssue) => { if (!out.some((o) => o.code === i.code || o.text === i.text)) out.push(i); };
  for (const i of localProblems(row, m, value, t)) add(i);
  // The grid's own findings hold for the stored figure; once the cell is retyped, they wait for the save.
  if (!typed) {
    for (const i of row.issues) {
      if (i.measure === m && i.code !== 'required') add({ code: i.code, text: lang === 'vi' ? i.message : i.messageEn, severity: i.severity, commented: i.commented });
    }
  }
  if (m === 'actual' && row.required && value === null) add({ code: 'required', text: t.requiredEmpty, severity: 'note' });
  // errors first, then warnings, then notes
  const rank = { error: 0, warning: 1, note: 2 } as const;
  return out.sort((a, b) => rank[a.severity] - rank[b.severity]);
}

/** Growth is shown only for a figure that stands: none for one refused or not valid (an error in its
 *  cell), which would otherwise read as "+1.400,00%" beside a figure that was never saved. */
export function shownGrowth(row: GridRow, v: number | null, issues: CellIssue[]): number | null {
  return issues.some((i) => i.severity === 'error') ? null : growthOf(row, v);
}

export interface Counts {
  errors: number;
  /** Required cells still empty. */
  empty: number;
  /** Warnings without a comment. */
  warnings: number;
}

/** The entry panel's summary: exactly what its cells show (cellIssues), so the two always agree. */
export function countIssues(issues: CellIssue[]): Counts {
  return {
    errors: issues.filter((i) => i.severity === 'error').length,
    empty: issues.filter((i) => i.severity === 'note' && i.code === 'required').length,
    warnings: issues.filter((i) => i.severity === 'warning' && !i.commented).length,
  };
}

/** The same summary from the stored report alone (the review page): errors (a required cell left empty
 *  is not one — it is counted apart, as still to fill), required cells still empty, warnings without a
 *  comment. */
export function gridCounts(rows: GridRow[]): Counts {
  let errors = 0;
  let empty = 0;
  let warnings = 0;
  for (const r of rows) {
    if (r.required && r.value === null) empty++;
    for (const i of r.issues) {
      if (i.code === 'required') continue;
      if (i.severity === 'error') errors++;
      else if (!i.commented) warnings++;
    }
  }
  return { errors, empty, warnings };
}

/** Growth against the same period last year, % (an index: the index minus 100). */
export function growthOf(row: GridRow, v: number | null): number | null {
  if (v === null || Number.isNaN(v)) return null;
  if (row.growth_kind === 'index') return v - 100;
  return row.last_year !== null && row.last_year > 0 ? (v / row.last_year - 1) * 100 : null;
}

/** % of the annual plan, for cumulative figures (a month against a year's plan says nothing). */
export function pctOfPlanOf(grid: Grid, row: GridRow, v: number | null, plan: number | null): number | null {
  if (row.basis !== 'ytd' && grid.dataset.periodicity !== 'year') return null;
  if (v === null || Number.isNaN(v) || plan === null || Number.isNaN(plan) || plan <= 0) return null;
  return (v / plan) * 100;
}
