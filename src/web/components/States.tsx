// Loading, empty and error states: every panel says what is happening and, when something failed,
// what to do next.
import type { ReactNode } from 'react';
import type { ApiError } from '../api.ts';
import { useLang } from '../i18n.ts';

export function Loading({ label, lines = 3 }: { label?: string; lines?: number }) {
  const { t } = useLang();
  return (
    <div className="loading" role="status" aria-live="polite" aria-busy="true">
      <span className="sr-only">{label ?? t.loading}</span>
      {Array.from({ length: lines }, (_, i) => <div key={i} className="skeleton" style={{ width: `${90 - i * 18}%` }} />)}
    </div>
  );
}

export function Empty({ title, children }: { title?: string; children?: ReactNode }) {
  const { t } = useLang();
  return (
    <div className="empty" role="status">
      <p className="empty-title">{title ?? t.noDataTitle}</p>
      {children}
    </div>
  );
}

export function errorText(e: ApiError, lang: 'vi' | 'en', t: ReturnType<typeof useLang>['t']): string {
  if (e.status === 0) return t.errorNetwork;
  const own = lang === 'vi' ? e.messageVi || e.messageEn : e.messageEn || e.messageVi;
  if (e.status >= 500) return own ? `${own} ${t.errorServer}` : t.errorServer;
  return own ? `${own} ${t.errorHint}` : t.errorHint;
}

export function ErrorBox({ error, retry, title }: { error: ApiError; retry?: () => void; title?: string }) {
  const { t, lang } = useLang();
  return (
    <div className="error" role="alert">
      <p className="error-title">{title ?? t.errorTitle}</p>
      <p>{errorText(error, lang, t)}</p>
      {retry && <button type="button" className="btn" onClick={retry}>{t.retry}</button>}
    </div>
  );
}
