// Saving accepted readings: POST /api/extraction/accept with the session's CSRF token, keeping the
// server's per-row problems (the shared client keeps only the message) so each lands on its reading.
import { ApiError, clearCache } from '../../api.ts';
import type { Lang } from '../../i18n.ts';
import type { AcceptFigure, DraftField } from './model.ts';

export interface AcceptAnswer { document: string; values: number; changeSets: number }

export interface RowProblem { row: number; field: string; messageVi: string; messageEn: string }

export class SaveRefused extends ApiError {
  constructor(status: number, code: string, vi: string, en: string, readonly rows: RowProblem[]) {
    super(status, code, vi, en);
  }
}

export async function accept(
  body: { document: { title: string; publisher?: string; published_on?: string; url?: string }; figures: AcceptFigure[] },
  csrf: string | null,
): Promise<AcceptAnswer> {
  let res: Response;
  try {
    res = await fetch('/api/extraction/accept', {
      method: 'POST', credentials: 'same-origin',
      headers: { 'content-type': 'application/json', accept: 'application/json', ...(csrf ? { 'x-csrf-token': csrf } : {}) },
      body: JSON.stringify(body),
    });
  } catch {
    throw new ApiError(0, 'network', '', '');
  }
  const text = await res.text();
  let json: any = null;
  try { json = text ? JSON.parse(text) : null; } catch { /* not JSON */ }
  if (!res.ok) {
    const e = json?.error;
    const rows = Array.isArray(e?.details) ? (e.details as RowProblem[]).filter((d) => typeof d?.row === 'number') : [];
    throw new SaveRefused(res.status, e?.code ?? `http_${res.status}`, e?.message ?? '', e?.messageEn ?? '', rows);
  }
  // values, history and documents changed: later reads must not come from the cache
  clearCache();
  return json as AcceptAnswer;
}

/** The draft field a server problem is about. */
export function draftFieldOf(field: string): DraftField | 'status' {
  if (field === 'place' || field === 'indicator' || field === 'period' || field === 'status') return field;
  if (field === 'growth_pct') return 'growth';
  if (field === 'pct_of_plan') return 'pctOfPlan';
  return 'value';
}

export const problemText = (p: RowProblem, lang: Lang) => (lang === 'vi' ? p.messageVi || p.messageEn : p.messageEn || p.messageVi);
