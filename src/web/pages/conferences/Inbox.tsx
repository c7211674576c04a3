// /follow-up/inbox: a ministry unit's work — what is overdue or due soon, every recommendation assigned
// to it with its state, and the conclusions' tasks it is responsible for.
import { Link } from 'wouter';
import { qs, useApi } from '../../api.ts';
import { useDict, useLang } from '../../i18n.ts';
import { useTitle, useTo } from '../../nav.ts';
import { dateLabel } from '../../fmt.ts';
import { ErrorBox, Loading } from '../../components/States.tsx';
import { RequireRole } from '../../session.tsx';
import { DICT } from './i18n.ts';
import { Chip, FollowUpTabs, useActor } from './shared.tsx';
import { RecommendationTable } from './RecommendationTable.tsx';
import { TaskTable } from './TaskGroups.tsx';
import type { TaskView } from './types.ts';

interface Reminders {
  today: string;
  reminders: Array<{ kind: string; label: string; days: number; due_on: string | null; recommendation: { id: number; title: string; province_name: string | null }; unit: { name: string | null } | null }>;
}

export function InboxPage() {
  const t = useDict(DICT);
  useTitle(t.inboxTitle);
  return (
    <div className="page cf-page cf-inbox">
      <h1 className="page-title">{t.inboxTitle}</h1>
      <FollowUpTabs />
      <RequireRole roles={['ministry_unit']}><Inbox /></RequireRole>
    </div>
  );
}

function Inbox() {
  const t = useDict(DICT);
  const { lang } = useLang();
  const to = useTo();
  const actor = useActor();
  const unit = actor?.ministryUnitSlug ?? '';
  const due = useApi<Reminders>(`/api/recommendations/reminders${qs({ lang })}`);
  const tasks = useApi<{ tasks: TaskView[]; total: number }>(unit ? `/api/tasks${qs({ unit, lang, limit: 500 })}` : null);
  return (
    <>
      <p className="lead">{t.inboxLead(actor?.displayName ?? '')}</p>
      <section className="panel" aria-labelledby="h-due">
        <h2 className="panel-title" id="h-due">{t.reminders}</h2>
        {due.error ? <ErrorBox error={due.error} retry={due.retry} /> : !due.data ? <Loading lines={2} /> : due.data.reminders.length === 0 ? <p className="muted">{t.noReminders}</p> : (
          <ul className="cf-plain" data-testid="reminders">
            {due.data.reminders.map((m, i) => (
              <li key={i}><Chip code={m.kind === 'overdue' ? 'overdue' : 'due_soon'} label={m.label} /> <Link href={to(`/follow-up/recommendations/${m.recommendation.id}`)}>{m.recommendation.title}</Link>
                <span className="muted small"> — {m.due_on ? t.dueOn(dateLabel(m.due_on, lang)) : ''} ({t.days(m.days)})</span></li>
            ))}
          </ul>
        )}
      </section>
      <h2 className="section-title">{t.assignedToUs}</h2>
      <div data-testid="inbox">{unit && <RecommendationTable query={{ unit }} empty={t.inboxEmpty} />}</div>
      <h2 className="section-title">{t.ourTasks}</h2>
      {tasks.error ? <ErrorBox error={tasks.error} retry={tasks.retry} /> : !tasks.data ? <Loading lines={3} /> : <TaskTable tasks={tasks.data.tasks} showConference />}
    </>
  );
}
