// /follow-up/difficulties[?region=&period=]: the limitations, difficulties and obstacles (hạn chế, khó
// khăn, vướng mắc) provinces recorded, grouped by field then kind, each naming who raised it; a province
// officer records its own here. Each reader sees what the API lets them (the public: published ones).
import { useId, useState, type FormEvent } from 'react';
import { ApiError, qs, useApi, type RegionBrief } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useQuery, useSetQuery, useTitle } from '../../nav.ts';
import { regionName } from '../../components/Pickers.tsx';
import { Empty, ErrorBox, Loading, errorText } from '../../components/States.tsx';
import { useSession } from '../../session.tsx';
import { DICT } from './i18n.ts';
import { FollowUpTabs, useActor, useLabel, useVocabulary } from './shared.tsx';
import type { DifficultySummary } from './types.ts';

export function DifficultyGroups({ summary }: { summary: DifficultySummary }) {
  const t = useDict(DICT);
  if (!summary.total) return <Empty title={t.noDifficulties} />;
  return (
    <div className="cf-difficulties" data-testid="difficulty-groups">
      <p className="muted small">{t.difficultyTotal(summary.total)}</p>
      {summary.groups.map((g) => (
        <section key={g.field} className="panel" data-field={g.field}>
          <h3 className="panel-title">{g.label} <span className="muted small">({g.count})</span></h3>
          {g.kinds.map((k) => (
            <div key={k.kind}>
              <h4 className="small cf-kind">{k.label}</h4>
              <ul>{k.items.map((i) => <li key={i.id}>{i.text} <span className="muted small">— {i.unitName}{i.period ? `, ${i.period}` : ''}</span></li>)}</ul>
            </div>
          ))}
        </section>
      ))}
    </div>
  );
}

export function DifficultiesPage() {
  const t = useDict(DICT);
  const { lang } = useLang();
  useTitle(t.difficultiesTitle);
  const q = useQuery();
  const setQuery = useSetQuery();
  const region = q.get('region') ?? '';
  const period = q.get('period') ?? '';
  const [periodText, setPeriodText] = useState(period);
  const periodId = useId();
  const regions = (useApi<{ regions: RegionBrief[] }>('/api/regions').data?.regions ?? []).filter((r) => r.id !== 'national');
  const [version, setVersion] = useState(0);
  const s = useApi<DifficultySummary>(`/api/difficulties/summary${qs({ region: region || undefined, period: period || undefined, lang, v: version || undefined })}`);
  const actor = useActor();
  return (
    <div className="page cf-page cf-difficulties-page">
      <h1 className="page-title">{t.difficultiesTitle}</h1>
      <p className="lead">{t.difficultiesLead}</p>
      <FollowUpTabs />
      <form className="toolbar" onSubmit={(e) => { e.preventDefault(); setQuery({ period: periodText.trim() || null }); }}>
        <div className="chips" role="group" aria-label={t.region}>
          <button type="button" className="btn small" aria-pressed={!region} onClick={() => setQuery({ region: null })}>{t.allRegions}</button>
          {regions.map((r) => <button key={r.id} type="button" className="btn small" aria-pressed={region === r.id} onClick={() => setQuery({ region: r.id })}>{regionName(r, lang)}</button>)}
        </div>
        <div className="field">
          <label htmlFor={periodId}>{t.period}</label>
          <input id={periodId} type="text" value={periodText} placeholder="9T/2024" onChange={(e) => setPeriodText(e.target.value)} />
        </div>
        <button type="submit" className="btn">{t.apply}</button>
      </form>
      {actor?.role === 'province_officer' && actor.provinceSlug && <RecordDifficulty province={actor.provinceSlug} onDone={() => setVersion((v) => v + 1)} />}
      {s.error ? <ErrorBox error={s.error} retry={s.retry} /> : !s.data ? <Loading lines={5} /> : <DifficultyGroups summary={s.data} />}
    </div>
  );
}

function RecordDifficulty({ province, onDone }: { province: string; onDone: () => void }) {
  const t = useDict(DICT);
  const { t: tc, lang } = useLang();
  const label = useLabel();
  const v = useVocabulary();
  const { send } = useSession();
  const ids = { p: useId(), f: useId(), k: useId(), b: useId() };
  const [form, setForm] = useState({ period: '', field: 'industry', kind: 'difficulty', body: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const [done, setDone] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      await send('POST', '/api/difficulties', { unit: province, period: form.period || null, field: form.field, kind: form.kind, body: form.body });
      setForm((f) => ({ ...f, body: '' }));
      setDone(true);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', '', ''));
    }
  };
  return (
    <details className="panel">
      <summary className="panel-title">{t.recordDifficulty}</summary>
      <form onSubmit={submit}>
        <div className="form-grid">
          <div className="field"><label htmlFor={ids.p}>{t.period}</label><input id={ids.p} value={form.period} placeholder="9T/2024" onChange={(e) => setForm({ ...form, period: e.target.value })} /></div>
          <div className="field"><label htmlFor={ids.f}>{t.field}</label>
            <select id={ids.f} value={form.field} onChange={(e) => setForm({ ...form, field: e.target.value })}>
              {Object.entries(v?.fields ?? {}).map(([code, l]) => <option key={code} value={code}>{label(l)}</option>)}
            </select>
          </div>
          <div className="field"><label htmlFor={ids.k}>{t.kind}</label>
            <select id={ids.k} value={form.kind} onChange={(e) => setForm({ ...form, kind: e.target.value })}>
              {Object.entries(v?.difficulty_kinds ?? {}).map(([code, l]) => <option key={code} value={code}>{label(l)}</option>)}
            </select>
          </div>
        </div>
        <div className="field"><label htmlFor={ids.b}>{t.content}</label><textarea id={ids.b} rows={3} required value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} /></div>
        <p><button type="submit" className="btn primary">{t.save}</button></p>
        {done && <p role="status">{t.saved}</p>}
        {error && <div className="error" role="alert"><p>{errorText(error, lang, tc)}</p></div>}
      </form>
    </details>
  );
}
