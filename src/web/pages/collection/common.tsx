// What every collection page shares: its dictionary, the tabs (by role), the status badge, the
// selection of data set, year, period and region kept in the URL, and reading numbers typed the
// Vietnamese way ("1.234,5") or the English way ("1,234.5").
import { useEffect, useId, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, useApi } from '../../api.ts';
import { formatNumber } from '../../fmt.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useQuery, useSetQuery, useTo } from '../../nav.ts';
import { RequireRole, useSession, type Role } from '../../session.tsx';
import { DICT, type CollectionDict } from './i18n.ts';
import type { BoardStatus, Dataset } from './types.ts';
import { DemoAccounts } from './DemoAccounts.tsx';

export const useT = (): CollectionDict => useDict(DICT);

export const REVIEWERS: Role[] = ['admin', 'analyst', 'ministry_unit'];
export const MINISTRY: Role[] = ['admin', 'analyst'];

/** The province of a signed-in province officer (/api/me returns the whole actor). */
export const provinceOf = (actor: unknown): string | null => (actor as { provinceSlug?: string | null } | null)?.provinceSlug ?? null;

/** Today in Vietnam (UTC+7): deadlines are Vietnamese calendar days. */
export const vnToday = () => new Date(Date.now() + 7 * 3600_000).toISOString().slice(0, 10);

export function CollectionTabs() {
  const t = useT();
  const to = useTo();
  const [location] = useLocation();
  const { actor } = useSession();
  const role = actor?.role as Role | undefined;
  const tabs: Array<[string, string, boolean]> = [
    ['/collection', t.tabStatus, true],
    ['/collection/entry', t.tabEntry, role === 'province_officer'],
    ['/collection/review', t.tabReview, !!role && REVIEWERS.includes(role)],
    ['/collection/completeness', t.tabCompleteness, true],
    ['/collection/calendar', t.tabCalendar, true],
    ['/admin/accounts', t.tabAccounts, role === 'admin'],
    ['/admin/audit', t.tabAudit, role === 'admin'],
  ];
  const current = (href: string) => (href === '/collection' ? location === '/collection' || location === '/collection/status' : location.startsWith(href));
  return (
    <nav className="tabs" aria-label={t.collectionTitle}>
      {tabs.filter(([, , shown]) => shown).map(([href, label]) => (
        <Link key={href} href={to(href)} aria-current={current(href) ? 'page' : undefined}>{label}</Link>
      ))}
    </nav>
  );
}

/** A page of this capability: title, tabs, and the content once someone with the role is signed in
 *  (the sign-in form in place otherwise, with the demo accounts when the server runs the demo). */
export function CollectionPage({ title, roles, children, wide }: { title: string; roles?: Role[]; children: ReactNode; wide?: boolean }) {
  const { actor, me } = useSession();
  return (
    <div className={`page collection${wide ? ' wide' : ''}`}>
      <h1 className="page-title">{title}</h1>
      {actor && <CollectionTabs />}
      <RequireRole roles={roles}>{children}</RequireRole>
      {me && !actor && <DemoAccounts />}
    </div>
  );
}

export function StatusBadge({ status, daysLate }: { status: BoardStatus | string; daysLate?: number }) {
  const t = useT();
  const label = t.status[status as keyof CollectionDict['status']] ?? status;
  return (
    <span className={`ct-status ct-status-${status}`} data-status={status}>
      {label}{daysLate ? ` · ${t.daysLate(daysLate)}` : ''}
    </span>
  );
}

/**
 * A province's name in the page's language, from its id (slug). Some collection answers carry only the
 * Vietnamese name (the review queue's province_name_vi, the completeness report's late and missing
 * lists, the review's peers): in English the name comes from the catalogue (every province, the 63
 * before July 2025 included), the Vietnamese one standing in until it has loaded.
 */
export function useProvinceName(): (id: string, nameVi: string) => string {
  const { lang } = useLang();
  const units = useApi<{ units: Array<{ id: string; name_en: string }> }>(lang === 'en' ? '/api/units?all=true' : null);
  if (lang === 'vi') return (_id, nameVi) => nameVi;
  const en = new Map((units.data?.units ?? []).map((u) => [u.id, u.name_en]));
  return (id, nameVi) => en.get(id) ?? nameVi;
}

/** The server's message in the chosen language. */
export function serverText(x: { message?: string; messageEn?: string; messageVi?: string } | ApiError, lang: 'vi' | 'en'): string {
  const vi = x instanceof ApiError ? x.messageVi : x.message ?? x.messageVi ?? '';
  const en = x instanceof ApiError ? x.messageEn : x.messageEn ?? '';
  return lang === 'vi' ? vi || en : en || vi;
}

/** A number as typed: "1.234,5" or "1234.5" (vi), "1,234.5" (en); null when empty, NaN when unreadable. */
export function parseTyped(text: string, lang: 'vi' | 'en'): number | null {
  const s = text.replace(/[\s\u00a0]/g, '');
  if (!s) return null;
  let n: string;
  if (lang === 'vi') {
    // "1.234" and "1.234.567" are thousands; any other dot is a decimal point typed the English way.
    n = s.includes(',') ? s.replace(/\./g, '').replace(',', '.') : /^-?\d{1,3}(\.\d{3})+$/.test(s) ? s.replace(/\./g, '') : s;
  } else {
    n = s.replace(/,/g, '');
  }
  return /^-?(\d+\.?\d*|\.\d+)$/.test(n) ? Number(n) : NaN;
}

/** A stored number as it is shown in a cell to edit: the language's separators, every decimal kept
 *  (parseTyped reads it back to the same number). */
export function typedText(v: number | null | undefined, lang: 'vi' | 'en'): string {
  if (v === null || v === undefined) return '';
  return formatNumber(v, lang, { decimals: 6 });
}

export interface Selection {
  dataset: string;
  year: number;
  period: string;
  region: string;
}

interface CalendarAnswer {
  periods: Array<{ period: string; name_vi: string; name_en: string; window_from: string; window_to: string; deadline: string; overridden: boolean; note: string | null }>;
}

/**
 * The data set, year and period the page shows, from the URL; missing parts default to the first data
 * set and the period whose deadline comes next (what the provinces are working on now).
 */
export function useSelection(): { sel: Selection | null; datasets: Dataset[]; calendar: CalendarAnswer | undefined; error?: ApiError; retry: () => void } {
  const q = useQuery();
  const setQuery = useSetQuery();
  const ds = useApi<{ datasets: Dataset[] }>('/api/collection/datasets');
  const datasets = ds.data?.datasets ?? [];
  const dataset = q.get('dataset') ?? datasets[0]?.code ?? '';
  const fromPeriod = /(\d{4})$/.exec(q.get('period') ?? '')?.[1];
  const year = Number(q.get('year') ?? fromPeriod ?? vnToday().slice(0, 4));
  const cal = useApi<CalendarAnswer>(dataset ? `/api/collection/datasets/${encodeURIComponent(dataset)}/calendar?year=${year}` : null);
  const periods = cal.data?.periods ?? [];
  const today = vnToday();
  const fallback = (periods.find((p) => p.deadline >= today) ?? periods[periods.length - 1])?.period ?? '';
  const period = q.get('period') ?? fallback;
  useEffect(() => {
    if (!q.get('period') && fallback) setQuery({ dataset, period: fallback });
  }, [fallback]);
  return {
    sel: dataset && period ? { dataset, year, period, region: q.get('region') ?? '' } : null,
    datasets, calendar: cal.data, error: ds.error ?? cal.error, retry: () => { ds.retry(); cal.retry(); },
  };
}

/** Data set, year, period (and region) pickers, written into the URL. */
export function SelectionBar({ sel, datasets, calendar, regions }: {
  sel: Selection; datasets: Dataset[]; calendar: CalendarAnswer | undefined; regions?: Array<{ id: string; name_vi: string; name_en: string }>;
}) {
  const t = useT();
  const { lang } = useLang();
  const setQuery = useSetQuery();
  const ids = { ds: useId(), y: useId(), p: useId(), r: useId() };
  const thisYear = Number(vnToday().slice(0, 4));
  const years = Array.from({ length: 6 }, (_, i) => thisYear + 1 - i);
  return (
    <div className="selection-bar ct-selection" role="group" aria-label={t.selection}>
      <div className="field">
        <label htmlFor={ids.ds}>{t.dataset}</label>
        <select id={ids.ds} value={sel.dataset} onChange={(e) => setQuery({ dataset: e.target.value, period: null })}>
          {datasets.map((d) => <option key={d.code} value={d.code}>{lang === 'vi' ? d.name_vi : d.name_en}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.y}>{t.year}</label>
        <select id={ids.y} value={sel.year} onChange={(e) => setQuery({ year: e.target.value, period: null })}>
          {years.map((y) => <option key={y} value={y}>{y}</option>)}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.p}>{t.period}</label>
        <select id={ids.p} name="period" value={sel.period} onChange={(e) => setQuery({ period: e.target.value })}>
          {(calendar?.periods ?? []).map((p) => <option key={p.period} value={p.period}>{lang === 'vi' ? p.name_vi : p.name_en}</option>)}
        </select>
      </div>
      {regions && (
        <div className="field">
          <label htmlFor={ids.r}>{t.region}</label>
          <select id={ids.r} value={sel.region} onChange={(e) => setQuery({ region: e.target.value })}>
            <option value="">{t.allProvinces}</option>
            {regions.map((r) => <option key={r.id} value={r.id}>{lang === 'vi' ? r.name_vi : r.name_en}</option>)}
          </select>
        </div>
      )}
    </div>
  );
}

/** A notice after an action: what happened, in a live region so screen readers hear it. */
export function Notice({ kind, children }: { kind: 'ok' | 'error' | 'warn'; children: ReactNode }) {
  return <div className={`ct-notice ct-notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</div>;
}
