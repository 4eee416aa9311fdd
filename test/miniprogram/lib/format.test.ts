/** The app's one date style (issue 9 §17): every instant reads `2026年11月30日 23:51`, China time, with its year. */
import { chinaDateText, chinaDateTime, chinaTimeText } from '../../../miniprogram/lib/format';

describe('one date style', () => {
  it.each([
    ['2026-11-30T15:51:00.000Z', '2026年11月30日 23:51', '2026年11月30日', '23:51'],
    // Past midnight in China while it is still the day before in UTC.
    ['2027-07-31T16:30:00.000Z', '2027年8月1日 00:30', '2027年8月1日', '00:30'],
    ['2027-07-31T15:59:59.999Z', '2027年7月31日 23:59', '2027年7月31日', '23:59'],
  ])('%s → %s', (iso, dateTime, date, time) => {
    expect(chinaDateTime(iso)).toBe(dateTime);
    expect(chinaDateText(iso)).toBe(date);
    expect(chinaTimeText(iso)).toBe(time);
  });

  it.each([null, '', 'not a date'])('%p → empty', (iso) => {
    expect(chinaDateTime(iso)).toBe('');
    expect(chinaDateText(iso)).toBe('');
    expect(chinaTimeText(iso)).toBe('');
  });
});
