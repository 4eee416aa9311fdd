/**
 * 师徒协议 (issue 11): the agreement a pair signs once the mentor confirmed the match — its text, generated from the
 * pair's data in the wording a League committee prints, its transition table, and the first-meeting pairing fit
 * (合适 / 再看看 / 不合适). Pure: no clock, no hashing (the server hashes the text; the phone shows it).
 */
import { allows, type TransitionTable } from './workflow';

export const AGREEMENT_STATUSES = ['unsigned', 'signing', 'active', 'completed', 'ended'] as const;
export type AgreementStatus = (typeof AGREEMENT_STATUSES)[number];
export const AGREEMENT_STATUS_LABELS: Record<AgreementStatus, string> = {
  unsigned: '待签署',
  signing: '签署中',
  active: '履行中',
  completed: '已结业',
  ended: '已终止',
};

export type AgreementEvent = 'edit' | 'sign' | 'complete' | 'end';
/**
 * `party` the caller is the mentor or the youth of the agreement; `mentorParty` the mentor; `notSigned` the caller
 * has not signed yet; `sameText` the hash the caller read is the agreement's; `signature` the hand signature (an
 * own PNG upload, never used on another agreement) recorded; `reason` a reason; `assessment` a final rating of
 * every goal set at the start; `endMatch` the match ended, the mentor's place and the youth given back.
 */
export type AgreementRequirement =
  'party' | 'mentorParty' | 'notSigned' | 'sameText' | 'signature' | 'reason' | 'assessment' | 'endMatch';

/**
 * The text may change (`edit`) only before anyone signed; the first signature freezes it (`signing`), the second
 * makes the agreement active. The mentor completes an active agreement with the final assessment; either party
 * or an admin ends it early with a reason (the cadre check is the action's).
 */
export const AGREEMENT_FLOW = [
  { from: ['unsigned'], event: 'edit', to: 'unsigned', requires: ['party'] },
  { from: ['unsigned'], event: 'sign', to: 'signing', requires: ['party', 'notSigned', 'sameText', 'signature'] },
  { from: ['signing'], event: 'sign', to: 'active', requires: ['party', 'notSigned', 'sameText', 'signature'] },
  { from: ['active'], event: 'complete', to: 'completed', requires: ['mentorParty', 'assessment', 'endMatch'] },
  { from: ['unsigned', 'signing', 'active'], event: 'end', to: 'ended', requires: ['reason', 'endMatch'] },
] as const satisfies TransitionTable<AgreementStatus, AgreementEvent, AgreementRequirement>;

export const canSign = (s: AgreementStatus): boolean => allows(AGREEMENT_FLOW, s, 'sign');
export const canEditTerms = (s: AgreementStatus): boolean => allows(AGREEMENT_FLOW, s, 'edit');
export const canComplete = (s: AgreementStatus): boolean => allows(AGREEMENT_FLOW, s, 'complete');
export const canEnd = (s: AgreementStatus): boolean => allows(AGREEMENT_FLOW, s, 'end');

export type Party = 'mentor' | 'youth';
export const PARTY_LABELS: Record<Party, string> = { mentor: '导师', youth: '青年' };

/** How long a pair works together, in months, and how often a cycle (and at least one meeting) comes round. */
export const AGREEMENT_MONTHS = [6, 12, 24] as const;
export const CYCLE_DAYS = [14, 30, 60] as const;
export const DEFAULT_MONTHS = 12;
export const DEFAULT_CYCLE_DAYS = 30;
export const CYCLE_LABELS: Record<number, string> = { 14: '每两周', 30: '每月', 60: '每两个月' };

/** A goal and how the youth rates themselves on it, 1 (起步) to 5 (熟练): at the start, and again at completion. */
export interface AgreementGoal {
  goal: string;
  start: number;
  final: number | null;
}
export const RATING_MIN = 1;
export const RATING_MAX = 5;

export interface AgreementTerms {
  mentorName: string;
  mentorOrg: string;
  youthName: string;
  unitName: string;
  goals: readonly AgreementGoal[];
  note: string;
  months: number;
  cycleDays: number;
  /** The year the agreement was drawn up (China time). */
  year: string;
}

export const AGREEMENT_TITLE = '“好青年”导师结对培养师徒协议';

/**
 * The agreement's text, paragraph by paragraph, as a League committee prints it. Everything a signature covers is
 * in here, so its hash is the hash of what both parties read.
 */
export function agreementParagraphs(t: AgreementTerms): string[] {
  const cycle = CYCLE_LABELS[t.cycleDays] ?? `每${t.cycleDays}天`;
  const goals = t.goals.map((g, i) => `${i + 1}. ${g.goal}（青年自评起点：${g.start}/${RATING_MAX}）`);
  return [
    `为深入实施“好青年”选育工程，落实导师结对培养要求，构建“学习、评价、反馈、提升”闭环培养机制，经共青团组织安排，导师${t.mentorName}（${t.mentorOrg}）与青年${t.youthName}（${t.unitName}）自愿结为师徒，签订本协议。`,
    `一、结对期限。本协议结对期限为${t.months}个月，自双方签署之日起计算；期满经结业评估后结对结束。`,
    ['二、培养目标。', ...goals, ...(t.note ? [`青年补充说明：${t.note}`] : [])].join('\n'),
    `三、培养周期与见面频次。培养以${cycle}为一个周期，每个周期导师与青年至少见面交流一次（线下、线上或电话均可），并在小程序中记录。`,
    '四、导师职责。导师应关心青年思想、工作和成长，每个周期布置学习任务，按时对青年的学习报告作出评价（评分和评语），帮助青年明确提升方向；遵守保密纪律，不泄露青年个人信息。',
    '五、青年职责。青年应虚心学习，按时完成学习任务并提交学习报告，认真阅读导师评价并确认，制定改进计划并按期落实；尊重导师，主动沟通。',
    '六、组织保障。所在单位和共青团组织负责跟踪培养情况；对逾期未完成的环节，系统将提醒当事人并告知所在单位。',
    '七、协议变更与终止。任何一方因故需提前终止结对的，应说明理由；结对期满，导师对培养目标逐项作出结业评估。',
    `八、本协议经导师和青年在“好青年选培”小程序中阅读并手写签名后生效，签名所对应的协议文本不可更改。（${t.year}年度）`,
  ];
}

export function agreementText(t: AgreementTerms): string {
  return [AGREEMENT_TITLE, ...agreementParagraphs(t)].join('\n\n');
}

// ---- first-meeting pairing fit ---------------------------------------------------------------------------------

export const FIT_ANSWERS = ['good', 'unsure', 'poor'] as const;
export type FitAnswer = (typeof FIT_ANSWERS)[number];
export const FIT_LABELS: Record<FitAnswer, string> = { good: '合适', unsure: '再看看', poor: '不合适' };
export const REMATCH_REASON = '首次见面后认为结对不合适，重新匹配';

/**
 * Whether a party may answer the pairing-fit question now: after the first meeting was logged, while the pair
 * works together, and until they said 合适 (再看看 may be answered again after a later meeting).
 */
export function mayAnswerFit(status: AgreementStatus, meetings: number, answer: FitAnswer | null): boolean {
  return (status === 'unsigned' || status === 'signing' || status === 'active') && meetings > 0 && answer !== 'good';
}
