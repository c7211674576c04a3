// Due dates and what they make of each assignment and recommendation: answered on time or late,
// overdue, due soon; and the reminders the Agency sends. Dates are Vietnamese calendar days; a due
// date is inclusive (an answer on the due date is on time).
import { daysBetween } from '../dates.ts';
import { isOpen, type RecStatus } from './status.ts';

export type AssignmentState = 'answered_on_time' | 'answered_late' | 'overdue' | 'due_soon' | 'pending';

export const ASSIGNMENT_STATE_LABELS: Record<AssignmentState, { vi: string; en: string }> = {
  answered_on_time: { vi: 'Đã trả lời đúng hạn', en: 'Answered on time' },
  answered_late: { vi: 'Đã trả lời quá hạn', en: 'Answered late' },
  overdue: { vi: 'Quá hạn', en: 'Overdue' },
  due_soon: { vi: 'Sắp đến hạn', en: 'Due soon' },
  pending: { vi: 'Đang xử lý', en: 'In progress' },
};

export interface DeadlineRules {
  /** An unanswered assignment due within this many days is "due soon". */
  dueSoonDays: number;
  /** A recommendation waiting this many days for assignment is flagged to the Agency. */
  triageDays: number;
  /** An answered recommendation not closed after this many days is flagged too. */
  closureDays: number;
}

export const DEFAULT_RULES: DeadlineRules = { dueSoonDays: 7, triageDays: 10, closureDays: 15 };

export interface AssignmentDates {
  dueOn: string;
  answeredOn: string | null; // Vietnamese date of the answer
}

export function assignmentState(a: AssignmentDates, today: string, rules: DeadlineRules = DEFAULT_RULES): AssignmentState {
  if (a.answeredOn) return a.answeredOn <= a.dueOn ? 'answered_on_time' : 'answered_late';
  const left = daysBetween(today, a.dueOn);
  if (left < 0) return 'overdue';
  return left <= rules.dueSoonDays ? 'due_soon' : 'pending';
}

export interface RecDates {
  status: RecStatus;
  submittedOn: string;
  closeReason: string | null;
  assignments: AssignmentDates[];
}

/** Open with at least one assignment past its due date and unanswered. */
export function isOverdue(r: RecDates, today: string): boolean {
  return isOpen(r.status) && r.assignments.some((a) => assignmentState(a, today) === 'overdue');
}

/** Every assigned unit answered (whatever happened next). */
export function isAnswered(r: RecDates): boolean {
  return r.assignments.length > 0 && r.assignments.every((a) => a.answeredOn !== null);
}

export function isAnsweredOnTime(r: RecDates): boolean {
  return isAnswered(r) && r.assignments.every((a) => a.answeredOn! <= a.dueOn);
}

/** The nearest due date among unanswered assignments: what the list sorts and flags by. */
export function nextDue(r: RecDates): string | null {
  const open = r.assignments.filter((a) => !a.answeredOn).map((a) => a.dueOn).sort();
  return open[0] ?? null;
}

export type ReminderKind = 'overdue' | 'due_soon' | 'awaiting_assignment' | 'awaiting_closure';

export const REMINDER_LABELS: Record<ReminderKind, { vi: string; en: string }> = {
  overdue: { vi: 'Quá hạn trả lời', en: 'Answer overdue' },
  due_soon: { vi: 'Sắp đến hạn trả lời', en: 'Answer due soon' },
  awaiting_assignment: { vi: 'Chờ phân công quá lâu', en: 'Waiting too long for assignment' },
  awaiting_closure: { vi: 'Đã trả lời, chờ đóng', en: 'Answered, waiting to be closed' },
};

export interface Reminder {
  kind: ReminderKind;
  recommendationId: number;
  assignmentIndex: number | null;
  dueOn: string | null;
  days: number; // days overdue (positive), days left, or days waiting
}

export function reminders(
  r: RecDates & { id: number; answeredOn?: string | null }, today: string, rules: DeadlineRules = DEFAULT_RULES,
): Reminder[] {
  if (!isOpen(r.status)) return [];
  const out: Reminder[] = [];
  r.assignments.forEach((a, i) => {
    const s = assignmentState(a, today, rules);
    if (s === 'overdue') out.push({ kind: 'overdue', recommendationId: r.id, assignmentIndex: i, dueOn: a.dueOn, days: daysBetween(a.dueOn, today) });
    if (s === 'due_soon') out.push({ kind: 'due_soon', recommendationId: r.id, assignmentIndex: i, dueOn: a.dueOn, days: daysBetween(today, a.dueOn) });
  });
  if (r.status === 'submitted') {
    const waited = daysBetween(r.submittedOn, today);
    if (waited > rules.triageDays) out.push({ kind: 'awaiting_assignment', recommendationId: r.id, assignmentIndex: null, dueOn: null, days: waited });
  }
  if (r.status === 'answered') {
    const last = r.assignments.map((a) => a.answeredOn!).sort().at(-1)!;
    const waited = daysBetween(last, today);
    if (waited > rules.closureDays) out.push({ kind: 'awaiting_closure', recommendationId: r.id, assignmentIndex: null, dueOn: null, days: waited });
  }
  return out;
}

const URGENCY: Record<ReminderKind, number> = { overdue: 0, due_soon: 1, awaiting_assignment: 2, awaiting_closure: 3 };

export function sortReminders(list: Reminder[]): Reminder[] {
  return [...list].sort((a, b) => URGENCY[a.kind] - URGENCY[b.kind]
    || (a.kind === 'due_soon' ? a.days - b.days : b.days - a.days) || a.recommendationId - b.recommendationId);
}
