// Whether a task of a conference's conclusions is done, on track or late, from the progress reports
// of the units responsible. Pure. A unit that has not reported is "no report", never 0%: missing is
// not zero, and the task's percent is the mean over the units that reported, with coverage shown.
import { daysBetween } from '../dates.ts';

export type TaskStatus = 'done' | 'on_track' | 'late' | 'no_report';

export const TASK_STATUS_LABELS: Record<TaskStatus, { vi: string; en: string }> = {
  done: { vi: 'Hoàn thành', en: 'Done' },
  on_track: { vi: 'Đúng tiến độ', en: 'On track' },
  late: { vi: 'Chậm tiến độ', en: 'Late' },
  no_report: { vi: 'Chưa báo cáo', en: 'No report yet' },
};

export interface ProgressRules {
  /** Percentage points a unit may lag the straight line from start to due date before it is late. */
  tolerance: number;
}
export const DEFAULT_PROGRESS_RULES: ProgressRules = { tolerance: 15 };

export interface LatestReport {
  percent: number;
  reportedOn: string;
}

export interface Schedule {
  startsOn: string | null;
  dueOn: string | null;
}

/** Percent expected by `today` on a straight line from start to due date; null without both dates. */
export function expectedPercent(s: Schedule, today: string): number | null {
  if (!s.startsOn || !s.dueOn) return null;
  const span = daysBetween(s.startsOn, s.dueOn);
  if (span <= 0) return today >= s.dueOn ? 100 : 0;
  const t = daysBetween(s.startsOn, today) / span;
  return Math.round(Math.min(1, Math.max(0, t)) * 1000) / 10;
}

export interface PartyProgress {
  status: TaskStatus;
  percent: number | null;
  expected: number | null;
  overdue: boolean; // due date passed and not done
  doneLate: boolean;
}

export function partyProgress(latest: LatestReport | null, s: Schedule, today: string, rules = DEFAULT_PROGRESS_RULES): PartyProgress {
  const expected = expectedPercent(s, today);
  const pastDue = !!s.dueOn && today > s.dueOn;
  if (!latest) return { status: 'no_report', percent: null, expected, overdue: pastDue, doneLate: false };
  if (latest.percent >= 100) {
    return { status: 'done', percent: 100, expected, overdue: false, doneLate: !!s.dueOn && latest.reportedOn > s.dueOn };
  }
  const behind = expected !== null && latest.percent + rules.tolerance < expected;
  return { status: pastDue || behind ? 'late' : 'on_track', percent: latest.percent, expected, overdue: pastDue, doneLate: false };
}

export interface TaskProgress {
  status: TaskStatus;
  percent: number | null;
  reported: number;
  of: number;
  overdue: boolean;
}

/** The task from its units: done when all are done, late when any is late, no report when none reported. */
export function taskProgress(parties: PartyProgress[]): TaskProgress {
  const reported = parties.filter((p) => p.status !== 'no_report');
  const percent = reported.length ? Math.round((reported.reduce((s, p) => s + p.percent!, 0) / reported.length) * 10) / 10 : null;
  let status: TaskStatus;
  if (!parties.length || !reported.length) status = 'no_report';
  else if (parties.every((p) => p.status === 'done')) status = 'done';
  else if (parties.some((p) => p.status === 'late')) status = 'late';
  else status = 'on_track';
  return { status, percent, reported: reported.length, of: parties.length, overdue: parties.some((p) => p.overdue) };
}
