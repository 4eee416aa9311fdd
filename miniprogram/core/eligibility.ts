/**
 * R2 eligibility, evaluated the same way on the phone (instant feedback) and
 * on the server (the authority, R2.5). Pure: the caller passes `now`.
 */
import { chinaDate, fullYears, type IsoDate } from './china-time';
import type { EligibilityCode } from './errors';
import { isMobilePhone, parseIdNumber, type Sex } from './id-number';
import type { PeriodRules } from './period';
import { ATTESTATIONS, type Attestation } from './profile';
import { err, ok, type Result } from './result';

export interface Candidate {
  idNumber: string;
  phone?: string;
  /** R2.2 declared by the nominee; confirmed by the reviewer later. */
  onStaff?: boolean;
  /** R2.3 criteria 1–3, each attested. */
  attestations?: Record<Attestation, boolean>;
}

export interface Eligible {
  birthDate: IsoDate;
  sex: Sex;
  /** Age in full years on the day of the check, China time. */
  age: number;
}

export interface Ineligible {
  code: EligibilityCode;
  field: 'idNumber' | 'phone' | 'onStaff' | `attestations.${Attestation}`;
  /** Values the message needs, e.g. the cutoff date. */
  params: Record<string, string | number>;
}

export type EligibilityRules = Pick<PeriodRules, 'cutoffBirthDate' | 'minAge'>;

export function checkEligibility(
  candidate: Candidate,
  rules: EligibilityRules,
  now: Date,
): Result<Eligible, Ineligible> {
  const id = parseIdNumber(candidate.idNumber);
  if (!id.ok) return err({ code: id.error, field: 'idNumber', params: {} });
  const { birthDate, sex } = id.value;
  const today = chinaDate(now);
  if (birthDate > today) return err({ code: 'ELIGIBILITY.ID_DATE', field: 'idNumber', params: {} });
  // R2.1 born on or after the cutoff; the cutoff day itself is eligible (Decision in REQUIREMENTS.md).
  if (birthDate < rules.cutoffBirthDate) {
    return err({
      code: 'ELIGIBILITY.TOO_OLD',
      field: 'idNumber',
      params: { cutoff: rules.cutoffBirthDate, birthDate },
    });
  }
  const age = fullYears(birthDate, today);
  if (age < rules.minAge) {
    return err({ code: 'ELIGIBILITY.TOO_YOUNG', field: 'idNumber', params: { minAge: rules.minAge, birthDate } });
  }
  if (candidate.phone !== undefined && !isMobilePhone(candidate.phone)) {
    return err({ code: 'ELIGIBILITY.PHONE_FORMAT', field: 'phone', params: {} });
  }
  // R2.2 only nominees on the unit's formal staff (在编) qualify.
  if (candidate.onStaff === false) return err({ code: 'ELIGIBILITY.NOT_ON_STAFF', field: 'onStaff', params: {} });
  const missing = candidate.attestations ? ATTESTATIONS.find((a) => candidate.attestations?.[a] !== true) : undefined;
  if (missing)
    return err({ code: 'ELIGIBILITY.ATTESTATION_MISSING', field: `attestations.${missing}`, params: { missing } });
  return ok({ birthDate, sex, age });
}
