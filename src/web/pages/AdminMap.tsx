// Map administration: an administrator imports a boundary file (GeoJSON or TopoJSON) per geography,
// sees what matched and what did not, and the map switches from tiles to real boundaries.
import { lazy, Suspense, useId, useState, type FormEvent } from 'react';
import { ApiError, clearCache, getJson, sendJson, useApi, type Indicator, type TileGrid } from '../api.ts';
import { dateTimeLabel } from '../fmt.ts';
import { useLang } from '../i18n.ts';
import { ErrorBox, Loading } from '../components/States.tsx';
import { useTitle } from '../nav.ts';
import { SignInForm } from '../components/SignIn.tsx';

const MapPanel = lazy(() => import('../components/MapPanel.tsx'));

interface Report {
  geography: string;
  saved: boolean;
  features: number;
  by: string;
  codeProperty: string | null;
  nameProperty: string | null;
  matched: Array<{ feature: number; label: string; unit: string; name_vi: string; by: string; approximate: boolean }>;
  unmatched: Array<{ feature: number; label: string; reason: string; candidates: string[] }>;
  missingUnits: Array<{ unit: string; name_vi: string; name_en: string }>;
  merged: Array<{ unit: string; features: number[] }>;
  archipelagos: Array<{ id: string; unit: string | null; inFile: boolean }>;
}

const MAX = 20 * 1024 * 1024;

export default function AdminMap() {
  const { t, lang } = useLang();
  useTitle(t.adminMapTitle);
  const me = useApi<import('../api.ts').Me>('/api/me');
  const [geo, setGeo] = useState<'63' | '34'>('34');
  const grid = useApi<TileGrid>(`/api/geo/${geo}`);
  const [file, setFile] = useState<File | null>(null);
  const [by, setBy] = useState('auto');
  const [property, setProperty] = useState('');
  const [busy, setBusy] = useState(false);
  const [report, setReport] = useState<Report | null>(null);
  const [error, setError] = useState<ApiError | string | null>(null);
  const [version, setVersion] = useState(0);
  const ids = { geo: useId(), file: useId(), by: useId(), prop: useId() };
  const actor = me.data?.actor ?? null;
  const admin = actor?.role === 'admin';

  const send = async (dryRun: boolean) => {
    setError(null);
    setReport(null);
    if (!file) return setError(t.chooseFile);
    if (file.size > MAX) return setError(t.fileTooLarge);
    let text: string;
    try {
      text = await file.text();
      JSON.parse(text);
    } catch {
      return setError(t.fileUnreadable);
    }
    setBusy(true);
    try {
      const csrf = (await getJson<import('../api.ts').Me>('/api/me', { fresh: true })).csrf_token ?? '';
      const q = new URLSearchParams({ by, dry_run: String(dryRun), source: file.name });
      if (property.trim()) q.set('property', property.trim());
      const r = await sendJson<Report>('POST', `/api/geo/${geo}/boundaries?${q}`, text, { 'x-csrf-token': csrf });
      setReport(r);
      if (r.saved) {
        clearCache(`/api/geo/${geo}`);
        grid.retry();
        setVersion((v) => v + 1);
      }
    } catch (e) {
      setError(e instanceof ApiError ? e : String(e));
    } finally {
      setBusy(false);
    }
  };

  const remove = async () => {
    if (!window.confirm(t.confirmDelete)) return;
    setError(null);
    try {
      const csrf = (await getJson<import('../api.ts').Me>('/api/me', { fresh: true })).csrf_token ?? '';
      await sendJson('DELETE', `/api/geo/${geo}/boundaries`, undefined, { 'x-csrf-token': csrf });
      clearCache(`/api/geo/${geo}`);
      grid.retry();
      setVersion((v) => v + 1);
    } catch (e) {
      setError(e instanceof ApiError ? e : String(e));
    }
  };

  const reasonText = (r: string) => ({
    no_key: t.reasonNoKey, no_unit: t.reasonNoUnit, ambiguous: t.reasonAmbiguous, conflict: t.reasonConflict,
    not_polygon: t.reasonNotPolygon, bad_coordinates: t.reasonBadCoordinates,
  } as Record<string, string>)[r] ?? r;

  return (
    <div className="page admin-map">
      <h1 className="page-title">{t.adminMapTitle}</h1>
      <p className="lead">{t.adminMapIntro}</p>
      {me.error ? <ErrorBox error={me.error} retry={me.retry} /> : !me.data ? <Loading lines={2} /> : !admin ? (
        <SignInForm message={actor ? t.adminNotAdmin : t.adminNeedSignIn} onDone={() => { clearCache('/api/me'); me.retry(); }} />
      ) : (
        <p className="muted">{t.signedInAs(actor!.displayName || actor!.username)}</p>
      )}
      <section className="panel">
        <div className="form-grid">
          <div className="field">
            <label htmlFor={ids.geo}>{t.geography}</label>
            <select id={ids.geo} value={geo} onChange={(e) => { setGeo(e.target.value as '63' | '34'); setReport(null); }}>
              <option value="63">{t.mapGeography63}</option>
              <option value="34">{t.mapGeography34}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.file}>{t.boundaryFile}</label>
            <input id={ids.file} type="file" accept=".json,.geojson,.topojson,application/json,application/geo+json" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
          </div>
          <div className="field">
            <label htmlFor={ids.by}>{t.matchBy}</label>
            <select id={ids.by} value={by} onChange={(e) => setBy(e.target.value)}>
              <option value="auto">{t.matchAuto}</option>
              <option value="code">{t.matchCode}</option>
              <option value="name">{t.matchName}</option>
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.prop}>{t.matchProperty}</label>
            <input id={ids.prop} type="text" value={property} onChange={(e) => setProperty(e.target.value)} />
          </div>
        </div>
        <div className="chips">
          <button type="button" className="btn" disabled={busy || !admin} onClick={() => send(true)}>{t.check}</button>
          <button type="button" className="btn primary" disabled={busy || !admin} onClick={() => send(false)}>{t.doImport}</button>
          {(grid.data?.boundaries.count ?? 0) > 0 && <button type="button" className="btn danger" disabled={busy || !admin} onClick={remove}>{t.deleteBoundaries}</button>}
        </div>
        {grid.data && (
          <p className="muted" data-testid="boundary-status">
            {grid.data.boundaries.count
              ? t.boundaryStatus(grid.data.boundaries.count, dateTimeLabel(grid.data.boundaries.imported_at, lang), grid.data.boundaries.source ?? '')
              : t.boundaryNone}
          </p>
        )}
        {busy && <Loading lines={2} />}
        {error && (typeof error === 'string' ? <div className="error" role="alert"><p>{error}</p></div> : <ErrorBox error={error} />)}
      </section>

      {report && (
        <section className="panel" aria-live="polite" data-testid="match-report">
          <h2 className="panel-title">{t.reportTitle}</h2>
          <p><strong>{report.saved ? t.reportSaved : t.reportDry}</strong> {t.reportCounts(report.matched.length, report.features)}</p>
          {report.archipelagos.map((a) => <p key={a.id}>{t.reportArchipelago(a.id === 'hoang-sa' ? t.hoangSa : t.truongSa, a.inFile)}</p>)}
          {report.unmatched.length > 0 && (
            <>
              <h3>{t.reportUnmatched} ({report.unmatched.length})</h3>
              <table className="data"><thead><tr><th scope="col">{t.feature}</th><th scope="col">{t.reason}</th></tr></thead>
                <tbody>{report.unmatched.map((u) => <tr key={u.feature}><td>{u.label}</td><td>{reasonText(u.reason)}{u.candidates.length ? ` (${u.candidates.join(', ')})` : ''}</td></tr>)}</tbody>
              </table>
            </>
          )}
          {report.missingUnits.length > 0 && <><h3>{t.reportMissing} ({report.missingUnits.length})</h3><p>{report.missingUnits.map((m) => (lang === 'vi' ? m.name_vi : m.name_en)).join(', ')}</p></>}
          {report.matched.some((m) => m.approximate) && (
            <><h3>{t.reportApprox}</h3><ul>{report.matched.filter((m) => m.approximate).map((m) => <li key={m.feature}>{m.label} → {m.name_vi}</li>)}</ul></>
          )}
          {report.merged.length > 0 && <><h3>{t.reportMerged}</h3><ul>{report.merged.map((m) => <li key={m.unit}>{m.unit}: {m.features.length}</li>)}</ul></>}
        </section>
      )}

      <section className="panel">
        <h2 className="panel-title">{t.preview}</h2>
        <Suspense fallback={<Loading lines={6} />}>
          <Preview key={`${geo}-${version}`} geography={geo} />
        </Suspense>
      </section>
    </div>
  );
}

function Preview({ geography }: { geography: '63' | '34' }) {
  const inds = useApi<{ indicators: Indicator[] }>('/api/indicators');
  const [h, setH] = useState<string | null>(null);
  const ind = inds.data?.indicators[0];
  if (!ind) return <Loading lines={4} />;
  return <MapPanel geography={geography} values={new Map()} members={new Set()} measure="value" indicator={ind} regionName="" highlight={h} onHighlight={setH} neutral />;
}

