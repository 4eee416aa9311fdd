/**
 * Working days (工作日) in China time, for the time limits of service requests (issue 12, 督办). Which dates are
 * working days is the State Council's yearly holiday notice: public holidays are off even on a weekday, and the
 * make-up working days (调休) are worked even on a Saturday or Sunday. That calendar is data the server binds
 * (`cloudfunctions/_lib/calendar.ts`, from the kept `chinese-days` package); the arithmetic here is pure.
 */
import { chinaDate, chinaEndOfDay, type IsoDate } from './china-time';

/** Whether a China date is a working day. */
export type WorkdayCalendar = (date: IsoDate) => boolean;

const DAY_MS = 24 * 60 * 60 * 1000;

/** The calendar date after `date`. */
export function nextDate(date: IsoDate): IsoDate {
  return new Date(new Date(`${date}T00:00:00Z`).getTime() + DAY_MS).toISOString().slice(0, 10);
}

/**
 * The `n`th working day after the China date of `from` (the day itself never counts, as "自受理之日起 N 个工作日"
 * counts): from Wednesday 30 September 2026 one working day is Thursday 8 October, after the National Day week.
 */
export function addWorkingDays(from: Date, n: number, isWorkday: WorkdayCalendar): IsoDate {
  let date = chinaDate(from);
  let left = Math.max(1, Math.floor(n));
  // A year holds at least 240 working days; the guard only stops a calendar that never works.
  for (let guard = 0; guard < 3660; guard += 1) {
    date = nextDate(date);
    if (isWorkday(date)) left -= 1;
    if (left === 0) return date;
  }
  throw new Error('calendar without working days');
}

/** The deadline `n` working days after `from`: the last millisecond of that China date. */
export function workingDeadline(from: Date, n: number, isWorkday: WorkdayCalendar): Date {
  return chinaEndOfDay(addWorkingDays(from, n, isWorkday));
}

/** Working days from the China date of `from` to that of `to` (the first day not counted, the last counted). */
export function workingDaysBetween(from: Date, to: Date, isWorkday: WorkdayCalendar): number {
  const end = chinaDate(to);
  let date = chinaDate(from);
  let count = 0;
  for (let guard = 0; date < end && guard < 3660; guard += 1) {
    date = nextDate(date);
    if (isWorkday(date)) count += 1;
  }
  return count;
}
