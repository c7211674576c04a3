// Deep links: the URL holds what is on screen (region, indicator, period, the pivot's selection) and the
// language when it is English, so a link opens the same view for whoever follows it.
import { useCallback, useEffect } from 'react';
import { useLocation, useSearch } from 'wouter';
import { useLang, type Lang } from './i18n.ts';

export type Params = Record<string, string | number | null | undefined>;

export function buildHref(path: string, params: Params, lang: Lang): string {
  const u = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) if (v !== undefined && v !== null && v !== '') u.set(k, String(v));
  if (lang === 'en') u.set('lang', 'en');
  const s = u.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
  return s ? `${path}?${s}` : path;
}

/** Makes links that keep the language. */
export function useTo(): (path: string, params?: Params) => string {
  const { lang } = useLang();
  return useCallback((path: string, params: Params = {}) => buildHref(path, params, lang), [lang]);
}

export function useQuery(): URLSearchParams {
  return new URLSearchParams(useSearch());
}

/** Replaces some query parameters of the current page (history entry replaced unless `push`). */
export function useSetQuery(): (patch: Params, opts?: { push?: boolean }) => void {
  const [location, navigate] = useLocation();
  const search = useSearch();
  return useCallback((patch: Params, opts: { push?: boolean } = {}) => {
    const u = new URLSearchParams(search);
    for (const [k, v] of Object.entries(patch)) {
      if (v === undefined || v === null || v === '') u.delete(k);
      else u.set(k, String(v));
    }
    const s = u.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
    navigate(s ? `${location}?${s}` : location, { replace: !opts.push });
  }, [location, navigate, search]);
}

/** The document title: "<page> · Công Thương Vùng". */
export function useTitle(title: string | null | undefined): void {
  useEffect(() => {
    if (title) document.title = `${title} · Công Thương Vùng`;
  }, [title]);
}
