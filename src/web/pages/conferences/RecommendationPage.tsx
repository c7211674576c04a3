// /follow-up/recommendations/:id: one recommendation — what was asked, by whom, its assignments with
// due dates and answers, its history; and what the reader may do with it: the Agency assigns ministry
// units with due dates, moves a due date, closes, reopens or publishes; an assigned unit answers its
// own assignment; the province withdraws what is not yet assigned.
import { useId, useState, type FormEvent, type ReactNode } from 'react';
import { Link } from 'wouter';
import { ApiError, qs, useApi } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useTitle, useTo } from '../../nav.ts';
import { dateLabel, dateTimeLabel } from '../../fmt.ts';
import { ErrorBox, Loading, errorText } from '../../components/States.tsx';
import { useSession } from '../../session.tsx';
import { DICT } from './i18n.ts';
import { Chip, FollowUpTabs, SourceLink, isCoordinator, useActor, useLabel, useVocabulary } from './shared.tsx';
import type { MinistryUnit, RecommendationDetail } from './types.ts';

const addDays = (n: number) => new Date(Date.now() + 7 * 3600_000 + n * 86_400_000).toISOString().slice(0, 10);

export function RecommendationPage({ id }: { id: string }) {
  const t = useDict(DICT);
  const { lang } = useLang();
  const to = useTo();
  const actor = useActor();
  const v = useVocabulary();
  const [version, setVersion] = useState(0);
  const r = useApi<RecommendationDetail>(`/api/recommendations/${encodeURIComponent(id)}${qs({ lang, v: version || undefined })}`);
  useTitle(r.data?.title ?? t.recommendationsTitle);
  const reload = () => setVersion((x) => x + 1);
  if (r.error) return <div className="page"><FollowUpTabs /><ErrorBox error={r.error} retry={r.retry} /></div>;
  if (!r.data) return <div className="page"><Loading lines={8} /></div>;
  const d = r.data;
  const coordinator = isCoordinator(actor, v);
  const open = d.status === 'submitted' || d.status === 'assigned' || d.status === 'answered';
  const mine = d.assignments.filter((a) => actor?.role === 'ministry_unit' && a.unit === actor.ministryUnitSlug);
  const ownProvince = actor?.role === 'province_officer' && d.province !== null && d.province === actor.provinceSlug;
  return (
    <div className="page cf-page cf-recommendation" data-recommendation={d.id}>
      <p className="breadcrumb"><Link href={to('/follow-up/recommendations')}>← {t.recommendationsTitle}</Link></p>
      <h1 className="page-title">{d.title}</h1>
      <p data-testid="rec-status"><Chip code={d.status} label={d.status_label} />{d.overdue && <> <Chip code="overdue" label={t.overdue} /></>}{d.published && <> <Chip code="done" label={t.published} /></>}</p>
      <dl className="facts">
        <dt>{t.raisedBy}</dt><dd>{d.province_name ?? t.session}{d.via === 'session' ? ` (${t.viaSession})` : ''}</dd>
        {d.conference && <><dt>{t.conference}</dt><dd><Link href={to(`/conferences/${d.conference.slug}`)}>{d.conference.title}</Link></dd></>}
        <dt>{t.field}</dt><dd>{d.field_label}</dd>
        <dt>{t.submitted}</dt><dd>{dateLabel(d.submitted_at, lang)} <SourceLink source={d.source} /></dd>
        {d.closed_at && <><dt>{t.closed}</dt><dd>{dateLabel(d.closed_at, lang)} — {d.close_reason_label}{d.close_note ? `: ${d.close_note}` : ''}</dd></>}
      </dl>
      <div className="panel cf-text" data-testid="rec-text">{d.text}</div>
      {d.files.length > 0 && <FileList files={d.files as FileView[]} />}

      <h2 className="section-title">{t.assignments}</h2>
      {d.assignments.length === 0 ? <p className="muted">{t.notAssigned}</p> : (
        <ul className="cf-assignments">
          {d.assignments.map((a) => (
            <li key={a.id} className="panel" data-assignment={a.id} data-unit={a.unit ?? ''}>
              <p><strong>{a.unit_name}</strong> <span className="muted">({a.role === 'lead' ? t.lead : t.support}) · {t.dueOn(dateLabel(a.due_on, lang))}</span> <Chip code={a.state} label={a.state_label} /></p>
              {a.answer_text
                ? <><p className="muted small">{t.answeredOn(dateTimeLabel(a.answered_at, lang))}</p><div className="cf-text" data-testid="answer">{a.answer_text}</div></>
                : <p className="muted">{t.noAnswerYet}</p>}
              {(a.files as FileView[]).length > 0 && <FileList files={a.files as FileView[]} />}
              {coordinator && open && !a.answered_at && <details><summary className="small">{t.changeDue}</summary><Reschedule recId={d.id} assignment={a.id} due={a.due_on} onDone={reload} /></details>}
            </li>
          ))}
        </ul>
      )}

      {mine.filter(() => open && d.status !== 'submitted').map((a) => <AnswerForm key={a.id} recId={d.id} assignment={a.id} current={a.answer_text} onDone={reload} />)}
      {coordinator && open && <AssignForm recId={d.id} taken={d.assignments.map((a) => a.unit ?? '')} onDone={reload} />}
      {coordinator && <CloseOrReopen d={d} onDone={reload} />}
      {ownProvince && d.status === 'submitted' && <Action label={t.withdraw} run={(send) => send('POST', `/api/recommendations/${d.id}/withdraw`, {})} onDone={reload} />}

      {d.events.length > 0 && (
        <>
          <h2 className="section-title">{t.history}</h2>
          <ol className="revisions">{d.events.map((e, i) => <li key={i}><span className="muted">{dateTimeLabel(e.at, lang)}</span> — {t.eventName(e.action)} <span className="muted">({e.actor})</span>{e.note ? `: ${e.note}` : ''}</li>)}</ol>
        </>
      )}
    </div>
  );
}

type FileView = { id: string; file_name: string; url: string; size: number };

function FileList({ files }: { files: FileView[] }) {
  const t = useDict(DICT);
  return <p className="small">{t.files}: {files.map((f, i) => <span key={f.id}>{i > 0 && ', '}<a href={f.url}>{f.file_name}</a></span>)}</p>;
}

type Send = ReturnType<typeof useSession>['send'];

/** A form whose submit calls the API, shows the server's refusal in the reader's language, and reloads. */
function ActionForm({ title, submitLabel, run, onDone, children, testId }: { title: string; submitLabel: string; run: (send: Send) => Promise<unknown>; onDone: () => void; children?: ReactNode; testId?: string }) {
  const { t: tc, lang } = useLang();
  const { send } = useSession();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const submit = async (e: FormEvent) => {
    e.preventDefault();
    setBusy(true);
    setError(null);
    try {
      await run(send);
      onDone();
    } catch (err) {
      setError(err instanceof ApiError ? err : new ApiError(0, 'network', '', ''));
    } finally {
      setBusy(false);
    }
  };
  return (
    <form className="panel" onSubmit={submit} aria-label={title} data-testid={testId}>
      <h2 className="panel-title">{title}</h2>
      {children}
      <p><button type="submit" className="btn primary" disabled={busy}>{submitLabel}</button></p>
      {error && <div className="error" role="alert"><p>{errorText(error, lang, tc)}</p></div>}
    </form>
  );
}

function Action({ label, run, onDone }: { label: string; run: (send: Send) => Promise<unknown>; onDone: () => void }) {
  return <ActionForm title={label} submitLabel={label} run={run} onDone={onDone} />;
}

function AssignForm({ recId, taken, onDone }: { recId: number; taken: string[]; onDone: () => void }) {
  const t = useDict(DICT);
  const { lang } = useLang();
  const units = (useApi<{ ministry_units: MinistryUnit[] }>('/api/ministry-units').data?.ministry_units ?? []).filter((u) => !taken.includes(u.id));
  const ids = { u: useId(), d: useId(), r: useId(), n: useId() };
  const [unit, setUnit] = useState('');
  const [due, setDue] = useState(addDays(15));
  const [role, setRole] = useState<'lead' | 'support'>(taken.length ? 'support' : 'lead');
  const [note, setNote] = useState('');
  return (
    <ActionForm title={t.assignTitle} submitLabel={t.assign} testId="assign-form" onDone={onDone}
      run={(send) => send('POST', `/api/recommendations/${recId}/assignments`, { assignments: [{ unit, due_on: due, role }], note: note || null })}>
      <div className="form-grid">
        <div className="field"><label htmlFor={ids.u}>{t.ministryUnit}</label>
          <select id={ids.u} required value={unit} onChange={(e) => setUnit(e.target.value)}>
            <option value="">{t.choose}</option>
            {units.map((u) => <option key={u.id} value={u.id}>{lang === 'vi' ? u.name_vi : u.name_en}</option>)}
          </select>
        </div>
        <div className="field"><label htmlFor={ids.d}>{t.deadline}</label><input id={ids.d} type="date" required value={due} min={addDays(0)} onChange={(e) => setDue(e.target.value)} /></div>
        <div className="field"><label htmlFor={ids.r}>{t.role}</label>
          <select id={ids.r} value={role} onChange={(e) => setRole(e.target.value as 'lead' | 'support')}><option value="lead">{t.lead}</option><option value="support">{t.support}</option></select>
        </div>
        <div className="field"><label htmlFor={ids.n}>{t.note}</label><input id={ids.n} value={note} onChange={(e) => setNote(e.target.value)} /></div>
      </div>
    </ActionForm>
  );
}

function Reschedule({ recId, assignment, due, onDone }: { recId: number; assignment: number; due: string; onDone: () => void }) {
  const t = useDict(DICT);
  const id = useId();
  const [value, setValue] = useState(due);
  return (
    <ActionForm title={t.changeDue} submitLabel={t.changeDue} onDone={onDone}
      run={(send) => send('PATCH', `/api/recommendations/${recId}/assignments/${assignment}`, { due_on: value })}>
      <div className="field"><label htmlFor={id}>{t.deadline}</label><input id={id} type="date" required value={value} onChange={(e) => setValue(e.target.value)} /></div>
    </ActionForm>
  );
}

function AnswerForm({ recId, assignment, current, onDone }: { recId: number; assignment: number; current: string | null; onDone: () => void }) {
  const t = useDict(DICT);
  const id = useId();
  const [body, setBody] = useState(current ?? '');
  return (
    <ActionForm title={current ? t.reviseAnswer : t.answerTitle} submitLabel={t.sendAnswer} testId="answer-form" onDone={onDone}
      run={(send) => send('POST', `/api/recommendations/${recId}/assignments/${assignment}/answer`, { body })}>
      <div className="field"><label htmlFor={id}>{t.answer}</label><textarea id={id} rows={5} required value={body} onChange={(e) => setBody(e.target.value)} /></div>
    </ActionForm>
  );
}

function CloseOrReopen({ d, onDone }: { d: RecommendationDetail; onDone: () => void }) {
  const t = useDict(DICT);
  const label = useLabel();
  const v = useVocabulary();
  const ids = { r: useId(), n: useId(), p: useId() };
  const [reason, setReason] = useState(d.status === 'answered' ? 'answered' : 'resolved_at_conference');
  const [note, setNote] = useState('');
  const [publish, setPublish] = useState(false);
  if (d.status === 'withdrawn') return null;
  if (d.status === 'closed') {
    return (
      <>
        <Action label={d.published ? t.unpublish : t.publish} run={(send) => send('POST', `/api/recommendations/${d.id}/publish`, { published: !d.published })} onDone={onDone} />
        <Action label={t.reopen} run={(send) => send('POST', `/api/recommendations/${d.id}/reopen`, {})} onDone={onDone} />
      </>
    );
  }
  return (
    <ActionForm title={t.closeTitle} submitLabel={t.close} onDone={onDone}
      run={(send) => send('POST', `/api/recommendations/${d.id}/close`, { reason, note: note || null, publish })}>
      <div className="form-grid">
        <div className="field"><label htmlFor={ids.r}>{t.closeReason}</label>
          <select id={ids.r} value={reason} onChange={(e) => setReason(e.target.value)}>
            {Object.entries(v?.close_reasons ?? {}).map(([code, l]) => <option key={code} value={code}>{label(l)}</option>)}
          </select>
        </div>
        <div className="field"><label htmlFor={ids.n}>{t.note}</label><input id={ids.n} value={note} onChange={(e) => setNote(e.target.value)} /></div>
      </div>
      <label className="check" htmlFor={ids.p}><input id={ids.p} type="checkbox" checked={publish} onChange={(e) => setPublish(e.target.checked)} /> {t.publishToo}</label>
    </ActionForm>
  );
}
