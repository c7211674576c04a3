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

/** Checks that need nothing from the server (the server repeats them with history, cumulatives...). */
export function localProblems(row: GridRow, m: Measure, v: number | null, t: CollectionDict): string[] {
  if (v === null) return [];
  if (Number.isNaN(v)) return [t.notANumber];
  const out: string[] = [];
  if (m === 'plan') return v < 0 ? [t.negativePlan] : [];
  if (row.integer && !Number.isInteger(v)) out.push(t.wholeNumber);
  if (v < (row.min ?? 0)) out.push(t.belowMin(row.min ?? 0));
  if (row.max !== null && row.max !== undefined && v > row.max) out.push(t.aboveMax(row.max));
  return out;
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
