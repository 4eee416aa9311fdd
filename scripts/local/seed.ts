/**
 * Demo data: the city, its six districts/counties, units of every category
 * with youth head-counts, a period open today, and personas of every role.
 * Deterministic for a given `now`, so tests can rely on it.
 */
import {
  C,
  type AccountDoc,
  type ConsentDoc,
  type MentorDoc,
  type OrgDoc,
  type PeriodDoc,
} from '../../cloudfunctions/_lib/collections';
import { personKey, recordFields, saveRecord } from '../../cloudfunctions/nomination/src/record';
import type { NominationForm } from '../../miniprogram/core/contracts/nomination-form';
import { checkEligibility } from '../../miniprogram/core/eligibility';
import { PERSONAL_INFO_CONSENT_VERSION } from '../../miniprogram/core/profile';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { chinaDate, chinaEndOfDay, chinaStartOfDay } from '../../miniprogram/core/china-time';
import { idCheckChar } from '../../miniprogram/core/id-number';
import type { Sector } from '../../miniprogram/core/mentoring';
import type { Role, UnitCategory } from '../../miniprogram/core/org';
import { cutoffFromReference } from '../../miniprogram/core/period';
import { CITY_ORG_ID } from './deps';

export const DISTRICTS = [
  { id: 'yuecheng', name: '越城区', region: '330602' },
  { id: 'keqiao', name: '柯桥区', region: '330603' },
  { id: 'shangyu', name: '上虞区', region: '330604' },
  { id: 'zhuji', name: '诸暨市', region: '330681' },
  { id: 'shengzhou', name: '嵊州市', region: '330683' },
  { id: 'xinchang', name: '新昌县', region: '330624' },
] as const;

const CITY_UNITS: Array<[string, string, UnitCategory, number]> = [
  ['city-dev', '绍兴市发展和改革委员会', 'party_gov', 38],
  ['city-edu', '绍兴市教育局', 'party_gov', 19],
  ['city-transport', '绍兴市交通投资集团有限公司', 'soe', 240],
  ['city-water', '绍兴市水务集团有限公司', 'soe', 86],
  ['city-mobile', '中国移动绍兴分公司', 'central_soe', 120],
  ['city-grid', '国网绍兴供电公司', 'central_soe', 160],
];

/** Per district: [suffix, name pattern, category, youth head-count]. */
const DISTRICT_UNITS: Array<[string, string, UnitCategory, number]> = [
  ['gov', '{d}人民政府办公室', 'party_gov', 12],
  ['market', '{d}市场监督管理局', 'party_gov', 20],
  ['invest', '{d}城市建设投资集团有限公司', 'soe', 45],
  ['bank', '{d}农村商业银行', 'soe', 0],
  ['tech', '{d}智造科技有限公司', 'two_new', 39],
  ['social', '{d}青年志愿者协会', 'two_new', 8],
  ['street', '{d}城南街道', 'other_grassroots', 25],
];

export const PERSONAS: Array<{ openid: string; name: string; role: Role; orgId: string; note: string }> = [
  {
    openid: 'dev-youth-zhang',
    name: '张晓青',
    role: 'youth',
    orgId: 'yuecheng-tech',
    note: '青年，已绑定单位，尚未自荐',
  },
  { openid: 'dev-youth-li', name: '李明', role: 'youth', orgId: 'yuecheng-tech', note: '青年，已提交自荐待审核' },
  { openid: 'dev-youth-new', name: '新用户', role: 'youth', orgId: '', note: '首次使用，尚未绑定单位' },
  { openid: 'dev-mentor-wang', name: '王导师', role: 'mentor', orgId: CITY_ORG_ID, note: '导师服务团导师' },
  {
    openid: 'dev-unit-admin',
    name: '陈管理员',
    role: 'unitAdmin',
    orgId: 'yuecheng-tech',
    note: '越城区智造科技有限公司团组织',
  },
  {
    openid: 'dev-unit-admin-gov',
    name: '孙主任',
    role: 'unitAdmin',
    orgId: 'yuecheng-gov',
    note: '越城区人民政府办公室（机关单位，自行备案）',
  },
  { openid: 'dev-district-admin', name: '赵书记', role: 'districtAdmin', orgId: 'yuecheng', note: '共青团越城区委' },
  { openid: 'dev-city-admin', name: '周部长', role: 'cityAdmin', orgId: CITY_ORG_ID, note: '团市委基层工作部' },
];

/** A valid 18-digit ID number for demo people (check digit per GB 11643). */
export function demoIdNumber(region: string, birth: string, seq: number): string {
  const first17 = `${region}${birth.replace(/-/g, '')}${String(seq).padStart(3, '0')}`;
  return `${first17}${idCheckChar(first17)}`;
}

/** The period whose nomination window contains `now`: it ends 31 July of the coming July (R4.3). */
export function demoPeriod(now: Date): PeriodDoc {
  const today = chinaDate(now);
  const year = Number(today.slice(0, 4));
  const selectionYear = today <= `${year}-07-31` ? year : year + 1;
  const referenceDate = `${selectionYear}-06-01`;
  return {
    _id: String(selectionYear),
    name: `${selectionYear}年度“百行百业——千名好青年”选培计划`,
    referenceDate,
    cutoffBirthDate: cutoffFromReference(referenceDate, 35),
    minAge: 16,
    nominationOpensAt: chinaStartOfDay(`${selectionYear - 1}-08-01`).toISOString(),
    nominationDeadline: chinaEndOfDay(`${selectionYear}-07-31`).toISOString(),
    filingDeadline: chinaEndOfDay(`${selectionYear}-07-31`).toISOString(),
    quotaRatio: 20,
    partyAgeLimit: 28,
    target: 1000,
    retentionDays: 30,
    noticeContact: '团市委基层工作部 0575-85100000（演示）',
    current: true,
  };
}

export async function isSeeded(deps: ServerDeps): Promise<boolean> {
  return (await deps.store.collection(C.orgs).get(CITY_ORG_ID)) !== null;
}

export async function seedDemo(deps: ServerDeps, now: Date): Promise<void> {
  const orgs = deps.store.collection<OrgDoc>(C.orgs);
  await orgs.insert({ _id: CITY_ORG_ID, name: '绍兴市', level: 'city', parentId: null, districtId: null });
  for (const [id, name, category, youthCount] of CITY_UNITS) {
    await orgs.insert({ _id: id, name, level: 'unit', parentId: CITY_ORG_ID, districtId: null, category, youthCount });
  }
  for (const [order, d] of DISTRICTS.entries()) {
    await orgs.insert({ _id: d.id, name: d.name, level: 'district', parentId: CITY_ORG_ID, districtId: d.id, order });
    for (const [suffix, pattern, category, youthCount] of DISTRICT_UNITS) {
      await orgs.insert({
        _id: `${d.id}-${suffix}`,
        name: pattern.replace('{d}', d.name),
        level: 'unit',
        parentId: d.id,
        districtId: d.id,
        category,
        youthCount,
      });
    }
  }
  const period = demoPeriod(now);
  await deps.store.collection<PeriodDoc>(C.periods).insert(period);

  const accounts = deps.store.collection<AccountDoc>(C.accounts);
  for (const p of PERSONAS) {
    if (!p.orgId) continue; // the new user has no account yet
    await accounts.insert({
      _id: p.openid,
      displayName: p.name,
      grants: [{ role: p.role, orgId: p.orgId }],
      createdAt: now,
      updatedAt: now,
    });
  }
  await seedMentors(deps, now);
  const li = demoIdNumber('330602', '1995-03-15', 123);
  await insertDemoNomination(deps, period, now, {
    openid: 'dev-youth-li',
    name: '李明',
    unitId: 'yuecheng-tech',
    idNumber: li,
    phone: '13800001234',
    post: '研发工程师',
  });
}

/** A complete demo form (R2 fields) for a person. */
export function demoForm(p: { name: string; idNumber: string; phone: string; post: string }): NominationForm {
  return {
    name: p.name,
    idNumber: p.idNumber,
    phone: p.phone,
    education: 'bachelor',
    degree: 'bachelor',
    politicalStatus: 'league_member',
    duty: '',
    post: p.post,
    title: '工程师',
    skillLevel: '',
    onStaff: true,
    attestations: { political: true, moral: true, contribution: true },
    deeds:
      '牵头完成企业生产线数字化改造，主持开发设备远程运维平台，使设备故障响应时间缩短百分之四十；带领青年突击队攻坚关键工艺，获评区级青年岗位能手。',
    showcaseConsent: true,
  };
}

async function insertDemoNomination(
  deps: ServerDeps,
  period: PeriodDoc,
  now: Date,
  p: { openid: string; name: string; unitId: string; idNumber: string; phone: string; post: string },
): Promise<void> {
  const form = demoForm(p);
  const verdict = checkEligibility(form, period, now);
  const unit = await deps.store.collection<OrgDoc>(C.orgs).get(p.unitId);
  if (!verdict.ok || !unit) throw new Error('demo nomination invalid');
  const fields = recordFields(deps, {
    form,
    eligible: verdict.value,
    unit,
    channel: 'self',
    youthOpenid: p.openid,
    createdBy: p.openid,
    now,
  });
  const entry = { at: now, action: 'submit' as const, actor: p.openid, actorName: p.name, comment: null };
  const saved = await saveRecord(deps, {
    key: personKey(deps, period._id, form.idNumber),
    periodId: period._id,
    fields,
    entry,
    resubmitter: p.openid,
  });
  if (!saved.ok) throw new Error('demo nomination duplicate');
  await deps.store.collection<ConsentDoc>(C.consents).insert({
    _id: `${p.openid}:personal_info`,
    openid: p.openid,
    purpose: 'personal_info',
    version: PERSONAL_INFO_CONSENT_VERSION,
    granted: true,
    at: now,
    history: [{ version: PERSONAL_INFO_CONSENT_VERSION, granted: true, at: now }],
  });
}

/** The mentor service group (issue 11): 王导师 (a persona) and five more mentors with completed profiles. */
export const DEMO_MENTORS: Array<{
  openid: string;
  name: string;
  orgName: string;
  sector: Sector;
  districtId: string;
  expertise: string[];
  capacity: number;
}> = [
  {
    openid: 'dev-mentor-wang',
    name: '王导师',
    orgName: '绍兴银行',
    sector: 'finance',
    districtId: 'yuecheng',
    expertise: ['数字化改革', '金融服务', '企业管理'],
    capacity: 3,
  },
  {
    openid: 'demo-mentor-liu',
    name: '刘教授',
    orgName: '绍兴文理学院',
    sector: 'education',
    districtId: 'yuecheng',
    expertise: ['科技创新', '教育培训'],
    capacity: 2,
  },
  {
    openid: 'demo-mentor-chen',
    name: '陈总工',
    orgName: '浙江绍兴某纺织集团',
    sector: 'manufacturing',
    districtId: 'keqiao',
    expertise: ['技能提升', '科技创新', '企业管理'],
    capacity: 3,
  },
  {
    openid: 'demo-mentor-he',
    name: '何书记',
    orgName: '上虞区某镇党委',
    sector: 'party_gov',
    districtId: 'shangyu',
    expertise: ['基层治理', '乡村振兴', '党建引领'],
    capacity: 2,
  },
  {
    openid: 'demo-mentor-xu',
    name: '徐主任',
    orgName: '诸暨市人民医院',
    sector: 'health',
    districtId: 'zhuji',
    expertise: ['医疗卫生', '志愿服务'],
    capacity: 2,
  },
  {
    openid: 'demo-mentor-zhu',
    name: '朱律师',
    orgName: '浙江某律师事务所',
    sector: 'law',
    districtId: 'yuecheng',
    expertise: ['法律实务', '创新创业'],
    capacity: 2,
  },
];

async function seedMentors(deps: ServerDeps, now: Date): Promise<void> {
  const accounts = deps.store.collection<AccountDoc>(C.accounts);
  const mentors = deps.store.collection<MentorDoc>(C.mentors);
  for (const m of DEMO_MENTORS) {
    if (!(await accounts.get(m.openid)))
      await accounts.insert({
        _id: m.openid,
        displayName: m.name,
        grants: [{ role: 'mentor', orgId: CITY_ORG_ID }],
        createdAt: now,
        updatedAt: now,
      });
    await mentors.insert({
      _id: m.openid,
      name: m.name,
      status: 'active',
      orgName: m.orgName,
      unitId: null,
      sector: m.sector,
      districtId: m.districtId,
      expertise: m.expertise,
      capacity: m.capacity,
      load: 0,
      excludedNames: [],
      pauseReason: null,
      createdAt: now,
      updatedAt: now,
      history: [],
    });
  }
}
