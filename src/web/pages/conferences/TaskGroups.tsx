// A conference's conclusions: the groups of tasks and solutions, each task with who is responsible,
// its deadline (or what the source says of it), legal basis, status and progress.
import { Link } from 'wouter';
import { qs, useApi } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useTo } from '../../nav.ts';
import { dateLabel, formatNumber, joinNames } from '../../fmt.ts';
import { Empty, ErrorBox, Loading } from '../../components/States.tsx';
import { DICT } from './i18n.ts';
import { Chip, SourceLink } from './shared.tsx';
import type { ConferenceTasks, TaskView } from './types.ts';

export function TaskGroups({ slug, stated }: { slug: string; stated: number | null }) {
  const t = useDict(DICT);
  const { lang } = useLang();
  const g = useApi<ConferenceTasks>(`/api/conferences/${slug}/tasks${qs({ lang })}`);
  if (g.error) return <ErrorBox error={g.error} retry={g.retry} />;
  if (!g.data) return <Loading lines={4} />;
  return (
    <>
      {stated !== null && <p className="muted">{t.groupsStated(stated, g.data.groups_recorded)}</p>}
      {g.data.groups.length === 0 ? <Empty title={t.noTasks} /> : g.data.groups.map((grp) => (
        <div key={grp.id} className="panel" data-group={grp.id}>
          <div className="panel-head">
            <h3 className="panel-title">{grp.position}. {grp.title}</h3>
            <span className="muted small">{grp.field_label} <SourceLink source={grp.source} /></span>
          </div>
          {grp.note && <p className="muted small">{grp.note}</p>}
          <TaskTable tasks={grp.tasks} />
        </div>
      ))}
    </>
  );
}

export function TaskTable({ tasks, showConference = false }: { tasks: TaskView[]; showConference?: boolean }) {
  const t = useDict(DICT);
  const { lang } = useLang();
  const to = useTo();
  if (!tasks.length) return <p className="muted">{t.noTasks}</p>;
  return (
    <div className="table-wrap">
      <table className="data" data-testid="task-table">
        <thead>
          <tr>
            <th scope="col">{t.task}</th>{showConference && <th scope="col">{t.conference}</th>}
            <th scope="col">{t.responsible}</th><th scope="col">{t.deadline}</th><th scope="col">{t.status}</th><th scope="col" className="num">{t.progress}</th>
          </tr>
        </thead>
        <tbody>
          {tasks.map((k) => (
            <tr key={k.id} data-task={k.id} className={k.overdue ? 'cf-overdue' : undefined}>
              <th scope="row">
                <Link href={to(`/follow-up/tasks/${k.id}`)}>{k.title}</Link>
                {k.legal_basis.length > 0 && <div className="muted small">{t.legalBasis}: {k.legal_basis.join('; ')}</div>}
              </th>
              {showConference && <td className="small">{k.conference.title}</td>}
              <td className="small">{k.responsible_note ?? (joinNames(k.parties.slice(0, 4).map((p) => p.name), lang) + (k.parties.length > 4 ? ` ${t.andMore(k.parties.length - 4)}` : ''))}</td>
              <td className="small">{k.due_on ? dateLabel(k.due_on, lang) : k.due_note ?? '—'}</td>
              <td><Chip code={k.status} label={k.status_label} /></td>
              <td className="num">{k.percent === null ? '—' : `${formatNumber(k.percent, lang, { decimals: 1 })}%`}<div className="muted small">{t.reportedOf(k.coverage.reported, k.coverage.of)}</div></td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
