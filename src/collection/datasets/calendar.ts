// The reporting calendar: for each reporting period its data window and its deadline, following
// Decree 09/2019 (cut-off on the 15th, deadline a number of working days after) or calendar periods
// for statistical reporting; both configurable per data set, holidays are data, and the ministry can
// move a single deadline. And what a province's status is on a given day.
import { cutoffWindow, endDate, startDate, submissionDeadline, type Period } from '../../periods/period.ts';
import { addDays, dayOfWeek, isoTime } from '../../periods/dates.ts';
import type { Dataset } from './dataset.ts';

export interface CalendarEntry {
  windowFrom: string;
  windowTo: string;
  deadline: string;
  overridden: boolean;
  note: string | null;
}

export function computedCalendar(ds: Pick<Dataset, 'regime' | 'cutoffDay' | 'workingDaysAfter'>, p: Period, holidays: readonly string[]): CalendarEntry {
  if (ds.regime === 'decree09') {
    const w = cutoffWindow(p, { cutoffDay: ds.cutoffDay });
    const deadline = submissionDeadline(p, { cutoffDay: ds.cutoffDay, workingDaysAfter: ds.workingDaysAfter, holidays });
    return { windowFrom: w.from, windowTo: w.to, deadline, overridden: false, note: null };
  }
  const to = endDate(p);
  return { windowFrom: startDate(p), windowTo: to, deadline: workingDaysAfter(to, ds.workingDaysAfter, holidays), overridden: false, note: null };
}

/** `n` working days after `day` (Saturday, Sunday and the holidays are not working days). */
export function workingDaysAfter(day: string, n: number, holidays: readonly string[]): string {
  const off = new Set(holidays);
  const working = (d: string) => dayOfWeek(d) !== 0 && dayOfWeek(d) !== 6 && !off.has(d);
  let d = day;
  let left = n === 0 && !working(d) ? 1 : n;
  for (let guard = 0; left > 0 && guard < 5000; guard++) {
    d = addDays(d, 1);
    if (working(d)) left--;
  }
  return d;
}

/** Today in Vietnam (UTC+7, no daylight saving): deadlines are Vietnamese calendar days. */
export function vnDate(at: string | number | Date = Date.now()): string {
  return new Date(new Date(at).getTime() + 7 * 3600_000).toISOString().slice(0, 10);
}

export const daysBetween = (from: string, to: string): number => Math.round((isoTime(to) - isoTime(from)) / 86_400_000);

export const SUBMISSION_STATUSES = ['draft', 'submitted', 'returned', 'approved'] as const;
export type SubmissionStatus = (typeof SUBMISSION_STATUSES)[number];
export type BoardStatus = 'not_started' | SubmissionStatus | 'late';

export const STATUS_NAMES: Record<BoardStatus, { vi: string; en: string }> = {
  not_started: { vi: 'Chưa bắt đầu', en: 'Not started' },
  draft: { vi: 'Đang nhập', en: 'Draft' },
  submitted: { vi: 'Đã gửi', en: 'Submitted' },
  returned: { vi: 'Bị trả lại', en: 'Returned' },
  approved: { vi: 'Đã duyệt', en: 'Approved' },
  late: { vi: 'Quá hạn', en: 'Late' },
};

export interface BoardCell {
  status: BoardStatus;
  /** What the report itself is, even when the board shows it as late. */
  workflowStatus: 'not_started' | SubmissionStatus;
  /** Days after the deadline it was first submitted (> 0), or has been outstanding (> 0); else 0. */
  daysLate: number;
  submittedAt: string | null;
}

/** A report not yet submitted after its deadline is late; one submitted after it keeps its status and
 *  carries the days it was late by (first submission counts: a report returned for corrections and sent
 *  back is not made late by the review). */
export function boardCell(sub: { status: string; first_submitted_at: string | null } | null, deadline: string, today: string): BoardCell {
  const workflowStatus = (sub?.status ?? 'not_started') as BoardCell['workflowStatus'];
  const firstSubmitted = sub?.first_submitted_at ?? null;
  if (firstSubmitted) {
    const late = Math.max(0, daysBetween(deadline, vnDate(firstSubmitted)));
    return { status: workflowStatus, workflowStatus, daysLate: late, submittedAt: firstSubmitted };
  }
  const overdue = Math.max(0, daysBetween(deadline, today));
  return { status: overdue > 0 ? 'late' : workflowStatus, workflowStatus, daysLate: overdue, submittedAt: null };
}
