// Routes and the language: Vietnamese by default, English on demand, kept in the URL (?lang=en) and
// remembered by the browser. Heavy pages (pivot explorer, catalogue, map administration) load on demand.
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { Link, Route, Switch, useLocation, useSearch } from 'wouter';
import { DICTS, LangContext, useLang as useLangContext, type Lang } from './i18n.ts';
import { Layout } from './components/Layout.tsx';
import { Loading } from './components/States.tsx';
import { Dashboard, StartRedirect } from './pages/Dashboard.tsx';
import { useTitle, useTo } from './nav.ts';
import { LANG_KEY } from './prefetch.ts';
import { SessionProvider } from './session.tsx';
import { SignInPage } from './pages/SignInPage.tsx';

const Explorer = lazy(() => import('./pages/Explorer.tsx'));
const AdminMap = lazy(() => import('./pages/AdminMap.tsx'));
const catalogue = () => import('./pages/Catalogue.tsx');
const UnitsPage = lazy(() => catalogue().then((m) => ({ default: m.UnitsPage })));
const UnitPage = lazy(() => catalogue().then((m) => ({ default: m.UnitPage })));
const RegionsPage = lazy(() => catalogue().then((m) => ({ default: m.RegionsPage })));
const RegionPage = lazy(() => catalogue().then((m) => ({ default: m.RegionPage })));
const IndicatorsPage = lazy(() => catalogue().then((m) => ({ default: m.IndicatorsPage })));
const IndicatorPage = lazy(() => catalogue().then((m) => ({ default: m.IndicatorPage })));
const trace = () => import('./pages/FigureTrace.tsx');
const FigureTrace = lazy(() => trace().then((m) => ({ default: m.FigureTrace })));
const DocumentPage = lazy(() => trace().then((m) => ({ default: m.DocumentPage })));
// One folder per capability under pages/: each owns its routes below its prefix.
const CollectionRoutes = lazy(() => import('./pages/collection/index.tsx'));
const ConferenceRoutes = lazy(() => import('./pages/conferences/index.tsx'));
const ReportRoutes = lazy(() => import('./pages/reports/index.tsx'));
const ExtractionRoutes = lazy(() => import('./pages/extraction/index.tsx'));

const STORE_KEY = LANG_KEY;

function initialLang(search: string): Lang {
  const fromUrl = new URLSearchParams(search).get('lang');
  if (fromUrl === 'en' || fromUrl === 'vi') return fromUrl;
  try {
    const saved = localStorage.getItem(STORE_KEY);
    if (saved === 'en' || saved === 'vi') return saved;
  } catch { /* storage unavailable */ }
  return 'vi';
}

function NotFound() {
  const { t } = useLangContext();
  useTitle(t.notFoundTitle);
  const to = useTo();
  return (
    <div className="page">
      <h1 className="page-title">{t.notFoundTitle}</h1>
      <p>{t.notFoundBody}</p>
      <p><Link href={to('/')}>{t.backToDashboard}</Link></p>
    </div>
  );
}


export function App() {
  const search = useSearch();
  const [location, navigate] = useLocation();
  const [lang, setLangState] = useState<Lang>(() => initialLang(search));
  // The URL wins when it names a language (a shared link, the back button).
  useEffect(() => {
    const fromUrl = new URLSearchParams(search).get('lang');
    if ((fromUrl === 'en' || fromUrl === 'vi') && fromUrl !== lang) setLangState(fromUrl);
  }, [search]);
  useEffect(() => {
    document.documentElement.lang = lang;
    try { localStorage.setItem(STORE_KEY, lang); } catch { /* storage unavailable */ }
  }, [lang]);
  // Keep ?lang=en in the address while English is on, so deep links carry it.
  useEffect(() => {
    const u = new URLSearchParams(search);
    const has = u.get('lang');
    if (lang === 'en' && has !== 'en') u.set('lang', 'en');
    else if (lang === 'vi' && has) u.delete('lang');
    else return;
    const s = u.toString().replaceAll('%2F', '/').replaceAll('%2C', ',');
    navigate(s ? `${location}?${s}` : location, { replace: true });
  }, [lang, location, search]);
  const setLang = useCallback((l: Lang) => setLangState(l), []);
  const value = useMemo(() => ({ lang, t: DICTS[lang], setLang }), [lang, setLang]);
  return (
    <LangContext.Provider value={value}>
      <SessionProvider>
      <Layout>
        <Suspense fallback={<div className="page"><Loading lines={6} /></div>}>
          <Switch>
            <Route path="/"><StartRedirect /></Route>
            <Route path="/region/:region">{(p) => <Dashboard key={p.region} region={p.region} />}</Route>
            <Route path="/figure/:region/:indicator">{(p) => <FigureTrace region={p.region} indicator={p.indicator} />}</Route>
            <Route path="/documents/:id">{(p) => <DocumentPage id={p.id} />}</Route>
            <Route path="/pivot"><Explorer /></Route>
            <Route path="/catalogue"><UnitsPage /></Route>
            <Route path="/catalogue/units"><UnitsPage /></Route>
            <Route path="/catalogue/units/:id">{(p) => <UnitPage id={p.id} />}</Route>
            <Route path="/catalogue/regions"><RegionsPage /></Route>
            <Route path="/catalogue/regions/:id">{(p) => <RegionPage id={p.id} />}</Route>
            <Route path="/catalogue/indicators"><IndicatorsPage /></Route>
            <Route path="/catalogue/indicators/:code">{(p) => <IndicatorPage code={p.code} />}</Route>
            <Route path="/admin/map"><AdminMap /></Route>
            <Route path="/sign-in"><SignInPage /></Route>
            <Route path="/collection"><CollectionRoutes /></Route>
            <Route path="/collection/*"><CollectionRoutes /></Route>
            <Route path="/admin/accounts"><CollectionRoutes /></Route>
            <Route path="/admin/audit"><CollectionRoutes /></Route>
            <Route path="/conferences"><ConferenceRoutes /></Route>
            <Route path="/conferences/*"><ConferenceRoutes /></Route>
            <Route path="/follow-up"><ConferenceRoutes /></Route>
            <Route path="/follow-up/*"><ConferenceRoutes /></Route>
            <Route path="/reports"><ReportRoutes /></Route>
            <Route path="/reports/*"><ReportRoutes /></Route>
            <Route path="/extraction"><ExtractionRoutes /></Route>
            <Route path="/extraction/*"><ExtractionRoutes /></Route>
            <Route><NotFound /></Route>
          </Switch>
        </Suspense>
      </Layout>
      </SessionProvider>
    </LangContext.Provider>
  );
}
