/**
 * China time without the host's zone. China has kept UTC+8 with no daylight
 * saving since 1991, so a fixed offset is exact for every date this product
 * handles (R4.3). Dates are `YYYY-MM-DD` strings in Asia/Shanghai.
 */
export const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;

export type IsoDate = string; // YYYY-MM-DD

/** The calendar date in China at `instant`. */
export function chinaDate(instant: Date): IsoDate {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 10);
}

/** The instant at which `date` begins in China (00:00 +08:00). */
export function chinaStartOfDay(date: IsoDate): Date {
  return new Date(`${date}T00:00:00+08:00`);
}

/** The last millisecond of `date` in China (23:59:59.999 +08:00). */
export function chinaEndOfDay(date: IsoDate): Date {
  return new Date(chinaStartOfDay(date).getTime() + 24 * 60 * 60 * 1000 - 1);
}

/** True for a real calendar date written as YYYY-MM-DD. */
export function isValidIsoDate(date: string): boolean {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date);
  if (!m) return false;
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const probe = new Date(Date.UTC(y, mo - 1, d));
  return probe.getUTCFullYear() === y && probe.getUTCMonth() === mo - 1 && probe.getUTCDate() === d;
}

/** Whole years from `birth` to `on` (both YYYY-MM-DD), as Chinese law counts age (周岁). */
export function fullYears(birth: IsoDate, on: IsoDate): number {
  const [by, bm, bd] = birth.split('-').map(Number);
  const [oy, om, od] = on.split('-').map(Number);
  let years = oy - by;
  if (om < bm || (om === bm && od < bd)) years -= 1;
  return years;
}

/** `date` moved by `years` calendar years; 29 Feb maps to 28 Feb in common years. */
export function addYears(date: IsoDate, years: number): IsoDate {
  const [y, m, d] = date.split('-').map(Number);
  const target = y + years;
  const day = m === 2 && d === 29 && !isLeapYear(target) ? 28 : d;
  return `${String(target).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

export function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

/** Human form used in messages: 1986年6月1日. */
export function chineseDate(date: IsoDate): string {
  const [y, m, d] = date.split('-').map(Number);
  return `${y}年${m}月${d}日`;
}

/** `instant` as China's clock shows it: `23:51`. */
export function chinaClock(instant: Date): string {
  return new Date(instant.getTime() + CHINA_OFFSET_MS).toISOString().slice(11, 16);
}

/**
 * The one style for an instant, on the phone and in messages (HOUSE_STYLE): `2026年11月30日 23:51` in China
 * time; a date alone is `chineseDate(chinaDate(instant))`, `2027年7月31日`, always with its year.
 */
export function chineseDateTime(instant: Date): string {
  return `${chineseDate(chinaDate(instant))} ${chinaClock(instant)}`;
}

/** Whole days and hours left until `deadline`, never negative. */
export function timeLeft(now: Date, deadline: Date): { days: number; hours: number; passed: boolean } {
  const ms = deadline.getTime() - now.getTime();
  if (ms <= 0) return { days: 0, hours: 0, passed: true };
  const hours = Math.floor(ms / 3_600_000);
  return { days: Math.floor(hours / 24), hours: hours % 24, passed: false };
}
