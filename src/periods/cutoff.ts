// Administrative data cut-offs (Decree 09/2019/NĐ-CP; Circular 14/2024/TT-BCT for clusters).
// Statistical series use calendar periods (calendar.ts); administrative reports use these windows.
import { PeriodError, type Period } from './core.ts';
import { monthRange } from './calendar.ts';
import { addDays, dayOfWeek, isoDate, isoTime } from './dates.ts';

export interface CutoffOptions {
  /** Day of the month on which a new reporting window starts (chốt số liệu). Default 15. */
  cutoffDay?: number;
}

export interface DeadlineOptions extends CutoffOptions {
  /** Working days after the window's last day. Default 2 (one province's decision). */
  workingDaysAfter?: number;
  /** ISO dates that are not working days (Tết, national holidays, compensation days). */
  holidays?: readonly string[];
  /** Days of the week that are not working days, 0 = Sunday. Default Saturday and Sunday. */
  weekend?: readonly number[];
}

export interface DateWindow {
  from: string;
  to: string;
}

function checkCutoffDay(day: number): void {
  // Up to 28 so that every month has the day, February included.
  if (!Number.isInteger(day) || day < 1 || day > 28) {
    throw new PeriodError('cutoffDay must be an integer in 1..28', day);
  }
}

/** The window runs from cutoffDay of the month before the first covered month to the day before
 *  cutoffDay of the last covered month: T10 → 15/9..14/10, 6T → 15/12 (previous year)..14/6. */
export function cutoffWindow(p: Period, { cutoffDay = 15 }: CutoffOptions = {}): DateWindow {
  checkCutoffDay(cutoffDay);
  const { first, last } = monthRange(p);
  return {
    from: isoDate(p.year, first - 1, cutoffDay),
    to: isoDate(p.year, last, cutoffDay - 1),
  };
}

function checkDeadlineOptions(workingDaysAfter: number, weekend: readonly number[]): void {
  if (!Number.isInteger(workingDaysAfter) || workingDaysAfter < 0 || workingDaysAfter > 366) {
    throw new PeriodError('workingDaysAfter must be an integer in 0..366', workingDaysAfter);
  }
  if (weekend.length >= 7 || weekend.some((d) => !Number.isInteger(d) || d < 0 || d > 6)) {
    throw new PeriodError('weekend must list at most 6 days in 0..6', weekend);
  }
}

/** The date `workingDaysAfter` working days after the window's last day. With 0, the last day
 *  itself, moved forward to the next working day if it is not one. */
export function submissionDeadline(p: Period, options: DeadlineOptions = {}): string {
  const { workingDaysAfter = 2, holidays = [], weekend = [0, 6] } = options;
  checkDeadlineOptions(workingDaysAfter, weekend);
  holidays.forEach(isoTime); // validates each date, throws PeriodError on a bad one
  const off = new Set(holidays);
  const isWorking = (iso: string) => !weekend.includes(dayOfWeek(iso)) && !off.has(iso);
  let day = cutoffWindow(p, options).to;
  let left = workingDaysAfter;
  if (left === 0) left = isWorking(day) ? 0 : 1;
  // Bounded so that a holiday list covering years of days cannot loop for ever.
  for (let guard = 0; left > 0 && guard < 5000; guard++) {
    day = addDays(day, 1);
    if (isWorking(day)) left--;
  }
  if (left > 0) throw new PeriodError('no working day found within 5000 days', options);
  return day;
}
