// Paging of the conferences' and follow-up's lists: a page size, an opaque cursor holding the sort key
// of the last item seen (keyset, so an item added or removed meanwhile never shifts the next page),
// and the total. The lists' filters that SQL cannot express (accent-aware search, "overdue today", a
// task's status from its reports) run first, so the total and the pages always agree. Pure.
import { z } from 'zod';
import { UserError } from '../server/errors.ts';

export type SortKey = (string | number | null)[];

export const DEFAULT_LIMIT = 100;
export const MAX_LIMIT = 500;

export const pageQuery = {
  limit: z.coerce.number().int().min(1).max(MAX_LIMIT).default(DEFAULT_LIMIT)
    .describe(`số mục mỗi trang (tối đa ${MAX_LIMIT}) / items per page (at most ${MAX_LIMIT})`),
  cursor: z.string().max(500).optional().describe('next_cursor của trang trước / the previous page\'s next_cursor'),
};

export interface PageRequest {
  limit?: number;
  cursor?: string;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  next_cursor: string | null;
}

/** null sorts first; numbers by value; strings by code point (the same on every store and machine). */
export function compareKeys(a: SortKey, b: SortKey): number {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    const x = a[i] ?? null;
    const y = b[i] ?? null;
    if (x === y) continue;
    if (x === null) return -1;
    if (y === null) return 1;
    if (typeof x === 'number' && typeof y === 'number') return x - y;
    const sx = String(x);
    const sy = String(y);
    if (sx !== sy) return sx < sy ? -1 : 1;
  }
  return 0;
}

export function encodeCursor(key: SortKey): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor(cursor: string): SortKey {
  try {
    const key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (Array.isArray(key) && key.every((x) => x === null || typeof x === 'string' || typeof x === 'number')) return key;
  } catch { /* refused below */ }
  throw new UserError(422, 'invalid_cursor', 'Con trỏ trang không hợp lệ: hãy tải lại danh sách từ đầu.', 'Invalid page cursor: reload the list from the start.');
}

/** The page after `cursor` of `all`, ordered by `keyOf` (which must end with a unique id). */
export function paginate<T>(all: readonly T[], keyOf: (x: T) => SortKey, req: PageRequest = {}): Page<T> {
  const limit = Math.min(Math.max(1, req.limit ?? DEFAULT_LIMIT), MAX_LIMIT);
  const keyed = all.map((item) => ({ item, key: keyOf(item) })).sort((a, b) => compareKeys(a.key, b.key));
  const after = req.cursor ? decodeCursor(req.cursor) : null;
  const rest = after ? keyed.filter((x) => compareKeys(x.key, after) > 0) : keyed;
  const page = rest.slice(0, limit);
  return {
    items: page.map((x) => x.item),
    total: all.length,
    limit,
    next_cursor: rest.length > limit ? encodeCursor(page.at(-1)!.key) : null,
  };
}
