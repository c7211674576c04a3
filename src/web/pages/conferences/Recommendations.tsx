// /follow-up/recommendations: the consolidated list the Agency triages (filters by status, region,
// overdue, text; Word and Excel exports of the same selection) and the form a province (or the Agency,
// for what a conference session raised) submits a recommendation with.
import { useId, useState, type FormEvent } from 'react';
import { useLocation } from 'wouter';
import { ApiError, qs, useApi, type RegionBrief } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useQuery, useSetQuery, useTitle, useTo } from '../../nav.ts';
import { regionName } from '../../components/Pickers.tsx';
import { errorText } from '../../components/States.tsx';
import { useSession } from '../../session.tsx';
import { DICT } from './i18n.ts';
import { FollowUpTabs, isCoordinator, useActor, useLabel, useVocabulary } from './shared.tsx';
import { RecommendationTable } from './RecommendationTable.tsx';
import type { ConferenceList, RecommendationFigures } from './types.ts';

const STATUSES = ['submitted', 'assigned', 'answered', 'closed', 'withdrawn'] as const;

export function RecommendationsPage() {
  const t = useDict(DICT);
  const { lang } = useLang();
  useTitle(t.recommendationsTitle);
  const q = useQuery();
  const setQuery = useSetQuery();
  const label = useLabel();
  const v = useVocabulary();
  const actor = useActor();
  const ids = { s: useId(), r: useId(), q: useId(), o: useId() };
  const filter = { status: q.get('status') ?? undefined, region: q.get('region') ?? undefined, overdue: q.get('overdue') ?? undefined, q: q.get('q') ?? undefined, conference: q.get('conference') ?? undefined };
  const [text, setText] = useState(filter.q ?? '');
  const regions = (useApi<{ regions: RegionBrief[] }>('/api/regions').data?.regions ?? []).filter((r) => r.id !== 'national');
  const figures = useApi<RecommendationFigures & { today: string }>(`/api/recommendations/figures${qs({ ...filter, lang })}`);
  const f = figures.data;
  return (
    <div className="page cf-page cf-recommendations">
      <h1 className="page-title">{t.recommendationsTitle}</h1>
      <p className="lead">{actor ? t.recommendationsLead : t.recommendationsPublicLead}</p>
      <FollowUpTabs />
      {(actor?.role === 'province_officer' || isCoordinator(actor, v)) && <SubmitRecommendation />}
      <form className="toolbar" role="search" onSubmit={(e) => { e.preventDefault(); setQuery({ q: text.trim() || null }); }}>
        <div className="field"><label htmlFor={ids.s}>{t.status}</label>
          <select id={ids.s} value={filter.status ?? ''} onChange={(e) => setQuery({ status: e.target.value || null })}>
            <option value="">{t.allStatuses}</option>
            {STATUSES.map((s) => <option key={s} value={s}>{label(v?.recommendation_statuses[s], s)}</option>)}
          </select>
        </div>
        <div className="field"><label htmlFor={ids.r}>{t.region}</label>
          <select id={ids.r} value={filter.region ?? ''} onChange={(e) => setQuery({ region: e.target.value || null })}>
            <option value="">{t.allRegions}</option>
            {regions.map((r) => <option key={r.id} value={r.id}>{regionName(r, lang)}</option>)}
          </select>
        </div>
        <label className="check" htmlFor={ids.o}><input id={ids.o} type="checkbox" checked={filter.overdue === 'true'} onChange={(e) => setQuery({ overdue: e.target.checked ? 'true' : null })} /> {t.overdueOnly}</label>
        <div className="field filter"><label htmlFor={ids.q}>{t.search}</label><input id={ids.q} type="search" value={text} onChange={(e) => setText(e.target.value)} /></div>
        <button type="submit" className="btn">{t.apply}</button>
        <span className="exports">
          <a className="btn small" href={`/api/recommendations/export${qs({ ...filter, lang, format: 'docx' })}`}>Word</a>
          <a className="btn small" href={`/api/recommendations/export${qs({ ...filter, lang, format: 'xlsx' })}`}>Excel</a>
        </span>
      </form>
      {f && <p className="cf-summary" data-testid="rec-figures">{t.recSummary(f.total, f.answered, f.answered_on_time, f.open, f.overdue, f.closed)}</p>}
      <RecommendationTable query={filter} />
    </div>
  );
}

function SubmitRecommendation() {
  const t = useDict(DICT);
  const { t: tc, lang } = useLang();
  const label = useLabel();
  const v = useVocabulary();
  const actor = useActor();
  const { send } = useSession();
  const to = useTo();
  const [, navigate] = useLocation();
  const confs = useApi<ConferenceList>(`/api/conferences${qs({ lang, limit: 500 })}`).data?.conferences ?? [];
  const ids = { c: useId(), p: useId(), f: useId(), t: useId(), b: useId() };
  const [form, setForm] = useState({ conference: '', province: '', field: 'industry', title: '', body: '' });
  const [error, setError] = useState<ApiError | null>(null);
  const isProvince = actor?.role === 'province_officer';
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setError(null);
    try {
      const r = await send<{ id: number }>('POST', '/api/recommendations', {
        conference: form.conference || null, province: isProvince ? undefined : form.province || null, field: form.field, title: form.title, body: form.body,
      });
      navigate(to(`/follow-up/recommendations/${r.id}`));
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', '', ''));
    }
  };
  return (
    <details className="panel">
      <summary className="panel-title">{isProvince ? t.submitOwn : t.submitSession}</summary>
      <form onSubmit={submit}>
        <div className="form-grid">
          <div className="field"><label htmlFor={ids.c}>{t.conference}</label>
            <select id={ids.c} value={form.conference} onChange={(e) => setForm({ ...form, conference: e.target.value })}>
              <option value="">{t.noConference}</option>
              {[...confs].reverse().map((c) => <option key={c.slug} value={c.slug}>{c.title}</option>)}
            </select>
          </div>
          {!isProvince && <div className="field"><label htmlFor={ids.p}>{t.provinceOptional}</label><input id={ids.p} value={form.province} placeholder="kien-giang" onChange={(e) => setForm({ ...form, province: e.target.value })} /></div>}
          <div className="field"><label htmlFor={ids.f}>{t.field}</label>
            <select id={ids.f} value={form.field} onChange={(e) => setForm({ ...form, field: e.target.value })}>
              {Object.entries(v?.fields ?? {}).map(([code, l]) => <option key={code} value={code}>{label(l)}</option>)}
            </select>
          </div>
        </div>
        <div className="field"><label htmlFor={ids.t}>{t.title}</label><input id={ids.t} required minLength={3} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} /></div>
        <div className="field"><label htmlFor={ids.b}>{t.content}</label><textarea id={ids.b} rows={4} required value={form.body} onChange={(e) => setForm({ ...form, body: e.target.value })} /></div>
        <p><button type="submit" className="btn primary">{t.submit}</button></p>
        {error && <div className="error" role="alert"><p>{errorText(error, lang, tc)}</p></div>}
      </form>
    </details>
  );
}
