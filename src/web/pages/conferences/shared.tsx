// Pieces every conference and follow-up page uses: who is signed in (with the province or ministry
// unit the account speaks for), the follow-up vocabulary, the section tabs, status chips, "nguồn"
// links to the published source, and lists read page by page.
import { useCallback, useEffect, useRef, useState } from 'react';
import { Link, useLocation } from 'wouter';
import { ApiError, getJson, useApi } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useTo } from '../../nav.ts';
import { useSession, type Actor } from '../../session.tsx';
import { DICT } from './i18n.ts';
import type { Vocabulary } from './types.ts';

/** /api/me's actor carries the account's province or ministry unit too. */
export type FullActor = Actor & { provinceSlug?: string | null; ministryUnitSlug?: string | null };

export function useActor(): FullActor | null {
  return useSession().actor as FullActor | null;
}

export function useVocabulary(): Vocabulary | undefined {
  return useApi<Vocabulary>('/api/follow-up/vocabulary').data;
}

/** The Agency's side (records, triages, assigns, closes): the same rule as the server's roles.ts. */
export function isCoordinator(a: FullActor | null, v: Vocabulary | undefined): boolean {
  if (!a) return false;
  if (a.role === 'admin' || a.role === 'analyst') return true;
  return a.role === 'ministry_unit' && !!a.ministryUnitSlug && !!v?.coordinating_units.includes(a.ministryUnitSlug);
}

export function FollowUpTabs() {
  const t = useDict(DICT);
  const to = useTo();
  const [location] = useLocation();
  const actor = useActor();
  const tabs: Array<[string, string]> = [
    ['/conferences', t.tabConferences],
    ['/follow-up/board', t.tabBoard],
    ['/follow-up/recommendations', t.tabRecommendations],
    ...(actor?.role === 'ministry_unit' ? [['/follow-up/inbox', t.tabInbox] as [string, string]] : []),
    ['/follow-up/difficulties', t.tabDifficulties],
  ];
  const current = (href: string) => location === href || location.startsWith(href + '/') || (href === '/follow-up/board' && location === '/follow-up');
  return (
    <nav className="tabs" aria-label={t.sectionNav}>
      {tabs.map(([href, label]) => <Link key={href} href={to(href)} aria-current={current(href) ? 'page' : undefined}>{label}</Link>)}
    </nav>
  );
}

const TONE: Record<string, string> = {
  submitted: 'warn', assigned: 'info', answered: 'ok', closed: 'done', withdrawn: 'muted',
  answered_on_time: 'ok', answered_late: 'warn', overdue: 'bad', due_soon: 'warn', pending: 'info',
  done: 'done', on_track: 'ok', late: 'bad', no_report: 'muted', held: 'done', planned: 'info', cancelled: 'muted',
};

export function Chip({ code, label }: { code: string; label: string }) {
  return <span className={`cf-chip ${TONE[code] ?? 'info'}`} data-status={code}>{label}</span>;
}

/** "nguồn": the published article the fact was read from, with the sentence as its title. */
export function SourceLink({ source }: { source: { document?: string | null; quote?: string | null } | null | undefined }) {
  const t = useDict(DICT);
  const to = useTo();
  if (!source?.document) return null;
  return <Link className="cf-source" href={to(`/documents/${source.document}`)} title={source.quote ?? undefined}>{t.source}</Link>;
}

export function useLabel(): (l: { vi: string; en: string } | undefined, fallback?: string) => string {
  const { lang } = useLang();
  return useCallback((l, fallback = '') => (l ? l[lang] : fallback), [lang]);
}

interface Paged<T> {
  items: T[];
  total: number | undefined;
  error: ApiError | undefined;
  loading: boolean;
  more: (() => void) | null;
  retry: () => void;
}

/** A list read page by page ("Xem thêm"): `url` without paging parameters, `key` the items' field. */
export function usePaged<T, R extends { total: number; next_cursor: string | null }>(url: string | null, pick: (r: R) => T[], limit = 50): Paged<T> {
  const [state, setState] = useState<{ url: string | null; items: T[]; total?: number; cursor: string | null; error?: ApiError; loading: boolean }>({ url: null, items: [], cursor: null, loading: false });
  const [attempt, setAttempt] = useState(0);
  const live = useRef(0);
  const load = useCallback((u: string, cursor: string | null, append: boolean) => {
    const me = ++live.current;
    setState((s) => ({ ...s, url: u, loading: true, error: undefined, ...(append ? {} : { items: [], total: undefined }) }));
    const sep = u.includes('?') ? '&' : '?';
    getJson<R>(`${u}${sep}limit=${limit}${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, { fresh: true }).then(
      (r) => { if (me === live.current) setState((s) => ({ url: u, items: append ? [...s.items, ...pick(r)] : pick(r), total: r.total, cursor: r.next_cursor, loading: false })); },
      (e: unknown) => { if (me === live.current) setState((s) => ({ ...s, loading: false, error: e instanceof ApiError ? e : new ApiError(0, 'network', '', '') })); },
    );
  // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [limit]);
  useEffect(() => { if (url) load(url, null, false); }, [url, attempt, load]);
  return {
    items: state.items, total: state.total, error: state.error, loading: state.loading || (!!url && state.url !== url),
    more: state.cursor && url ? () => load(url, state.cursor, true) : null,
    retry: () => setAttempt((a) => a + 1),
  };
}
