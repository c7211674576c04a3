// What the reports page has chosen, as the URL holds it (/reports/:type?region=&province=&period=&rlang=),
// the API addresses it makes, and the API's errors placed on the field they are about.
import { ApiError, qs } from '../../api.ts';
import { makePeriod, monthRange, parsePeriod, periodCode } from '../../../periods/period.ts';
import type { Lang } from '../../i18n.ts';
import type { Report } from '../../../reports/model.ts';

export type Field = 'region' | 'province' | 'period';
export type Format = 'html' | 'docx' | 'pdf' | 'xlsx' | 'json';

export interface ReportType {
  type: string;
  vi: string;
  en: string;
  /** which place the type is made for; "region?" means a region or every region */
  needs: 'region' | 'province' | 'region?';
  example: string;
}

export interface Choice {
  type: string;
  region: string;
  province: string;
  /** as written in the URL: a code once it could be read, the raw text otherwise (so the API can say why) */
  period: string;
  lang: Lang;
}

export const placeField = (needs: ReportType['needs'] | undefined): Field => (needs === 'province' ? 'province' : 'region');

/** A period written any way people write it, as its code ("9 tháng đầu năm 2024" → "9T/2024"). */
export function normalPeriod(s: string): string {
  const p = s ? parsePeriod(s) : null;
  return p ? periodCode(p) : s;
}

/** The month a monthly brief is made for when the choice was a longer period: its last month. */
export function asMonth(code: string): string {
  const p = parsePeriod(code);
  if (!p || p.kind === 'month') return code;
  return periodCode(makePeriod('month', p.year, monthRange(p).last));
}

/** The place the request still lacks (the form asks for it instead of calling the API), or null. */
export function missingPlace(c: Choice, needs: ReportType['needs'] | undefined): Field | null {
  if (needs === 'province' && !c.province) return 'province';
  if (needs === 'region' && !c.region) return 'region';
  return null;
}

export function reportUrl(c: Choice, needs: ReportType['needs'] | undefined, format: Format): string {
  const place = needs === 'province' ? { province: c.province } : { region: c.region };
  return `/api/reports/${encodeURIComponent(c.type)}${qs({ ...place, period: c.period, lang: c.lang, format })}`;
}

export interface ReportFailure {
  error: ApiError;
  /** the field the error is about; null when it is about the whole request (server, network) */
  field: Field | null;
  /** the period the server could not read, to say so in the user's language */
  unreadablePeriod: string | null;
}

/** Which field an error body is about: the report builders name it (`details.field`); request
 *  validation names the parameter (`details[].instancePath`). */
export function failureOf(status: number, body: any, c: Choice, needs: ReportType['needs'] | undefined): ReportFailure {
  const e = body?.error;
  const error = new ApiError(status, e?.code ?? `http_${status}`, e?.message ?? '', e?.messageEn ?? '');
  const named = typeof e?.details?.field === 'string' ? e.details.field
    : Array.isArray(e?.details) ? String(e.details[0]?.instancePath ?? '').replace(/^\//, '') : '';
  const field: Field | null = named === 'region' || named === 'province' || named === 'period' ? named
    : status === 404 ? placeField(needs) : null;
  const unreadablePeriod = field === 'period' && e?.code === 'invalid_request' && Array.isArray(e?.details) ? c.period : null;
  return { error, field, unreadablePeriod };
}

/** The report model (format=json), or the failure placed on its field. */
export async function fetchReport(url: string, c: Choice, needs: ReportType['needs'] | undefined, signal: AbortSignal): Promise<Report> {
  let res: Response;
  try {
    res = await fetch(url, { credentials: 'same-origin', signal, headers: { accept: 'application/json' } });
  } catch (e) {
    if (signal.aborted) throw e;
    throw { error: new ApiError(0, 'network', '', ''), field: null, unreadablePeriod: null } satisfies ReportFailure;
  }
  const text = await res.text();
  let body: any = null;
  try { body = JSON.parse(text); } catch { /* not JSON: a proxy's error page */ }
  if (res.ok && body) return body as Report;
  throw failureOf(res.status, body, c, needs);
}

/** Where a figure's input is read in the app: the regional figure's trace, a value's history, the
 *  source document; anything else stays the API's answer. */
export function webHref(apiHref: string, lang: Lang): string {
  const u = new URL(apiHref, 'http://x');
  const withLang = (path: string, params: URLSearchParams) => {
    if (lang === 'en') params.set('lang', 'en');
    const s = params.toString().replaceAll('%2F', '/');
    return s ? `${path}?${s}` : path;
  };
  let m = /^\/api\/analytics\/regions\/([^/]+)\/indicators\/([^/]+)$/.exec(u.pathname);
  if (m) return withLang(`/figure/${m[1]}/${m[2]}`, new URLSearchParams({ period: u.searchParams.get('period') ?? '' }));
  m = /^\/api\/documents\/([^/]+)$/.exec(u.pathname);
  if (m) return withLang(`/documents/${m[1]}`, new URLSearchParams());
  if (u.pathname === '/api/values/history') {
    const p = new URLSearchParams(u.searchParams);
    p.delete('lang');
    return withLang('/extraction/trace', p);
  }
  return apiHref;
}
