/**
 * Mentoring (导师服务团, 结对, R5.4): the mentor group's vocabulary and the transition tables of mentors and
 * matches. Pure: no clock, no store (callers pass what they read).
 */
import { allows, type TransitionTable } from './workflow';

/** The sectors (系统/行业) a mentor works in and a youth belongs to; "同属金融系统" is a reason to pair. */
export { SECTORS, MAX_CAPACITY, MAX_EXPERTISE, MAX_GOALS, type Sector } from './contracts/mentoring-forms';
import type { Sector } from './contracts/mentoring-forms';

export const SECTOR_LABELS: Record<Sector, string> = {
  party_gov: '党政机关',
  finance: '金融系统',
  education: '教育系统',
  health: '卫生健康系统',
  law: '政法系统',
  manufacturing: '制造业',
  digital: '数字经济',
  agriculture: '农业农村',
  culture: '文化旅游',
  transport: '交通运输',
  construction: '建设系统',
  commerce: '商贸服务',
  social: '社会组织',
};

/**
 * The areas of expertise the city starts with; the city admin maintains the list (`mentoring.saveExpertise`).
 * A mentor picks what they are good at, a youth what they want to grow in, from the same list.
 */
export const DEFAULT_EXPERTISE: readonly string[] = [
  '数字化改革',
  '科技创新',
  '乡村振兴',
  '基层治理',
  '企业管理',
  '金融服务',
  '法律实务',
  '宣传文化',
  '教育培训',
  '医疗卫生',
  '创新创业',
  '党建引领',
  '志愿服务',
  '技能提升',
];

// ---- mentors -------------------------------------------------------------------------------------------------

export const MENTOR_STATUSES = ['active', 'paused'] as const;
export type MentorStatus = (typeof MENTOR_STATUSES)[number];
export const MENTOR_STATUS_LABELS: Record<MentorStatus, string> = { active: '在岗', paused: '已暂停' };
export type MentorEvent = 'pause' | 'resume';
export type MentorRequirement = 'reason';

/** An admin pauses a mentor (no new matches; current pairs go on) with a reason, and resumes them. */
export const MENTOR_FLOW = [
  { from: ['active'], event: 'pause', to: 'paused', requires: ['reason'] },
  { from: ['paused'], event: 'resume', to: 'active' },
] as const satisfies TransitionTable<MentorStatus, MentorEvent, MentorRequirement>;

// ---- matches -------------------------------------------------------------------------------------------------

export const MATCH_STATUSES = ['draft', 'published', 'active', 'declined', 'ended', 'discarded'] as const;
export type MatchStatus = (typeof MATCH_STATUSES)[number];
export const MATCH_STATUS_LABELS: Record<MatchStatus, string> = {
  draft: '待发布',
  published: '待导师确认',
  active: '结对中',
  declined: '已婉拒',
  ended: '已结束',
  discarded: '已撤销',
};

export type MatchEvent = 'publish' | 'discard' | 'accept' | 'decline' | 'end';

/**
 * What a move needs first, in order: `mentorParty` / `party` the caller is the match's mentor / the mentor or the
 * youth; `reason` a reason; `takeMentor` a place of the mentor's capacity taken (the mentor active);
 * `takeYouth` the youth not in another open match; `releaseMentor` / `releaseYouth` both given back.
 */
export type MatchRequirement =
  'mentorParty' | 'party' | 'reason' | 'takeMentor' | 'takeYouth' | 'releaseMentor' | 'releaseYouth';

/**
 * A match is proposed as a draft (one youth from the suggestions, or a batch run), reviewed and published by the
 * admin (both sides told), then confirmed by the mentor; either side may decline a published match with a reason
 * and the admin may end an active one with a reason. Declined and ended matches return the youth to the pool.
 */
export const MATCH_FLOW = [
  { from: ['draft'], event: 'publish', to: 'published', requires: ['takeMentor', 'takeYouth'] },
  { from: ['draft'], event: 'discard', to: 'discarded' },
  { from: ['published'], event: 'accept', to: 'active', requires: ['mentorParty'] },
  {
    from: ['published'],
    event: 'decline',
    to: 'declined',
    requires: ['party', 'reason', 'releaseMentor', 'releaseYouth'],
  },
  { from: ['active'], event: 'end', to: 'ended', requires: ['reason', 'releaseMentor', 'releaseYouth'] },
] as const satisfies TransitionTable<MatchStatus, MatchEvent, MatchRequirement>;

/** Statuses in which the youth is taken and the mentor's place used. */
export const OPEN_MATCH_STATUSES: readonly MatchStatus[] = ['published', 'active'];

export const canDecline = (status: MatchStatus): boolean => allows(MATCH_FLOW, status, 'decline');
export const canAccept = (status: MatchStatus): boolean => allows(MATCH_FLOW, status, 'accept');

/** Whether a mentor's profile has what matching needs. */
export function profileComplete(p: { orgName: string; sector: string | null; districtId: string | null }): boolean {
  return p.orgName !== '' && p.sector !== null && p.districtId !== null;
}
