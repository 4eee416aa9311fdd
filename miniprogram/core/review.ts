/**
 * Who decides on a unit's nominations (R4.2, issue 9 §2): the unit's own admin; a unit that has no admin account
 * yet is reviewed by the level above — its district, or the city for a city-level unit — and the record says so.
 * Everyone else in scope follows progress without deciding. The pages ask the same rule what to offer.
 */
import type { Org, Role, RoleGrant } from './org';
import { grantsCover, type OrgRef } from './scope';

export type ReviewerLevel = 'unit' | 'district' | 'city';

export const REVIEWER_ROLE: Record<ReviewerLevel, Role> = {
  unit: 'unitAdmin',
  district: 'districtAdmin',
  city: 'cityAdmin',
};

/** The level that reviews for `unit`, given whether it has an admin account. */
export function reviewerLevel(unit: Pick<Org, 'districtId'>, hasUnitAdmin: boolean): ReviewerLevel {
  if (hasUnitAdmin) return 'unit';
  return unit.districtId ? 'district' : 'city';
}

/** Whether someone holding `grants` decides for `unit` when `level` reviews it. */
export function decides(grants: readonly RoleGrant[], unit: OrgRef, level: ReviewerLevel): boolean {
  return grantsCover(grants, unit, [REVIEWER_ROLE[level]]);
}

/** The history's mark on a decision the level above took for a unit without an admin. */
export type OnBehalf = Exclude<ReviewerLevel, 'unit'>;

export const ON_BEHALF_LABELS: Record<OnBehalf, string> = {
  district: '由区县团委代为审核（本单位尚无管理员）',
  city: '由团市委代为审核（本单位尚无管理员）',
};

/** What a reviewer's page says about who may act and why. */
export function reviewerNote(level: ReviewerLevel, mayDecide: boolean): string {
  if (level === 'unit') return mayDecide ? '' : '本单位审核由单位管理员负责，区县和团市委仅可查看';
  const who = level === 'district' ? '区县团委' : '团市委';
  return mayDecide
    ? `本单位尚无管理员账号，由${who}代为审核，审核记录将注明“代为审核”`
    : `本单位尚无管理员账号，由${who}代为审核，您仅可查看`;
}

/** A unit's places as the reviewer sees them before approving (R3.2, issue 9 §5). */
export interface QuotaLeft {
  limit: number;
  used: number;
}

export function placesLeft(q: QuotaLeft): number {
  return Math.max(0, q.limit - q.used);
}

export function quotaText(q: QuotaLeft): string {
  return `本单位名额${q.limit}名，已通过${q.used}名，剩余${placesLeft(q)}名`;
}
