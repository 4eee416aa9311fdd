/**
 * Resident ID numbers (GB 11643-1999): 17 digits + an ISO 7064 MOD 11-2 check
 * character. R2.4: the birth date comes from digits 7–14; a bad check digit,
 * an impossible date or an unknown format is refused.
 */
import { isValidIsoDate, type IsoDate } from './china-time';
import { err, ok, type Result } from './result';

const WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2];
const CHECK_CHARS = '10X98765432';

export type Sex = 'male' | 'female';

export interface IdNumberInfo {
  /** Upper-cased, trimmed 18-character form. */
  normalized: string;
  regionCode: string;
  birthDate: IsoDate;
  sex: Sex;
}

export type IdNumberError =
  'ELIGIBILITY.ID_FORMAT' | 'ELIGIBILITY.ID_REGION' | 'ELIGIBILITY.ID_CHECKSUM' | 'ELIGIBILITY.ID_DATE';

/**
 * The provinces of GB/T 2260 (the first two digits of the region code): 11–15, 21–23, 31–37, 41–46, 50–54,
 * 61–65, 71 Taiwan, 81 Hong Kong, 82 Macao, 83 the residence permits of Taiwan residents.
 */
export const PROVINCE_CODES = [
  '11',
  '12',
  '13',
  '14',
  '15',
  '21',
  '22',
  '23',
  '31',
  '32',
  '33',
  '34',
  '35',
  '36',
  '37',
  '41',
  '42',
  '43',
  '44',
  '45',
  '46',
  '50',
  '51',
  '52',
  '53',
  '54',
  '61',
  '62',
  '63',
  '64',
  '65',
  '71',
  '81',
  '82',
  '83',
] as const;

export function normalizeIdNumber(raw: string): string {
  return raw.replace(/\s+/g, '').toUpperCase();
}

/** The check character for the first 17 digits. */
export function idCheckChar(first17: string): string {
  let sum = 0;
  for (let i = 0; i < 17; i += 1) sum += Number(first17[i]) * WEIGHTS[i];
  return CHECK_CHARS[sum % 11];
}

export function parseIdNumber(raw: string): Result<IdNumberInfo, IdNumberError> {
  const normalized = normalizeIdNumber(raw);
  if (!/^\d{17}[\dX]$/.test(normalized)) return err('ELIGIBILITY.ID_FORMAT');
  // 18 characters, but no province starts that way (999999…): say so, not "应为18位" (issue 9 §11).
  if (!(PROVINCE_CODES as readonly string[]).includes(normalized.slice(0, 2))) return err('ELIGIBILITY.ID_REGION');
  const birthDate = `${normalized.slice(6, 10)}-${normalized.slice(10, 12)}-${normalized.slice(12, 14)}`;
  if (!isValidIsoDate(birthDate) || birthDate < '1900-01-01') return err('ELIGIBILITY.ID_DATE');
  if (idCheckChar(normalized.slice(0, 17)) !== normalized[17]) return err('ELIGIBILITY.ID_CHECKSUM');
  return ok({
    normalized,
    regionCode: normalized.slice(0, 6),
    birthDate,
    sex: Number(normalized[16]) % 2 === 1 ? 'male' : 'female',
  });
}

/** 330602********123X — keeps the region and the last four (R9.1). */
export function maskIdNumber(idNumber: string): string {
  const n = normalizeIdNumber(idNumber);
  if (n.length < 10) return '*'.repeat(n.length);
  return `${n.slice(0, 6)}${'*'.repeat(n.length - 10)}${n.slice(-4)}`;
}

/** Mainland mobile numbers: 11 digits starting 1[3-9]. */
export function isMobilePhone(phone: string): boolean {
  return /^1[3-9]\d{9}$/.test(phone);
}

/**
 * An objector's contact (issue 9 §8): a mainland mobile (11 digits, 1[3-9]…) or a landline with its area code
 * (0 + 2–3 digits, a dash optional, 7–8 digits), nothing else.
 */
export const CONTACT_PATTERN = /^(1[3-9]\d{9}|0\d{2,3}-?\d{7,8})$/;

export function isContactPhone(value: string): boolean {
  return CONTACT_PATTERN.test(value);
}

/** 138****0000, 0575-****5678: the first three (or the area code) and the last four. */
export function maskContact(value: string): string {
  if (isMobilePhone(value)) return maskPhone(value);
  const digits = value.replace('-', '');
  const area = value.includes('-')
    ? value.slice(0, value.indexOf('-'))
    : digits.slice(0, digits.length - 8 >= 3 ? 4 : 3);
  return `${area}-****${digits.slice(-4)}`;
}

/** 138****0000 */
export function maskPhone(phone: string): string {
  if (phone.length !== 11) return '*'.repeat(phone.length);
  return `${phone.slice(0, 3)}****${phone.slice(7)}`;
}
