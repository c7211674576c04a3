// /sign-in?next=…: the sign-in form; once signed in, back to where the user was going.
import { useLocation } from 'wouter';
import { useLang } from '../i18n.ts';
import { useQuery, useTitle, useTo } from '../nav.ts';
import { SignInForm } from '../components/SignIn.tsx';
import { useSession } from '../session.tsx';
import { lazy, Suspense } from 'react';
// The demo accounts (shown only when the server runs the demo) load on their own, off the first paint.
const DemoAccounts = lazy(() => import('./collection/DemoAccounts.tsx').then((m) => ({ default: m.DemoAccounts })));

export function SignInPage() {
  const { t } = useLang();
  useTitle(t.signInTitle);
  const next = useQuery().get('next');
  const to = useTo();
  const [, navigate] = useLocation();
  const { actor } = useSession();
  // Only paths of this site: an absolute or protocol-relative "next" would be an open redirect.
  const target = next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
  return (
    <div className="page narrow">
      <h1 className="page-title">{t.signInTitle}</h1>
      <p className="lead">{t.signInIntro}</p>
      {actor ? <p>{t.signedInAs(actor.displayName || actor.username)}</p> : <SignInForm onDone={() => navigate(to(target))} />}
      {!actor && <Suspense fallback={null}><DemoAccounts /></Suspense>}
    </div>
  );
}
