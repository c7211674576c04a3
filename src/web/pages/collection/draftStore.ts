// The entry grid's unsaved edits kept in the browser tab (sessionStorage) as they are typed, so that
// nothing typed is lost when the page goes away before the save: the session ended and the officer
// signed in again, a reload, a visit to another page and back. One record per account × data set ×
// province × period, holding each edited cell (value text, comment) with the version the cell had when
// the edit began — a restored edit of a cell someone has saved since is refused by the server (409) and
// goes through the conflict panel like any other, never overwriting silently. Pure functions over a
// Storage-like object; the component calls them (EntryGrid.tsx).
import { parseTyped, typedText } from './common.tsx';
import { dirtyKeys, type Draft, type Drafts } from './gridState.ts';
import type { GridRow, Measure } from './types.ts';

export type DraftStorage = Pick<Storage, 'getItem' | 'setItem' | 'removeItem'>;

interface Kept {
  v: 1;
  /** The language the texts were typed in ("1.234,5" reads differently in English). */
  lang: 'vi' | 'en';
  at: string;
  drafts: Drafts;
}

const PREFIX = 'ct.unsaved';

/** The record's key: the account (another account signing in on the same tab never gets these edits)
 *  and the report. */
export function draftKey(username: string, dataset: string, province: string, period: string): string {
  return [PREFIX, username, dataset, province, period].map(encodeURIComponent).join('|');
}

/** The key from the grid's query string (?dataset=…&province=…&period=…). */
export function draftKeyOf(username: string, params: string): string {
  const q = new URLSearchParams(params);
  return draftKey(username, q.get('dataset') ?? '', q.get('province') ?? '', q.get('period') ?? '');
}

const isDraft = (d: unknown): d is Draft => {
  if (!d || typeof d !== 'object') return false;
  const x = d as Record<string, unknown>;
  return Number.isInteger(x.base) && (x.text === undefined || typeof x.text === 'string') && (x.comment === undefined || typeof x.comment === 'string');
};

/** What was kept for a report, or null (nothing, storage unavailable, or a record not understood). */
export function readKept(storage: DraftStorage | null, key: string): { lang: 'vi' | 'en'; drafts: Drafts } | null {
  let raw: string | null = null;
  try {
    raw = storage?.getItem(key) ?? null;
  } catch {
    return null;
  }
  if (!raw) return null;
  try {
    const k = JSON.parse(raw) as Kept;
    if (k?.v !== 1 || (k.lang !== 'vi' && k.lang !== 'en') || !k.drafts || typeof k.drafts !== 'object') return null;
    const drafts: Drafts = {};
    for (const [cell, d] of Object.entries(k.drafts)) if (/^\d+\|(actual|plan)$/.test(cell) && isDraft(d)) drafts[cell] = d;
    return { lang: k.lang, drafts };
  } catch {
    return null;
  }
}

/** Keeps the edits that differ from what is stored (removes the record when none do). */
export function writeKept(storage: DraftStorage | null, key: string, rows: GridRow[], drafts: Drafts, lang: 'vi' | 'en', now = new Date()): void {
  const keep = Object.fromEntries(dirtyKeys(rows, drafts, lang).map((k) => [k, drafts[k]!]));
  try {
    if (!Object.keys(keep).length) storage?.removeItem(key);
    else storage?.setItem(key, JSON.stringify({ v: 1, lang, at: now.toISOString(), drafts: keep } satisfies Kept));
  } catch {
    /* storage full or unavailable: the edits stay on screen as before */
  }
}

export function dropKept(storage: DraftStorage | null, key: string): void {
  try {
    storage?.removeItem(key);
  } catch {
    /* unavailable */
  }
}

/** A text typed in one language, as the other would type it (unreadable text is left as it was). */
function retype(text: string, from: 'vi' | 'en', to: 'vi' | 'en'): string {
  if (from === to) return text;
  const v = parseTyped(text, from);
  return v === null || Number.isNaN(v) ? text : typedText(v, to);
}

/** Edits typed in one language, as the other would show them (the page's language was switched). */
export function retypeDrafts(drafts: Drafts, from: 'vi' | 'en', to: 'vi' | 'en'): Drafts {
  if (from === to) return drafts;
  return Object.fromEntries(Object.entries(drafts).map(([k, d]) => [k, d.text === undefined ? d : { ...d, text: retype(d.text, from, to) }]));
}

/**
 * The kept edits that still mean something on this grid, in the page's language: only cells the grid
 * has (a plan only where the row has one), only edits that differ from what is stored now (an edit
 * equal to a figure someone has saved since is simply done). Each keeps the version it was typed
 * against, so a cell changed on the server since is refused by the save and shown in the conflict panel.
 */
export function restoreKept(rows: GridRow[], kept: { lang: 'vi' | 'en'; drafts: Drafts } | null, lang: 'vi' | 'en'): Drafts {
  if (!kept) return {};
  const byItem = new Map(rows.map((r) => [r.item, r]));
  const out: Drafts = {};
  for (const [cell, d] of Object.entries(kept.drafts)) {
    const [item, m] = cell.split('|') as [string, Measure];
    const row = byItem.get(Number(item));
    if (!row || (m === 'plan' && !row.plan)) continue;
    const draft: Draft = { base: d.base };
    if (d.text !== undefined) draft.text = retype(d.text, kept.lang, lang);
    if (m === 'actual' && d.comment !== undefined) draft.comment = d.comment;
    out[cell] = draft;
  }
  const live = new Set(dirtyKeys(rows, out, lang));
  return Object.fromEntries(Object.entries(out).filter(([k]) => live.has(k)));
}

/** The tab's sessionStorage, or null where there is none (private modes that refuse it, tests). */
export function tabStorage(): DraftStorage | null {
  try {
    return typeof window !== 'undefined' ? window.sessionStorage : null;
  } catch {
    return null;
  }
}
