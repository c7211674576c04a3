// /follow-up/board[?region=&conference=]: the follow-up board — tasks done, on track, late or without a
// report, per region, per responsible unit (each counted by its own status) and per group; the tasks
// past their deadline; and the recommendations' answers per ministry unit.
import { useState } from 'react';
import { Link } from 'wouter';
import { qs, useApi, type RegionBrief } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useQuery, useSetQuery, useTitle, useTo } from '../../nav.ts';
import { formatNumber } from '../../fmt.ts';
import { regionName } from '../../components/Pickers.tsx';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { DICT } from './i18n.ts';
import { Chip, FollowUpTabs } from './shared.tsx';
import { TaskTable } from './TaskGroups.tsx';
import type { Board, RecommendationFigures } from './types.ts';

const STATUSES = ['done', 'on_track', 'late', 'no_report'] as const;
type Counts = Board['totals'];

export function BoardPage() {
  const t = useDict(DICT);
  const { lang } = useLang();
  useTitle(t.boardTitle);
  const q = useQuery();
  const setQuery = useSetQuery();
  const region = q.get('region') ?? '';
  const conference = q.get('conference') ?? '';
  const [status, setStatus] = useState<string>('');
  const regions = (useApi<{ regions: RegionBrief[] }>('/api/regions').data?.regions ?? []).filter((r) => r.id !== 'national');
  const b = useApi<Board>(`/api/follow-up/board${qs({ region: region || undefined, conference: conference || undefined, lang })}`);
  const recs = useApi<RecommendationFigures>(`/api/recommendations/figures${qs({ region: region || undefined, conference: conference || undefined, lang })}`);
  const label = (s: string) => b.data?.status_labels[s] ?? s;
  return (
    <div className="page cf-page cf-board">
      <h1 className="page-title">{t.boardTitle}</h1>
      <p className="lead">{t.boardLead}</p>
      <FollowUpTabs />
      <div className="chips" role="group" aria-label={t.region}>
        <button type="button" className="btn small" aria-pressed={!region} onClick={() => setQuery({ region: null })}>{t.allRegions}</button>
        {regions.map((r) => <button key={r.id} type="button" className="btn small" aria-pressed={region === r.id} onClick={() => setQuery({ region: r.id })}>{regionName(r, lang)}</button>)}
        {conference && <button type="button" className="btn small" aria-pressed onClick={() => setQuery({ conference: null })}>{conference} ×</button>}
      </div>
      {b.error ? <ErrorBox error={b.error} retry={b.retry} /> : !b.data ? <Loading lines={6} /> : (
        <>
          <ul className="cf-counts" data-testid="task-totals" aria-label={t.tasksByStatus}>
            <li data-status="total"><span className="cf-count">{formatNumber(b.data.totals.total, lang)}</span> {t.tasksTotal}</li>
            {STATUSES.map((s) => (
              <li key={s} data-status={s}>
                <button type="button" className="btn link" aria-pressed={status === s} onClick={() => setStatus(status === s ? '' : s)}>
                  <span className="cf-count">{formatNumber(b.data!.totals[s], lang)}</span> {label(s)}
                </button>
              </li>
            ))}
          </ul>
          <CountTable title={t.byRegion} rows={b.data.by_region.map((r) => ({ key: r.region, name: regions.find((x) => x.id === r.region) ? regionName(regions.find((x) => x.id === r.region)!, lang) : r.region, c: r }))} label={label} testId="by-region" />
          <CountTable title={t.byGroup} rows={b.data.by_group.map((g) => ({ key: String(g.group), name: g.title, href: `/conferences/${g.conference}`, c: g }))} label={label} testId="by-group" />
          <CountTable title={t.byUnit} rows={b.data.by_unit.slice(0, 30).map((u) => ({ key: u.unit, name: u.name, c: u }))} label={label} testId="by-unit" note={b.data.by_unit.length > 30 ? t.firstOf(30, b.data.by_unit.length) : undefined} />
          <h2 className="section-title">{status ? t.tasksWithStatus(label(status)) : t.overdueTasks}</h2>
          <TaskTable tasks={b.data.tasks.filter((k) => (status ? k.status === status : k.overdue))} showConference />
        </>
      )}
      <h2 className="section-title">{t.recAnswersByUnit}</h2>
      {recs.error ? <ErrorBox error={recs.error} retry={recs.retry} /> : !recs.data ? <Loading lines={3} /> : (
        <>
          <p className="cf-summary" data-testid="rec-figures">{t.recSummary(recs.data.total, recs.data.answered, recs.data.answered_on_time, recs.data.open, recs.data.overdue, recs.data.closed)}</p>
          {recs.data.by_unit.length > 0 && (
            <div className="table-wrap">
              <table className="data" data-testid="rec-by-unit">
                <thead><tr><th scope="col">{t.ministryUnit}</th><th scope="col" className="num">{t.assignedCount}</th><th scope="col" className="num">{t.answeredCount}</th><th scope="col" className="num">{t.onTime}</th><th scope="col" className="num">{t.pendingCount}</th><th scope="col" className="num">{t.overdue}</th></tr></thead>
                <tbody>
                  {recs.data.by_unit.map((u) => (
                    <tr key={u.unit} data-unit={u.unit}>
                      <th scope="row">{u.unit_name ?? u.unit}</th>
                      <td className="num" data-col="assigned">{formatNumber(u.assigned, lang)}</td><td className="num" data-col="answered">{formatNumber(u.answered, lang)}</td>
                      <td className="num">{formatNumber(u.answered_on_time, lang)}</td><td className="num">{formatNumber(u.pending, lang)}</td><td className="num">{formatNumber(u.overdue, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        </>
      )}
    </div>
  );
}

function CountTable({ title, rows, label, testId, note }: { title: string; rows: Array<{ key: string; name: string; href?: string; c: Counts }>; label: (s: string) => string; testId: string; note?: string }) {
  const t = useDict(DICT);
  const { lang } = useLang();
  const to = useTo();
  return (
    <section className="panel">
      <h2 className="panel-title">{title}</h2>
      {note && <p className="muted small">{note}</p>}
      {rows.length === 0 ? <p className="muted">{t.noTasks}</p> : (
        <div className="table-wrap">
          <table className="data" data-testid={testId}>
            <thead><tr><th scope="col">{t.name}</th><th scope="col" className="num">{t.tasksTotal}</th>{STATUSES.map((s) => <th key={s} scope="col" className="num"><Chip code={s} label={label(s)} /></th>)}</tr></thead>
            <tbody>
              {rows.map((r) => (
                <tr key={r.key} data-key={r.key}>
                  <th scope="row">{r.href ? <Link href={to(r.href)}>{r.name}</Link> : r.name}</th>
                  <td className="num">{formatNumber(r.c.total, lang)}</td>
                  {STATUSES.map((s) => <td key={s} className="num" data-col={s}>{formatNumber(r.c[s], lang)}</td>)}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}
