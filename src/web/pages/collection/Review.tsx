// The reviewer's side: the queue of reports waiting (submitted; or returned, approved, drafts on
// demand) and one report to review — its figures against last year, the unit's own history and the
// other provinces of the region, what changed since the previous version, its history of actions, and
// approve (published and locked) or return with a comment; an approved report reopened for a correction.
import { useId, useState } from 'react';
import { Link } from 'wouter';
import { ApiError, qs, useApi } from '../../api.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { dateLabel, dateTimeLabel, periodLabel, plain, signedPct } from '../../fmt.ts';
import { useLang } from '../../i18n.ts';
import { useQuery, useSetQuery, useTitle, useTo } from '../../nav.ts';
import { useSession } from '../../session.tsx';
import { CollectionPage, Notice, REVIEWERS, serverText, StatusBadge, useProvinceName, useT } from './common.tsx';
import { gridCounts } from './gridState.ts';
import type { ReviewDetail, SubmissionListItem } from './types.ts';

const STATUSES = ['submitted', 'returned', 'approved', 'draft'] as const;

export function ReviewQueuePage() {
  const t = useT();
  useTitle(t.reviewTitle);
  return (
    <CollectionPage title={t.reviewTitle} roles={REVIEWERS} wide>
      <Queue />
    </CollectionPage>
  );
}

function Queue() {
  const t = useT();
  const { lang } = useLang();
  const to = useTo();
  const q = useQuery();
  const setQuery = useSetQuery();
  const statusId = useId();
  const status = q.get('status') ?? 'submitted';
  const list = useApi<{ submissions: SubmissionListItem[] }>(`/api/collection/submissions${qs({ status })}`);
  const provinceName = useProvinceName();
  return (
    <>
      <p className="lead">{t.reviewIntro}</p>
      <div className="toolbar">
        <div className="field">
          <label htmlFor={statusId}>{t.statusCol}</label>
          <select id={statusId} value={status} onChange={(e) => setQuery({ status: e.target.value })}>
            {STATUSES.map((s) => <option key={s} value={s}>{t.status[s]}</option>)}
          </select>
        </div>
      </div>
      {list.error && <ErrorBox error={list.error} retry={list.retry} />}
      {!list.data && !list.error && <Loading lines={5} />}
      {list.data && !list.data.submissions.length && <Empty title={t.queueEmpty} />}
      {list.data && list.data.submissions.length > 0 && (
        <div className="table-wrap">
          <table className="data" data-testid="review-queue">
            <thead>
              <tr><th scope="col">{t.province}</th><th scope="col">{t.period}</th><th scope="col">{t.statusCol}</th><th scope="col">{t.submittedAt}</th><th scope="col">{t.deadline}</th><th scope="col"><span className="sr-only">{t.open}</span></th></tr>
            </thead>
            <tbody>
              {list.data.submissions.map((s) => (
                <tr key={s.id} data-province={s.province}>
                  <th scope="row">{provinceName(s.province, s.province_name_vi)}</th>
                  <td>{periodLabel(s.period, lang)}</td>
                  <td><StatusBadge status={s.board_status} daysLate={s.days_late} /></td>
                  <td className="nowrap">{dateTimeLabel(s.submitted_at, lang)}{s.submitted_by ? ` · ${s.submitted_by}` : ''}</td>
                  <td className="nowrap">{dateLabel(s.deadline, lang)}</td>
                  <td><Link href={to(`/collection/review/${s.id}`)}>{t.openReview}</Link></td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}

export function ReviewPage({ id }: { id: string }) {
  const t = useT();
  useTitle(t.reviewOneTitle);
  return (
    <CollectionPage title={t.reviewOneTitle} roles={REVIEWERS} wide>
      <ReviewView id={id} />
    </CollectionPage>
  );
}

function ReviewView({ id }: { id: string }) {
  const t = useT();
  const { lang } = useLang();
  const to = useTo();
  const detail = useApi<ReviewDetail>(`/api/collection/submissions/${encodeURIComponent(id)}`);
  // What the reviewer just did, kept here rather than in the decision panel: returning a report removes
  // the panel and approving replaces it, and the confirmation must outlive both.
  const [done, setDone] = useState<string | null>(null);
  if (detail.error) return <ErrorBox error={detail.error} retry={detail.retry} />;
  if (!detail.data) return <Loading lines={8} />;
  const d = detail.data;
  const s = d.submission;
  return (
    <>
      <section className="panel ct-report-head" aria-label={t.reportState}>
        <h2 className="panel-title" data-testid="report-title">{lang === 'vi' ? d.province.name_vi : d.province.name_en} — {lang === 'vi' ? d.period.name_vi : d.period.name_en}</h2>
        <dl className="facts">
          <dt>{t.dataset}</dt><dd>{lang === 'vi' ? d.dataset.name_vi : d.dataset.name_en}</dd>
          <dt>{t.statusCol}</dt><dd><StatusBadge status={s.board_status} daysLate={s.days_late} /></dd>
          <dt>{t.deadline}</dt><dd>{dateLabel(d.calendar.deadline, lang)}</dd>
          {s.submitted_at && <><dt>{t.submittedAt}</dt><dd>{dateTimeLabel(s.submitted_at, lang)} · {s.submitted_by}</dd></>}
          {s.correction_reason && <><dt>{t.correctionReason}</dt><dd>{s.correction_reason}</dd></>}
          <dt>{t.checks}</dt><dd>{((c) => t.gridSummary(c.errors, c.warnings, c.empty))(gridCounts(d.rows))}</dd>
        </dl>
      </section>
      <Changes detail={d} />
      <Figures detail={d} />
      {done && (
        <Notice kind="ok">
          <p data-testid="decision-done">{done}</p>
          <p><Link href={to('/collection/review')}>{t.backToQueue}</Link></p>
        </Notice>
      )}
      <Decide detail={d} onDone={(text) => { setDone(text); detail.retry(); }} />
      <Timeline detail={d} />
    </>
  );
}

function Changes({ detail: d }: { detail: ReviewDetail }) {
  const t = useT();
  const { lang } = useLang();
  if (!d.changes.previous_submitted_at) return null;
  const byItem = new Map(d.rows.map((r) => [r.item, r]));
  return (
    <section className="panel" aria-labelledby="ct-changes-title" data-testid="changes">
      <h2 id="ct-changes-title" className="panel-title">{t.changesTitle(dateTimeLabel(d.changes.previous_submitted_at, lang))}</h2>
      {!d.changes.cells.length ? <p>{t.noChanges}</p> : (
        <table className="data">
          <thead><tr><th scope="col">{t.indicator}</th><th scope="col" className="num">{t.before}</th><th scope="col" className="num">{t.after}</th><th scope="col">{t.comment}</th></tr></thead>
          <tbody>
            {d.changes.cells.map((c) => {
              const r = byItem.get(c.item);
              return (
                <tr key={`${c.item}|${c.measure}`}>
                  <th scope="row">{r ? `${lang === 'vi' ? r.name_vi : r.name_en} (${lang === 'vi' ? r.period_vi : r.period_en})` : c.item}{c.measure === 'plan' ? ` — ${t.plan}` : ''}</th>
                  <td className="num">{plain(c.before, r?.decimals ?? 2, lang)}</td>
                  <td className="num">{plain(c.after, r?.decimals ?? 2, lang)}</td>
                  <td className="small">{c.comment_after !== c.comment_before ? c.comment_after ?? '' : ''}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

function Figures({ detail: d }: { detail: ReviewDetail }) {
  const t = useT();
  const { lang } = useLang();
  const provinceName = useProvinceName();
  const peers = new Map(d.peers.map((p) => [p.item, p]));
  const changed = new Set(d.changes.cells.map((c) => c.item));
  return (
    <section className="panel" aria-labelledby="ct-figures-title">
      <h2 id="ct-figures-title" className="panel-title">{t.figuresTitle}</h2>
      <div className="table-wrap">
        <table className="data ct-grid" data-testid="review-grid">
          <thead>
            <tr>
              <th scope="col">{t.indicator}</th><th scope="col" className="num">{t.thisPeriod}</th><th scope="col" className="num">{t.lastYear}</th>
              <th scope="col" className="num">{t.growth}</th><th scope="col" className="num">{t.peerMedian}</th><th scope="col">{t.history}</th>
              <th scope="col">{t.comment}</th><th scope="col">{t.checks}</th>
            </tr>
          </thead>
          <tbody>
            {d.rows.map((r) => {
              const p = peers.get(r.item);
              return (
                <tr key={r.item} data-item={r.item} className={changed.has(r.item) ? 'ct-changed' : undefined}>
                  <th scope="row">{lang === 'vi' ? r.name_vi : r.name_en}<div className="small muted">{lang === 'vi' ? r.period_vi : r.period_en} · {r.unit}</div></th>
                  <td className="num" data-testid="value">{plain(r.value, r.decimals, lang)}</td>
                  <td className="num">{plain(r.last_year, r.decimals, lang)}</td>
                  <td className="num">{signedPct(r.growth_pct, lang)}</td>
                  <td className="num" title={p?.peers.map((x) => `${provinceName(x.province, x.name_vi)}: ${signedPct(x.growth_pct, lang)}`).join('\n')}>
                    {signedPct(p?.median_growth_pct ?? null, lang)}{p?.peers.length ? <span className="small muted"> ({p.peers.length})</span> : null}
                  </td>
                  <td className="small nowrap">{r.history.filter((h) => h.value !== null).slice(0, 3).map((h) => `${periodLabel(h.period, lang, 'short')}: ${plain(h.value, r.decimals, lang)}`).join(' · ') || '—'}</td>
                  <td className="small">{r.comment ?? ''}</td>
                  <td className="ct-issues">{r.issues.filter((i) => i.code !== 'required' || r.value === null).map((i, n) => <p key={n} className={i.severity === 'error' ? 'ct-error' : 'ct-warning'}>{lang === 'vi' ? i.message : i.messageEn}</p>)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function Decide({ detail: d, onDone }: { detail: ReviewDetail; onDone: (confirmation: string) => void }) {
  const t = useT();
  const { lang } = useLang();
  const { send } = useSession();
  const commentId = useId();
  const [comment, setComment] = useState('');
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);
  const s = d.submission;
  if (s.id === null || (s.status !== 'submitted' && s.status !== 'approved')) return null;
  const act = async (action: 'approve' | 'return' | 'reopen') => {
    setBusy(true);
    setFailure(null);
    try {
      await send('POST', `/api/collection/submissions/${s.id}/${action}`, { version: s.version, comment: comment.trim() || undefined });
      setComment('');
      onDone(action === 'approve' ? t.approvedDone : action === 'return' ? t.returnedDone : t.reopenedDone);
    } catch (e) {
      setFailure(e instanceof ApiError ? serverText(e, lang) : t.failed);
    } finally {
      setBusy(false);
    }
  };
  return (
    <section className="panel" aria-labelledby="ct-decide-title">
      <h2 id="ct-decide-title" className="panel-title">{s.status === 'submitted' ? t.decideTitle : t.correctTitle}</h2>
      <div className="field">
        <label htmlFor={commentId}>{s.status === 'submitted' ? t.reviewCommentLabel : t.reopenReasonLabel}</label>
        <textarea id={commentId} rows={3} value={comment} onChange={(e) => setComment(e.target.value)} maxLength={4000} />
      </div>
      <div className="ct-actions">
        {s.status === 'submitted' && (
          <>
            <button type="button" className="btn primary" disabled={busy} onClick={() => void act('approve')} data-testid="approve">{t.approve}</button>
            <button type="button" className="btn danger" disabled={busy || !comment.trim()} onClick={() => void act('return')} data-testid="return">{t.returnIt}</button>
            {!comment.trim() && <span className="small muted">{t.returnNeedsComment}</span>}
          </>
        )}
        {s.status === 'approved' && <button type="button" className="btn" disabled={busy || !comment.trim()} onClick={() => void act('reopen')}>{t.reopen}</button>}
      </div>
      {failure && <Notice kind="error">{failure}</Notice>}
    </section>
  );
}

function Timeline({ detail: d }: { detail: ReviewDetail }) {
  const t = useT();
  const { lang } = useLang();
  if (!d.timeline.length) return null;
  return (
    <section className="panel" aria-labelledby="ct-timeline-title">
      <h2 id="ct-timeline-title" className="panel-title">{t.timelineTitle}</h2>
      <ol className="ct-timeline">
        {d.timeline.map((e, i) => (
          <li key={i}>
            <span className="nowrap muted small">{dateTimeLabel(e.at, lang)}</span> · <strong>{e.actor}</strong> — {t.actionName(e.action)}
            {e.note ? <q>{e.note}</q> : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
