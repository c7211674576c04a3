// /follow-up/tasks/:id: one task of a conference's conclusions — what it asks, its legal basis and
// deadline, each responsible province or unit with its own status and latest report, the history of
// reports; and, for a responsible province or unit, the form to report its own progress.
import { useId, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import { ApiError, qs, useApi } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useTitle, useTo } from '../../nav.ts';
import { dateLabel, formatNumber } from '../../fmt.ts';
import { ErrorBox, Loading, errorText } from '../../components/States.tsx';
import { useSession } from '../../session.tsx';
import { DICT } from './i18n.ts';
import { Chip, FollowUpTabs, SourceLink, useActor } from './shared.tsx';
import type { TaskDetail } from './types.ts';

export function TaskPage({ id }: { id: string }) {
  const t = useDict(DICT);
  const { lang } = useLang();
  const to = useTo();
  const actor = useActor();
  const [version, setVersion] = useState(0);
  const k = useApi<TaskDetail>(`/api/tasks/${encodeURIComponent(id)}${qs({ lang, v: version || undefined })}`);
  useTitle(k.data?.title ?? t.tasks);
  if (k.error) return <div className="page"><FollowUpTabs /><ErrorBox error={k.error} retry={k.retry} /></div>;
  if (!k.data) return <div className="page"><Loading lines={8} /></div>;
  const d = k.data;
  const pct = (v: number | null) => (v === null ? '—' : `${formatNumber(v, lang, { decimals: 1 })}%`);
  const own = d.parties.find((p) => (actor?.role === 'province_officer' && p.kind === 'province' && p.unit === actor.provinceSlug)
    || (actor?.role === 'ministry_unit' && p.kind === 'ministry_unit' && p.unit === actor.ministryUnitSlug));
  return (
    <div className="page cf-page cf-task" data-task={d.id}>
      <p className="breadcrumb"><Link href={to(`/conferences/${d.conference.slug}`)}>← {d.conference.title}</Link></p>
      <h1 className="page-title">{d.title}</h1>
      <p data-testid="task-status"><Chip code={d.status} label={d.status_label} /> <span className="muted">{t.taskProgress(pct(d.percent), d.coverage.reported, d.coverage.of)}</span>{d.overdue && <> <Chip code="overdue" label={t.overdue} /></>}</p>
      <dl className="facts">
        <dt>{t.group}</dt><dd>{d.group.position}. {d.group.title}</dd>
        {d.field_label && <><dt>{t.field}</dt><dd>{d.field_label}</dd></>}
        <dt>{t.deadline}</dt><dd>{d.due_on ? dateLabel(d.due_on, lang) : d.due_note ?? t.noDeadline}</dd>
        {d.starts_on && <><dt>{t.startsOn}</dt><dd>{dateLabel(d.starts_on, lang)}</dd></>}
        {d.legal_basis.length > 0 && <><dt>{t.legalBasis}</dt><dd>{d.legal_basis.join('; ')}</dd></>}
        {d.responsible_note && <><dt>{t.responsible}</dt><dd>{d.responsible_note}</dd></>}
      </dl>
      {d.text && <div className="panel cf-text">{d.text}</div>}
      <p><SourceLink source={d.source} /></p>

      <h2 className="section-title">{t.responsibleParties}</h2>
      <div className="table-wrap">
        <table className="data" data-testid="parties">
          <thead><tr><th scope="col">{t.name}</th><th scope="col">{t.role}</th><th scope="col">{t.status}</th><th scope="col" className="num">{t.progress}</th><th scope="col" className="num">{t.expected}</th><th scope="col">{t.latestReport}</th></tr></thead>
          <tbody>
            {d.parties.map((p) => (
              <tr key={p.key} data-party={p.key}>
                <th scope="row">{p.name}</th>
                <td>{p.role === 'lead' ? t.lead : t.support}</td>
                <td><Chip code={p.status} label={p.status_label} /></td>
                <td className="num">{pct(p.percent)}</td>
                <td className="num">{pct(p.expected)}</td>
                <td className="small">{p.latest ? `${dateLabel(p.latest.reported_on, lang)}${p.latest.text ? ` — ${p.latest.text}` : ''}` : '—'}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>

      {own && <ProgressForm taskId={d.id} current={own.percent} onDone={() => setVersion((x) => x + 1)} />}

      {d.history && d.history.length > 0 && (
        <>
          <h2 className="section-title">{t.history}</h2>
          <ol className="revisions">{d.history.map((h) => <li key={h.id}><span className="muted">{dateLabel(h.reported_on, lang)}</span> — {h.name}: {pct(h.percent)} <span className="muted">({h.reported_by})</span></li>)}</ol>
        </>
      )}
    </div>
  );
}

function ProgressForm({ taskId, current, onDone }: { taskId: number; current: number | null; onDone: () => void }) {
  const t = useDict(DICT);
  const { t: tc, lang } = useLang();
  const { send } = useSession();
  const ids = { p: useId(), n: useId() };
  const [percent, setPercent] = useState(String(current ?? 0));
  const [narrative, setNarrative] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const [busy, setBusy] = useState(false);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await send('POST', `/api/tasks/${taskId}/progress`, { percent: Number(percent.replace(',', '.')), narrative });
      setNarrative('');
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', '', ''));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={t.reportProgress} data-testid="progress-form">
      <h2 className="panel-title">{t.reportProgress}</h2>
      <div className="form-grid">
        <div className="field"><label htmlFor={ids.p}>{t.percentDone}</label><input id={ids.p} type="number" min={0} max={100} step="any" required value={percent} onChange={(e) => setPercent(e.target.value)} /></div>
      </div>
      <div className="field"><label htmlFor={ids.n}>{t.narrative}</label><textarea id={ids.n} rows={3} required value={narrative} onChange={(e) => setNarrative(e.target.value)} /></div>
      <p><button type="submit" className="btn primary" disabled={busy}>{t.sendReport}</button></p>
      {error && <div className="error" role="alert"><p>{errorText(error, lang, tc)}</p></div>}
    </form>
  );
}
