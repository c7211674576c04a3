// The figures of a consolidated list: how many recommendations, answered, answered on time, still
// open, overdue — and the same per ministry unit. Pure over the facts of each recommendation.
import { assignmentState, isAnswered, isAnsweredOnTime, isOverdue, type RecDates } from './deadlines.ts';

export interface UnitFigures {
  unit: string;
  assigned: number;
  answered: number;
  answered_on_time: number;
  answered_late: number;
  pending: number;
  overdue: number;
}

export interface RecFigures {
  total: number; // withdrawn ones excluded: they were taken back
  withdrawn: number;
  awaiting_assignment: number;
  open: number; // waiting for an answer (not yet assigned, or some unit has not answered)
  overdue: number;
  answered: number; // every assigned unit answered
  answered_on_time: number;
  awaiting_closure: number;
  closed: number;
  answered_on_time_pct: number | null; // of answered
  by_unit: UnitFigures[];
  by_field: { field: string; total: number; answered: number; open: number }[];
}

export function recommendationFigures(
  recs: (RecDates & { field: string; assignments: (RecDates['assignments'][number] & { unit: string })[] })[],
  today: string,
): RecFigures {
  const live = recs.filter((r) => r.status !== 'withdrawn');
  const answered = live.filter(isAnswered);
  const onTime = answered.filter(isAnsweredOnTime);
  const units = new Map<string, UnitFigures>();
  for (const r of live) {
    for (const a of r.assignments) {
      const u = units.get(a.unit) ?? { unit: a.unit, assigned: 0, answered: 0, answered_on_time: 0, answered_late: 0, pending: 0, overdue: 0 };
      u.assigned++;
      const s = assignmentState(a, today);
      if (s === 'answered_on_time') { u.answered++; u.answered_on_time++; }
      else if (s === 'answered_late') { u.answered++; u.answered_late++; }
      else if (r.status === 'closed') { /* closed without this unit's answer: neither pending nor overdue */ }
      else if (s === 'overdue') { u.pending++; u.overdue++; }
      else u.pending++;
      units.set(a.unit, u);
    }
  }
  const fields = new Map<string, { field: string; total: number; answered: number; open: number }>();
  for (const r of live) {
    const f = fields.get(r.field) ?? { field: r.field, total: 0, answered: 0, open: 0 };
    f.total++;
    if (isAnswered(r)) f.answered++;
    if (r.status === 'submitted' || r.status === 'assigned') f.open++;
    fields.set(r.field, f);
  }
  return {
    total: live.length,
    withdrawn: recs.length - live.length,
    awaiting_assignment: live.filter((r) => r.status === 'submitted').length,
    open: live.filter((r) => r.status === 'submitted' || r.status === 'assigned').length,
    overdue: live.filter((r) => isOverdue(r, today)).length,
    answered: answered.length,
    answered_on_time: onTime.length,
    awaiting_closure: live.filter((r) => r.status === 'answered').length,
    closed: live.filter((r) => r.status === 'closed').length,
    answered_on_time_pct: answered.length ? Math.round((onTime.length / answered.length) * 10_000) / 100 : null,
    by_unit: [...units.values()].sort((a, b) => b.assigned - a.assigned || a.unit.localeCompare(b.unit)),
    by_field: [...fields.values()].sort((a, b) => b.total - a.total || a.field.localeCompare(b.field)),
  };
}
