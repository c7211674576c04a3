// Who is signed in, for every page: the account from /api/me, its CSRF token sent with every write,
// sign-in and sign-out. Pages that need a role wrap themselves in <RequireRole>, which shows the
// sign-in form in place (the address stays, so a deep link still lands where it pointed).
// A write refused with 401 (the session ended while the page was open: idle timeout, the absolute
// limit, sign-out elsewhere, the account changed by an administrator) does not sign the page out —
// that would unmount what the person was typing. The account stays on screen and a dialog above the
// page asks them to sign in again (SessionEndedDialog); then they retry, nothing retyped.
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ApiError, clearCache, getJson, sendJson, type Me } from './api.ts';
import { useLang } from './i18n.ts';
import { Loading } from './components/States.tsx';
import { SignInForm } from './components/SignIn.tsx';

export type Role = 'admin' | 'analyst' | 'ministry_unit' | 'province_officer' | 'viewer';
export type Actor = NonNullable<Me['actor']>;

export interface Session {
  /** undefined while loading; actor null for the public. */
  me: Me | undefined;
  actor: Actor | null;
  error: ApiError | undefined;
  refresh(): Promise<void>;
  signIn(username: string, password: string): Promise<void>;
  signOut(): Promise<void>;
  /** A write with the session's CSRF token; the GET cache is cleared so later reads are fresh. A 401
   *  opens the dialog to sign in again (and is still thrown: nothing was done); a 403 for a stale CSRF
   *  token (the person signed in again in another tab) is retried once with the current one. */
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T>;
  /** True from a write refused with 401 until the person signs in again or closes the dialog. */
  ended: boolean;
  /** Marks the session as ended (a write outside `send` that got 401: file uploads). */
  markEnded(): void;
}

/** The server's answer when nobody is signed in (access/guards.ts). */
export const isSessionEnded = (e: unknown): boolean => e instanceof ApiError && e.status === 401 && e.code === 'unauthenticated';

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const [ended, setEnded] = useState(false);
  // The CSRF token of the latest /api/me, for a write begun before a re-render (a retry right after
  // signing in again).
  const csrf = useRef<string | null>(null);
  const refresh = useCallback(async () => {
    try {
      const m = await getJson<Me>('/api/me', { fresh: true });
      csrf.current = m.csrf_token;
      setMe(m);
      setError(undefined);
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'network', '', ''));
    }
  }, []);
  useEffect(() => { void refresh(); }, [refresh]);
  const signIn = useCallback(async (username: string, password: string) => {
    await sendJson('POST', '/api/auth/sign-in', { username, password });
    clearCache();
    await refresh();
    setEnded(false);
  }, [refresh]);
  const signOut = useCallback(async () => {
    await sendJson('POST', '/api/auth/sign-out', undefined, csrf.current ? { 'x-csrf-token': csrf.current } : {});
    clearCache();
    // Signing out on purpose ends the work in this tab: the unsaved edits kept for it (the entry grid's,
    // pages/collection/draftStore.ts — the only use of sessionStorage) go too (ASVS 8.2.3).
    try { sessionStorage.clear(); } catch { /* unavailable */ }
    setEnded(false);
    await refresh();
  }, [refresh]);
  const send = useCallback(async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> => {
    const once = () => sendJson<T>(method as 'POST', url, body, csrf.current ? { 'x-csrf-token': csrf.current } : {});
    try {
      let out: T;
      try {
        out = await once();
      } catch (e) {
        if (!(e instanceof ApiError && e.status === 403 && e.code === 'csrf')) throw e;
        // Signed in again in another tab: this tab's token is the old session's. Ask again, retry once.
        const m = await getJson<Me>('/api/me', { fresh: true });
        csrf.current = m.csrf_token;
        setMe(m);
        out = await once();
      }
      clearCache();
      return out;
    } catch (e) {
      if (isSessionEnded(e)) setEnded(true);
      throw e;
    }
  }, []);
  const markEnded = useCallback(() => setEnded(true), []);
  const value = useMemo<Session>(() => ({ me, actor: me?.actor ?? null, error, refresh, signIn, signOut, send, ended, markEnded }),
    [me, error, refresh, signIn, signOut, send, ended, markEnded]);
  return (
    <SessionContext.Provider value={value}>
      {children}
      {ended && me?.actor && <SessionEndedDialog onClose={() => setEnded(false)} />}
    </SessionContext.Provider>
  );
}

/** Signing in again over the page, which stays as it was underneath (nothing typed is lost). Closing
 *  it leaves the page as it is; the next write that is refused opens it again. */
function SessionEndedDialog({ onClose }: { onClose: () => void }) {
  const { t } = useLang();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal?.();
    return () => { if (d?.open) d.close(); };
  }, []);
  return (
    <dialog ref={ref} className="session-ended" aria-labelledby="session-ended-title" data-testid="session-ended"
      onCancel={(e) => { e.preventDefault(); onClose(); }}>
      <h2 id="session-ended-title" className="panel-title">{t.sessionEndedTitle}</h2>
      <SignInForm message={t.sessionEndedBody} />
      <p><button type="button" className="btn" onClick={onClose}>{t.sessionEndedLater}</button></p>
    </dialog>
  );
}

export function useSession(): Session {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** Shows `children` to an account with one of `roles` (any signed-in account when omitted); otherwise
 *  the sign-in form, or a note that this account's role cannot use the page. */
export function RequireRole({ roles, children }: { roles?: Role[]; children: ReactNode }) {
  const { t } = useLang();
  const { me, actor } = useSession();
  if (!me) return <Loading lines={3} />;
  if (!actor) return <SignInForm message={t.needSignIn} />;
  if (roles && !roles.includes(actor.role as Role)) {
    return <div className="panel" role="note"><p>{t.roleCannotUse}</p></div>;
  }
  return <>{children}</>;
}
