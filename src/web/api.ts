// The API as the web app reads it: typed responses, one error type carrying the server's Vietnamese and
// English messages, a small in-memory cache of GET answers, and a hook for components.
import { useCallback, useEffect, useRef, useState } from 'react';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    readonly messageVi: string,
    readonly messageEn: string,
    /** The server's error details (per-cell problems, the current values of a conflict...). */
    readonly details?: unknown,
  ) {
    super(messageEn || messageVi);
  }
}

const cache = new Map<string, Promise<unknown>>();

/** Responses the inline script of index.html started before the bundle ran (prefetch.ts). */
function takePrefetched(url: string): Promise<Response> | undefined {
  const pre = (window as unknown as { __ctPrefetch?: Record<string, Promise<Response>> }).__ctPrefetch;
  const p = pre?.[url];
  if (p) delete pre![url];
  return p;
}

async function request<T>(url: string, init?: RequestInit): Promise<T> {
  let res: Response;
  try {
    const pre = !init ? takePrefetched(url) : undefined;
    res = await (pre ?? fetch(url, { credentials: 'same-origin', ...init, headers: { accept: 'application/json', ...(init?.headers ?? {}) } }));
  } catch {
    throw new ApiError(0, 'network', '', '');
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let body: any = null;
  try {
    body = text ? JSON.parse(text) : null;
  } catch {
    body = null;
  }
  if (!res.ok) {
    const e = body?.error;
    throw new ApiError(res.status, e?.code ?? 'http_' + res.status, e?.message ?? '', e?.messageEn ?? '', e?.details);
  }
  return body as T;
}

/** GET with a cache: the same URL answers from memory until `fresh` asks again. */
export function getJson<T>(url: string, { fresh = false } = {}): Promise<T> {
  if (!fresh && cache.has(url)) return cache.get(url) as Promise<T>;
  const p = request<T>(url);
  cache.set(url, p);
  p.catch(() => cache.delete(url));
  return p;
}

export function sendJson<T>(method: 'POST' | 'DELETE' | 'PUT', url: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
  return request<T>(url, {
    method,
    headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
    body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
  });
}

export function clearCache(prefix = ''): void {
  for (const k of [...cache.keys()]) if (k.startsWith(prefix)) cache.delete(k);
}

export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  const s = u.toString();
  return s ? `?${s}` : '';
}

export interface Async<T> {
  data: T | undefined;
  error: ApiError | undefined;
  loading: boolean;
  retry: () => void;
}

/** Loads `url` (null: nothing to load) and re-loads when it changes. */
export function useApi<T>(url: string | null): Async<T> {
  const [state, setState] = useState<{ url: string | null; data?: T; error?: ApiError }>({ url: null });
  const [attempt, setAttempt] = useState(0);
  const live = useRef(0);
  useEffect(() => {
    if (!url) return;
    const me = ++live.current;
    getJson<T>(url, { fresh: attempt > 0 }).then(
      (data) => { if (me === live.current) setState({ url, data }); },
      (error: unknown) => {
        if (me === live.current) setState({ url, error: error instanceof ApiError ? error : new ApiError(0, 'network', '', '') });
      },
    );
  }, [url, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const current = state.url === url;
  return {
    data: current ? state.data : undefined,
    error: current ? state.error : undefined,
    loading: !!url && (!current || (state.data === undefined && state.error === undefined)),
    retry,
  };
}

// ---------------------------------------------------------------------------------------------
// Response shapes

export interface Ladder {
  unit: string;
  unit_en?: string;
  factor: number;
}

export interface Indicator {
  code: string;
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
  base_unit: string;
  decimals: number;
  nature: 'flow' | 'stock' | 'index';
  aggregation: 'sum' | 'weighted_index' | 'derived' | 'none';
  formula: string | null;
  ladder: Ladder[];
  disaggregations: string[];
  weights: Record<string, string> | null;
  definition_vi?: string | null;
  definition_en?: string | null;
  field?: string | null;
}

export interface UnitBrief {
  id: string;
  code: string | null;
  level: string;
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
  valid_from: string;
  valid_to: string | null;
  aliases: string[];
  unidentified: boolean;
}

export interface UnitWithHistory extends UnitBrief {
  predecessors: string[];
  successors: string[];
  regions: Array<{ region: string; valid_from: string; valid_to: string | null }>;
  meta?: Record<string, unknown>;
}

export interface RegionBrief extends UnitBrief {
  label_vi?: string;
  label_en?: string;
  members: number;
}

export interface RegionDetail extends UnitBrief {
  meta: Record<string, unknown>;
  date: string;
  members: UnitBrief[];
  history: Array<{ unit: string; valid_from: string; valid_to: string | null }>;
}

// Response shapes of the analytics API, taken from the server's own types (type-only: erased from the
// bundle), so the page and the API cannot drift apart.
import type { PublishedFigure, RegionalFigure as ServerRegionalFigure, UnitFigure } from '../analytics/regional.ts';
import type { FigureText } from '../analytics/describe.ts';
import type { SeriesPoint } from '../analytics/series.ts';

export type { PublishedFigure, UnitFigure, SeriesPoint };
export interface RegionalFigure extends ServerRegionalFigure {
  text: FigureText;
}

export interface Revision {
  version: number;
  value: number | null;
  status: string;
  growth_pct: number | null;
  pct_of_plan: number | null;
  qualifier: string | null;
  note: string | null;
  at: string;
  actor: string;
  kind: string;
  source_document: string | null;
  source_quote: string | null;
  change_note: string | null;
  current: boolean;
  period: string;
}

export interface Tile {
  code: string;
  row: number;
  col: number;
  unit: string;
  name_vi: string;
  name_en: string;
  short_vi: string;
  short_en: string;
}

export interface Archipelago {
  id: 'hoang-sa' | 'truong-sa';
  unit_code: string;
  unit: string | null;
  name_vi: string;
  name_en: string;
  row: number;
  col: number;
  lon: number;
  lat: number;
}

export interface TileGrid {
  geography: '63' | '34';
  date: string;
  label_vi: string;
  label_en: string;
  rows: number;
  cols: number;
  tiles: Tile[];
  archipelagos: Archipelago[];
  unplaced: string[];
  boundaries: { count: number; import_id: number | null; imported_at: string | null; source: string | null };
}

export interface BoundaryCollection {
  type: 'FeatureCollection';
  features: Array<{
    type: 'Feature';
    id: string;
    properties: { unit: string; code: string | null; name_vi: string; name_en: string; short_vi: string; short_en: string };
    geometry: { type: 'MultiPolygon'; coordinates: number[][][][] };
  }>;
}

export interface Dimension {
  code: string;
  name_vi: string;
  name_en: string;
  options: Array<{ code: string; name_vi: string; name_en: string }>;
}

export interface DocumentDetail {
  id: string;
  title: string | null;
  publisher: string | null;
  published_on: string | null;
  place: string | null;
  url: string | null;
  summary_vi: string | null;
  summary_en: string | null;
  kind: string;
  values: Array<{
    place: string; indicator: string; period: string; value: number | null; unit: string; status: string;
    growth_pct: number | null; pct_of_plan: number | null; qualifier: string | null; quote: string | null;
  }>;
}

export interface Me {
  actor: { username: string; displayName: string; role: string } | null;
  csrf_token: string | null;
}

/** Loads several URLs in parallel; each slot has its own state. */
export function useApiMany<T>(urls: string[]): Array<Async<T>> {
  const key = urls.join('\n');
  const [state, setState] = useState<{ key: string; slots: Array<{ data?: T; error?: ApiError }> }>({ key: '', slots: [] });
  const [attempt, setAttempt] = useState(0);
  const live = useRef(0);
  useEffect(() => {
    const me = ++live.current;
    const slots: Array<{ data?: T; error?: ApiError }> = urls.map(() => ({}));
    setState({ key, slots: [...slots] });
    urls.forEach((url, i) => {
      getJson<T>(url, { fresh: attempt > 0 }).then(
        (data) => { slots[i] = { data }; if (me === live.current) setState({ key, slots: [...slots] }); },
        (error: unknown) => {
          slots[i] = { error: error instanceof ApiError ? error : new ApiError(0, 'network', '', '') };
          if (me === live.current) setState({ key, slots: [...slots] });
        },
      );
    });
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, attempt]);
  const retry = useCallback(() => setAttempt((a) => a + 1), []);
  const current = state.key === key;
  return urls.map((_, i) => {
    const s = current ? state.slots[i] ?? {} : {};
    return { data: s.data, error: s.error, loading: s.data === undefined && s.error === undefined, retry };
  });
}
