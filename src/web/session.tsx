// Who is signed in, for every page: the account from /api/me, its CSRF token sent with every write,
// sign-in and sign-out. Pages that need a role wrap themselves in <RequireRole>, which shows the
// sign-in form in place (the address stays, so a deep link still lands where it pointed).
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
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
  /** A write with the session's CSRF token; the GET cache is cleared so later reads are fresh. */
  send<T>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T>;
}

const SessionContext = createContext<Session | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [me, setMe] = useState<Me | undefined>(undefined);
  const [error, setError] = useState<ApiError | undefined>(undefined);
  const refresh = useCallback(async () => {
    try {
      setMe(await getJson<Me>('/api/me', { fresh: true }));
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
  }, [refresh]);
  const signOut = useCallback(async () => {
    await sendJson('POST', '/api/auth/sign-out', undefined, me?.csrf_token ? { 'x-csrf-token': me.csrf_token } : {});
    clearCache();
    await refresh();
  }, [me, refresh]);
  const send = useCallback(async <T,>(method: 'POST' | 'PUT' | 'PATCH' | 'DELETE', url: string, body?: unknown): Promise<T> => {
    const out = await sendJson<T>(method as 'POST', url, body, me?.csrf_token ? { 'x-csrf-token': me.csrf_token } : {});
    clearCache();
    return out;
  }, [me]);
  const value = useMemo<Session>(() => ({ me, actor: me?.actor ?? null, error, refresh, signIn, signOut, send }), [me, error, refresh, signIn, signOut, send]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
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
