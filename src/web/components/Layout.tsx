// The frame of every page: skip link, header with the navigation and the language switch, footer.
import type { ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import { useLang } from '../i18n.ts';
import { useTo } from '../nav.ts';
import { useSession } from '../session.tsx';

export function Layout({ children }: { children: ReactNode }) {
  const { t, lang, setLang } = useLang();
  const [location] = useLocation();
  const to = useTo();
  const { actor, signOut } = useSession();
  const items: Array<[string, string, (p: string) => boolean]> = [
    ['/', t.navDashboard, (p) => p === '/' || p.startsWith('/region') || p.startsWith('/figure')],
    ['/pivot', t.navPivot, (p) => p.startsWith('/pivot')],
    ['/catalogue/units', t.navCatalogue, (p) => p.startsWith('/catalogue')],
    ['/conferences', t.navConferences, (p) => p.startsWith('/conferences') || p.startsWith('/follow-up')],
    ['/reports', t.navReports, (p) => p.startsWith('/reports')],
    ['/collection', t.navCollection, (p) => p.startsWith('/collection')],
    ['/extraction', t.navExtraction, (p) => p.startsWith('/extraction')],
  ];
  return (
    <>
      <a className="skip" href="#main">{t.skipToContent}</a>
      <header className="site-header">
        <div className="header-inner">
          <Link href={to('/')} className="brand" aria-label={`${t.appName} — ${t.navDashboard}`}>
            <svg aria-hidden="true" width="28" height="28" viewBox="0 0 16 16"><rect width="16" height="16" rx="3" fill="#fff" /><path d="M4 12V8m4 4V4m4 8V7" stroke="#0b3a66" strokeWidth="2" /></svg>
            <span>
              <span className="brand-name">{t.appName}</span>
              <span className="brand-tagline">{t.appTagline}</span>
            </span>
          </Link>
          <nav aria-label={t.mainNav} className="main-nav">
            <ul>
              {items.map(([href, label, active]) => (
                <li key={href}>
                  <Link href={to(href)} aria-current={active(location) ? 'page' : undefined}>{label}</Link>
                </li>
              ))}
              <li><a href="/docs">{t.navApi}</a></li>
            </ul>
          </nav>
          <div className="account-box" aria-label={t.account}>
            {actor ? (
              <>
                <span className="account-name" title={t.signedInAs(actor.displayName || actor.username)}>{actor.displayName || actor.username}</span>
                <button type="button" className="btn link" onClick={() => void signOut()}>{t.signOut}</button>
              </>
            ) : (
              <Link href={to('/sign-in', { next: location === '/sign-in' ? undefined : location })} className="btn link">{t.signIn}</Link>
            )}
          </div>
          <button
            type="button"
            className="lang-switch"
            lang={lang === 'vi' ? 'en' : 'vi'}
            aria-label={t.switchToLabel}
            onClick={() => setLang(lang === 'vi' ? 'en' : 'vi')}
          >
            <span aria-hidden="true" className="lang-current">{lang === 'vi' ? 'VI' : 'EN'}</span> {t.switchTo}
          </button>
        </div>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
      <footer className="site-footer">
        <p>{t.footer}</p>
        <p><Link href={to('/admin/map')}>{t.navMapAdmin}</Link> · <a href="/openapi.json">OpenAPI</a></p>
      </footer>
    </>
  );
}
