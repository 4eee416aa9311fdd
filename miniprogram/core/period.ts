/**
 * A period (每三年实施一期, R1.1) carries its own rules (R1.2). Instants are ISO
 * strings with an explicit +08:00 offset; dates are China-time YYYY-MM-DD.
 */
import { addYears, chinaEndOfDay, type IsoDate } from './china-time';

export interface PeriodRules {
  _id: string;
  name: string;
  /** Age is measured against this date: the cutoff is `maxAge` years before it. */
  referenceDate: IsoDate;
  /** R2.1: born on or after this date is eligible. */
  cutoffBirthDate: IsoDate;
  /** The youngest plausible nominee (labour law: 16). */
  minAge: number;
  nominationOpensAt: string;
  /** R4.3: selection ends with July; stored as an explicit +08:00 instant. */
  nominationDeadline: string;
  filingDeadline: string;
  /** R3.1: one suggested place per `quotaRatio` youths. */
  quotaRatio: number;
  /** R6.1: Party recommendation through the League up to this age. */
  partyAgeLimit: number;
  /** R1.1: city-wide target shown on dashboards. */
  target: number;
  /** R9.2: days a withdrawn nomination's personal data is kept before erasure. */
  retentionDays: number;
  /** Whom the public notice names for questions (公示联系方式), e.g. the League office and its phone. */
  noticeContact?: string;
}

/** R1.2: cutoff = `maxAge` years before the reference date (2021 period: 2021-06-01 → 1986-06-01). */
export function cutoffFromReference(referenceDate: IsoDate, maxAge: number): IsoDate {
  return addYears(referenceDate, -maxAge);
}

/** The default deadline of a period's selection year: 31 July, end of day, China time (R4.3). */
export function julyDeadline(year: number): string {
  return chinaEndOfDay(`${year}-07-31`).toISOString();
}

export type WindowState = 'not_open' | 'open' | 'closed';

export function nominationWindow(
  period: Pick<PeriodRules, 'nominationOpensAt' | 'nominationDeadline'>,
  now: Date,
): WindowState {
  const t = now.getTime();
  if (t < new Date(period.nominationOpensAt).getTime()) return 'not_open';
  if (t > new Date(period.nominationDeadline).getTime()) return 'closed';
  return 'open';
}
