import { chinaWorkdays } from '../../cloudfunctions/services/src/calendar';
import { addWorkingDays, nextDate, workingDaysBetween, workingDeadline } from '../../miniprogram/core/working-days';

const at = (s: string) => new Date(s);

describe('working days across the 2026 National Day week (国庆 1–7 October; 调休 Sunday 20 September, Saturday 10 October)', () => {
  it('the calendar: holidays off, make-up days on, weekends otherwise off', () => {
    expect(chinaWorkdays('2026-09-30')).toBe(true); // Wednesday
    for (let d = 1; d <= 7; d += 1) expect(chinaWorkdays(`2026-10-0${d}`)).toBe(false);
    expect(chinaWorkdays('2026-10-08')).toBe(true); // Thursday
    expect(chinaWorkdays('2026-10-10')).toBe(true); // Saturday, 调休
    expect(chinaWorkdays('2026-10-11')).toBe(false); // Sunday
    expect(chinaWorkdays('2026-09-20')).toBe(true); // Sunday, 调休
    expect(chinaWorkdays('2026-10-17')).toBe(false); // an ordinary Saturday
  });

  it('one working day after Wednesday 30 September is Thursday 8 October', () => {
    expect(addWorkingDays(at('2026-09-30T10:00:00+08:00'), 1, chinaWorkdays)).toBe('2026-10-08');
  });

  it('the make-up Saturday counts: three working days after 30 September is Saturday 10 October', () => {
    expect(addWorkingDays(at('2026-09-30T10:00:00+08:00'), 2, chinaWorkdays)).toBe('2026-10-09');
    expect(addWorkingDays(at('2026-09-30T10:00:00+08:00'), 3, chinaWorkdays)).toBe('2026-10-10');
    expect(addWorkingDays(at('2026-09-30T10:00:00+08:00'), 4, chinaWorkdays)).toBe('2026-10-12');
  });

  it('a request made during the holiday counts from the first working day', () => {
    expect(addWorkingDays(at('2026-10-03T09:00:00+08:00'), 1, chinaWorkdays)).toBe('2026-10-08');
  });

  it('the make-up Sunday before the holiday counts too', () => {
    expect(addWorkingDays(at('2026-09-19T12:00:00+08:00'), 1, chinaWorkdays)).toBe('2026-09-20');
  });

  it('China dates, not UTC dates: 00:30 on 1 October in China is still 30 September in UTC', () => {
    // Under TZ=UTC (the suite's and the cloud's zone) the China date is what counts.
    expect(addWorkingDays(at('2026-10-01T00:30:00+08:00'), 1, chinaWorkdays)).toBe('2026-10-08');
    expect(addWorkingDays(at('2026-09-30T23:30:00+08:00'), 1, chinaWorkdays)).toBe('2026-10-08');
    expect(addWorkingDays(at('2026-09-29T23:30:00+08:00'), 1, chinaWorkdays)).toBe('2026-09-30');
  });

  it('the deadline is the end of that China day', () => {
    expect(workingDeadline(at('2026-09-30T10:00:00+08:00'), 1, chinaWorkdays).toISOString()).toBe(
      '2026-10-08T15:59:59.999Z',
    );
  });

  it('ten working days across the week and the 2025 National Day week too (调休 Sunday 28 September, Saturday 11 October)', () => {
    // 30 Sep 2026 + 10 working days: 8, 9, 10(Sat), 12, 13, 14, 15, 16, 19, 20 October.
    expect(addWorkingDays(at('2026-09-30T10:00:00+08:00'), 10, chinaWorkdays)).toBe('2026-10-20');
    expect(chinaWorkdays('2025-09-28')).toBe(true);
    expect(chinaWorkdays('2025-10-08')).toBe(false);
    expect(chinaWorkdays('2025-10-11')).toBe(true);
    expect(addWorkingDays(at('2025-09-30T10:00:00+08:00'), 1, chinaWorkdays)).toBe('2025-10-09');
  });

  it('counts working days between two instants', () => {
    expect(workingDaysBetween(at('2026-09-30T10:00:00+08:00'), at('2026-10-12T10:00:00+08:00'), chinaWorkdays)).toBe(4);
    expect(workingDaysBetween(at('2026-10-02T10:00:00+08:00'), at('2026-10-05T10:00:00+08:00'), chinaWorkdays)).toBe(0);
  });

  it('next date crosses months and years', () => {
    expect(nextDate('2026-12-31')).toBe('2027-01-01');
    expect(nextDate('2028-02-28')).toBe('2028-02-29');
  });
});
