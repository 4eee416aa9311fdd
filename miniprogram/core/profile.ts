/** Personal profile categories from the national standards the summary table uses (R4.5). */

/** 学历 — highest completed education. */
export const EDUCATIONS = [
  'doctorate',
  'master',
  'bachelor',
  'associate',
  'vocational_secondary',
  'high_school',
  'junior_or_below',
] as const;
export type Education = (typeof EDUCATIONS)[number];
export const EDUCATION_LABELS: Record<Education, string> = {
  doctorate: '博士研究生',
  master: '硕士研究生',
  bachelor: '大学本科',
  associate: '大学专科',
  vocational_secondary: '中等职业教育',
  high_school: '普通高中',
  junior_or_below: '初中及以下',
};

/** 学位 */
export const DEGREES = ['doctor', 'master', 'bachelor', 'none'] as const;
export type Degree = (typeof DEGREES)[number];
export const DEGREE_LABELS: Record<Degree, string> = { doctor: '博士', master: '硕士', bachelor: '学士', none: '无' };

/** Which degrees can go with an education (a bachelor's degree needs at least undergraduate study). */
export const DEGREES_FOR: Record<Education, readonly Degree[]> = {
  doctorate: ['doctor', 'master', 'bachelor', 'none'],
  master: ['master', 'bachelor', 'none'],
  bachelor: ['bachelor', 'none'],
  associate: ['none'],
  vocational_secondary: ['none'],
  high_school: ['none'],
  junior_or_below: ['none'],
};

/** 政治面貌 (GB/T 4762). */
export const POLITICAL_STATUSES = [
  'cpc_member',
  'cpc_probationary',
  'league_member',
  'democratic_party',
  'non_partisan',
  'masses',
] as const;
export type PoliticalStatus = (typeof POLITICAL_STATUSES)[number];
export const POLITICAL_STATUS_LABELS: Record<PoliticalStatus, string> = {
  cpc_member: '中共党员',
  cpc_probationary: '中共预备党员',
  league_member: '共青团员',
  democratic_party: '民主党派成员',
  non_partisan: '无党派人士',
  masses: '群众',
};

/** 学历学位 column of the summary table: 大学本科/学士. */
export function educationDegreeText(education: Education, degree: Degree): string {
  return degree === 'none' ? EDUCATION_LABELS[education] : `${EDUCATION_LABELS[education]}/${DEGREE_LABELS[degree]}`;
}

/** 单位职务、岗位（技术职称、技能职级） column: 研发部主任、软件工程师（高级工程师、—）. */
export function positionText(p: { duty?: string; post: string; title?: string; skillLevel?: string }): string {
  const head = [p.duty, p.post].filter(Boolean).join('、');
  const extra = [p.title, p.skillLevel].filter(Boolean).join('、');
  return extra ? `${head}（${extra}）` : head;
}

/** R2.3: criteria 1–3 of 寻访选树标准, attested by the nominee and confirmed by the reviewer. */
export const ATTESTATIONS = ['political', 'moral', 'contribution'] as const;
export type Attestation = (typeof ATTESTATIONS)[number];
export const ATTESTATION_LABELS: Record<Attestation, string> = {
  political: '政治素质过硬：坚定理想信念，拥护党的领导，积极践行社会主义核心价值观',
  moral: '道德品行良好：遵纪守法，诚实守信，在单位和社会中有良好口碑',
  contribution: '业绩贡献突出：在本职岗位上业绩突出，在数字化改革、科技创新、服务群众或管理提效中有典型事迹',
};

/** 典型事迹: long enough to judge, short enough to read on a phone and print in a table. */
export const DEEDS_MIN = 50;
export const DEEDS_MAX = 1500;

/** The consent text version the app currently asks for (PIPL art. 29); bump it when the text changes. */
export const PERSONAL_INFO_CONSENT_VERSION = '2026-11-v1';

/** A degree must be attainable with the education given. */
export function degreeFits(education: Education, degree: Degree): boolean {
  return DEGREES_FOR[education].includes(degree);
}
