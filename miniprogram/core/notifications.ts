/**
 * The notification catalogue (issue 10): every kind of notification the
 * product sends, its parameters, the WeChat subscribe-message template it
 * goes out as (field keys with their value types and WeChat's limits), the
 * Chinese title and body of the in-app copy, and the page it opens.
 *
 * Actions enqueue `{ kind, params, to }`; nobody writes message text in an
 * action. Template ids are not here: they belong to the mini-program's
 * account and come from configuration (`HQN_TEMPLATE_IDS`, see README).
 * Pure: the time a field shows is the enqueue instant the caller passes.
 */
import { CHINA_OFFSET_MS, chineseDate, type IsoDate } from './china-time';

/** WeChat's value types for subscribe-message fields (the ones our templates use). */
export type FieldType = 'thing' | 'phrase' | 'name' | 'character_string' | 'number' | 'time' | 'date';

/** Character limits per type (WeChat's documentation); time and date are checked by shape. */
export const FIELD_LIMITS = {
  thing: 20,
  phrase: 5,
  name: 10,
  character_string: 32,
  number: 32,
} as const satisfies Partial<Record<FieldType, number>>;

/** The templates we ask people to subscribe to; keys are the template's own field keys. */
export const TEMPLATES = {
  /** 审核结果通知 (public library): 审核事项, 审核结果, 备注, 审核时间. */
  reviewResult: {
    title: '审核结果通知',
    fields: { thing1: 'thing', phrase2: 'phrase', thing3: 'thing', time4: 'time' },
  },
  /** 待办事项提醒 (public library): 待办事项, 事项说明, 提醒时间. */
  todo: {
    title: '待办事项提醒',
    fields: { thing1: 'thing', thing2: 'thing', time3: 'time' },
  },
} as const satisfies Record<string, { title: string; fields: Record<string, FieldType> }>;

export type TemplateKey = keyof typeof TEMPLATES;
export const TEMPLATE_KEYS = Object.keys(TEMPLATES) as TemplateKey[];

type FieldsOf<T extends TemplateKey> = { [K in keyof (typeof TEMPLATES)[T]['fields']]: string };

/** The parameters each kind takes: what an action knows when it enqueues. */
export interface NotificationParams {
  /** To the unit's reviewers: a youth submitted a self-nomination. */
  'nomination.submitted': { name: string };
  /** To the unit's reviewers: a youth withdrew. */
  'nomination.withdrawn': { name: string };
  /** To the youth: the unit's decision. */
  'nomination.reviewed': { status: 'approved' | 'rejected' | 'returned'; comment: string | null };
  /** To the youth: an objection to them was upheld, so they are no longer selected (issue 9 §1). */
  'nomination.unselected': { note: string };
  /** To the unit's reviewers: an objection arrived from the public notice. */
  'objection.received': { name: string };
  /** To the objector: how the unit disposed of their objection (issue 9 §1). */
  'objection.resolved': { name: string; disposition: 'upheld' | 'dismissed'; note: string };
  /** To the overseer: a list was filed. */
  'filing.filed': { subject: string; rows: number };
  /** To the filer: the overseer reopened the list. */
  'filing.reopened': { subject: string; reason: string };
  /** To the filer: a reminder to file before the deadline. */
  'filing.late': { subject: string; deadline: IsoDate };
  /** To the overseer: the stamped table's row count differs from the filed list. */
  'filing.rowMismatch': { subject: string; confirmed: number; filed: number };
  /** To the unit's admins: the district or the city changed the quota. */
  'quota.changed': { quota: number; reason: string };
  /** To the unit's reviewers: a youth submitted while the list was filed; it waits for the list to reopen (issue 9 §3). */
  'nomination.held': { name: string };
  /** To the youth: the list was reopened and the held nomination is now reviewed (issue 9 §3). */
  'nomination.released': Record<string, never>;
  /** To the overseer: a list was filed empty with its declaration (issue 9 §4). */
  'filing.filedEmpty': { subject: string; reason: string };
  /** To the overseer: a unit asks for more places. */
  'quota.requested': { unit: string; from: number; to: number; reason: string };
  /** To the unit's admins: the request was refused. */
  'quota.requestRefused': { requested: number; reason: string };
  /** To the youth and the unit's admins: the district (or the city) voided the record, with the reason. */
  'nomination.voided': { name: string; reason: string };
  /** To the unit's admins: a record of the unit was voided (its place, if approved, is given back). */
  'nomination.voidedInUnit': { name: string; reason: string };
  /** To the mentor: the League published a match (issue 11). */
  'match.published': { youth: string; unit: string };
  /** To the youth: their mentor was assigned. */
  'match.assigned': { mentor: string; org: string };
  /** To the youth: the mentor confirmed the match. */
  'match.accepted': { mentor: string };
  /** To the other side: a published match was declined. */
  'match.declined': { by: 'mentor' | 'youth'; name: string };
  /** To both: an admin ended an active match early. */
  'match.ended': { youth: string; mentor: string; reason: string };
  /** To the handlers of the type: a youth requested a service (issue 12). */
  'service.submitted': { id: string; type: string };
  /** To the youth: a handler accepted the request. */
  'service.accepted': { id: string; type: string };
  /** To the youth: the request was declined, with the reason. */
  'service.declined': { id: string; type: string; reason: string };
  /** To the youth: a status note. */
  'service.noted': { id: string; type: string; note: string };
  /** To the youth: resolved, with what was done; to confirm and rate. */
  'service.resolved': { id: string; type: string; resolution: string };
  /** To the handler: the youth rated the resolution. */
  'service.confirmed': { id: string; type: string; rating: number };
  /** To the handler: the youth reopened it. */
  'service.reopened': { id: string; type: string; reason: string };
  /** To the handlers: not accepted within a working day, or not resolved by its limit (督办). */
  'service.overdue': { id: string; type: string; stage: 'accept' | 'resolve' };
  /** To the city's handlers and admins: a district's request past its limit escalated to the city. */
  'service.escalated': { id: string; type: string; district: string };
  /** To each youth an offer reached (政策找人). */
  'offer.published': { title: string; closesOn: string };
  /** To the new unit's admins: a youth asks to move to it or change post (issue 14). */
  'youth.changeRequested': { name: string };
  /** To the youth: the new unit decided the change. */
  'youth.changeDecided': { approved: boolean; unit: string; reason: string | null };
  /** To the youth: confirm or correct the record (yearly; the unit's one-tap reminder). */
  'youth.confirmDue': Record<string, never>;
  /** To the unit's admins: a 好青年 added a cultivation record to confirm (issue 13). */
  'measure.added': { name: string; title: string };
  /** To the youth: the unit confirmed or declined their record. */
  'measure.decided': { title: string; confirmed: boolean; reason: string | null };
  /** To the youth: a step of Party development was recorded. */
  'party.advanced': { stage: string };
  /** To the unit's admins and the youth: the 28th birthday is near and 推优 is not done. */
  'party.birthdayAhead': { name: string; date: IsoDate };
  /** To the district's admins: a unit nominated a reserve cadre (后备干部). */
  'reserve.nominated': { name: string };
  /** To the other party: one side signed the agreement (or both: it is active). */
  'agreement.signed': { name: string; active: boolean };
  /** To the step's owner, then (`unit`) the youth's unit: a cycle step is overdue. */
  'cycle.overdue': { step: string; youth: string; unit: boolean };
  /** To the admins: a party found the pair a poor fit; the youth is back in the pool. */
  'match.misfit': { youth: string; mentor: string };
}

export type NotificationKind = keyof NotificationParams;

/** What an action enqueues: one kind, its parameters, one recipient. */
export type NotificationRequest = {
  [K in NotificationKind]: { kind: K; params: NotificationParams[K]; to: string };
}[NotificationKind];

/** Who a kind is for (the stats page groups by it; the subscribe moments follow from it). */
export type Audience = 'youth' | 'objector' | 'cadre' | 'mentor';

interface KindSpec<K extends NotificationKind, T extends TemplateKey> {
  label: string;
  audience: Audience;
  template: T;
  page: (p: NotificationParams[K]) => string;
  title: (p: NotificationParams[K]) => string;
  body: (p: NotificationParams[K]) => string;
  fields: (p: NotificationParams[K], at: string) => FieldsOf<T>;
}

type Catalogue = { [K in NotificationKind]: KindSpec<K, TemplateKey> };

const PAGES = {
  mine: 'package-youth/pages/nomination/mine/index',
  pending: 'package-admin/pages/review/pending/index',
  objections: 'package-admin/pages/admin/objections/index',
  filings: 'package-admin/pages/admin/filings/index',
  quotas: 'package-admin/pages/admin/quotas/index',
  quotaRequests: 'package-admin/pages/admin/quota-requests/index',
  notice: 'package-notice/pages/notice/index',
  mentor: 'package-mentor/pages/mentor/index',
  youthMentor: 'package-mentor/pages/youth/index',
  service: 'package-services/pages/request/index',
  serviceQueue: 'package-services/pages/queue/index',
  offers: 'package-services/pages/home/index',
  myData: 'package-data/pages/mine/index',
  changes: 'package-data/pages/database/index',
  timeline: 'package-cultivation/pages/timeline/index',
  ledger: 'package-cultivation/pages/ledger/index',
  pipeline: 'package-cultivation/pages/pipeline/index',
  reserve: 'package-cultivation/pages/reserve/index',
  matching: 'package-admin/pages/mentoring/matching/index',
} as const;

const REVIEW_PHRASE = { approved: '通过', rejected: '未通过', returned: '退回修改' } as const;
const DISPOSITION_PHRASE = { upheld: '异议成立', dismissed: '异议不成立' } as const;

const reasonText = (s: string | null): string => (s ? `（${s}）` : '');

/** `2026-11-24T02:30:00Z` → `2026-11-24 10:30`, China time (WeChat's `time` accepts this form). */
export function templateTime(at: Date): string {
  return new Date(at.getTime() + CHINA_OFFSET_MS).toISOString().slice(0, 16).replace('T', ' ');
}

export const CATALOGUE: Catalogue = {
  'nomination.submitted': {
    label: '新推荐待审核',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.pending,
    title: () => '新的好青年推荐待审核',
    body: (p) => `${p.name}提交了个人自荐，请及时审核。`,
    fields: (p, at) => ({ thing1: '好青年推荐待审核', thing2: `${p.name}提交了个人自荐`, time3: at }),
  },
  'nomination.withdrawn': {
    label: '推荐已撤回',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.pending,
    title: () => '好青年推荐已撤回',
    body: (p) => `${p.name}撤回了本期好青年推荐。`,
    fields: (p, at) => ({ thing1: '好青年推荐已撤回', thing2: `${p.name}撤回了推荐`, time3: at }),
  },
  'nomination.reviewed': {
    label: '推荐审核结果',
    audience: 'youth',
    template: 'reviewResult',
    page: () => PAGES.mine,
    title: () => '推荐审核结果',
    body: (p) =>
      `您的好青年推荐审核结果：${{ approved: '已通过', rejected: '未通过', returned: '已退回修改' }[p.status]}${reasonText(p.comment)}`,
    fields: (p, at) => ({
      thing1: '好青年推荐审核',
      phrase2: REVIEW_PHRASE[p.status],
      thing3: p.comment ?? (p.status === 'approved' ? '请留意公示' : '详见小程序'),
      time4: at,
    }),
  },
  'nomination.unselected': {
    label: '公示异议成立',
    audience: 'youth',
    template: 'reviewResult',
    page: () => PAGES.mine,
    title: () => '公示异议处理结果',
    body: (p) => `经核实，关于您的公示异议成立，您本期的好青年推荐结果改为未通过（${p.note}）。`,
    fields: (p, at) => ({ thing1: '好青年公示异议', phrase2: '未通过', thing3: p.note, time4: at }),
  },
  'objection.received': {
    label: '收到公示异议',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.objections,
    title: () => '收到公示异议',
    body: (p) => `关于${p.name}的公示收到一条异议，请及时核实处理。`,
    fields: (p, at) => ({ thing1: '公示异议待处理', thing2: `关于${p.name}的异议`, time3: at }),
  },
  'objection.resolved': {
    label: '异议处理结果',
    audience: 'objector',
    template: 'reviewResult',
    page: () => PAGES.notice,
    title: () => '您反映的公示异议已处理',
    body: (p) => `您对${p.name}的公示异议经核实${p.disposition === 'upheld' ? '成立' : '不成立'}：${p.note}`,
    fields: (p, at) => ({
      thing1: `对${p.name}的公示异议`,
      phrase2: DISPOSITION_PHRASE[p.disposition],
      thing3: p.note,
      time4: at,
    }),
  },
  'filing.filed': {
    label: '名单已备案',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.filings,
    title: () => '名单已备案',
    body: (p) => `${p.subject}已备案好青年名单（${p.rows}人）。`,
    fields: (p, at) => ({ thing1: '好青年名单已备案', thing2: `${p.subject}（${p.rows}人）`, time3: at }),
  },
  'filing.reopened': {
    label: '名单退回重报',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.filings,
    title: () => '名单已退回重报',
    body: (p) => `${p.subject}的备案名单已退回：${p.reason}`,
    fields: (p, at) => ({ thing1: '备案名单已退回重报', thing2: p.reason, time3: at }),
  },
  'filing.late': {
    label: '备案提醒',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.filings,
    title: () => '请按时备案好青年名单',
    body: (p) => `${p.subject}尚未备案，截止时间为${chineseDate(p.deadline)}，请尽快完成。`,
    fields: (p, at) => ({ thing1: '请按时备案好青年名单', thing2: `截止${chineseDate(p.deadline)}`, time3: at }),
  },
  'filing.rowMismatch': {
    label: '备案行数不一致',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.filings,
    title: () => '备案行数不一致',
    body: (p) => `${p.subject}上传的盖章汇总表确认${p.confirmed}行，系统备案${p.filed}人，请核实。`,
    fields: (p, at) => ({ thing1: '备案行数不一致', thing2: `确认${p.confirmed}行，备案${p.filed}人`, time3: at }),
  },
  'quota.changed': {
    label: '名额调整',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.quotas,
    title: () => '本单位名额已调整',
    body: (p) => `本期名额调整为${p.quota}名：${p.reason}`,
    fields: (p, at) => ({ thing1: `本期名额调整为${p.quota}名`, thing2: p.reason, time3: at }),
  },
  'nomination.held': {
    label: '新推荐待重新开放',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.filings,
    title: () => '新的推荐待名单重新开放',
    body: (p) => `${p.name}提交了个人自荐，本单位名单已备案锁定，区县团委重新开放后方可审核。`,
    fields: (p, at) => ({ thing1: '新推荐待名单重新开放', thing2: `${p.name}提交了个人自荐`, time3: at }),
  },
  'nomination.released': {
    label: '推荐进入审核',
    audience: 'youth',
    template: 'reviewResult',
    page: () => PAGES.mine,
    title: () => '推荐已进入审核',
    body: () => '您所在单位的名单已重新开放，您的好青年推荐已进入单位审核。',
    fields: (_p, at) => ({ thing1: '好青年推荐', phrase2: '进入审核', thing3: '名单已重新开放', time4: at }),
  },
  'filing.filedEmpty': {
    label: '无推荐人选备案',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.filings,
    title: () => '名单已备案',
    body: (p) => `${p.subject}已备案：本单位本期无推荐人选（${p.reason}）。`,
    fields: (p, at) => ({ thing1: '本期无推荐人选备案', thing2: p.subject, time3: at }),
  },
  'quota.requested': {
    label: '名额申请',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.quotaRequests,
    title: () => '收到名额申请',
    body: (p) => `${p.unit}申请将名额由${p.from}名增至${p.to}名：${p.reason}`,
    fields: (p, at) => ({ thing1: '名额申请待审批', thing2: `${p.unit}申请增至${p.to}名`, time3: at }),
  },
  'quota.requestRefused': {
    label: '名额申请未获同意',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.quotaRequests,
    title: () => '名额申请未获同意',
    body: (p) => `申请将名额增至${p.requested}名未获同意：${p.reason}`,
    fields: (p, at) => ({ thing1: '名额申请未获同意', thing2: p.reason, time3: at }),
  },
  'nomination.voided': {
    label: '推荐记录已作废',
    audience: 'youth',
    template: 'reviewResult',
    page: () => PAGES.mine,
    title: () => '好青年推荐记录已作废',
    body: (p) => `${p.name}的好青年推荐记录已由团委作废：${p.reason}。如有疑问请联系所在单位或区县团委。`,
    fields: (p, at) => ({ thing1: `${p.name}的好青年推荐`, phrase2: '已作废', thing3: p.reason, time4: at }),
  },
  'nomination.voidedInUnit': {
    label: '本单位推荐被作废',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.pending,
    title: () => '本单位一条推荐记录已作废',
    body: (p) => `${p.name}的推荐记录已由团委作废：${p.reason}。如已通过，其名额已退回本单位。`,
    fields: (p, at) => ({ thing1: '推荐记录已作废', thing2: `${p.name}：${p.reason}`, time3: at }),
  },
  'match.published': {
    label: '新的结对青年',
    audience: 'mentor',
    template: 'todo',
    page: () => PAGES.mentor,
    title: () => '新的结对青年',
    body: (p) => `团组织为您安排了结对青年${p.youth}（${p.unit}），请在小程序中确认。`,
    fields: (p, at) => ({ thing1: '新的结对青年待确认', thing2: `${p.youth}（${p.unit}）`, time3: at }),
  },
  'match.assigned': {
    label: '结对导师已安排',
    audience: 'youth',
    template: 'reviewResult',
    page: () => PAGES.youthMentor,
    title: () => '您的结对导师已安排',
    body: (p) => `团组织为您安排了结对导师${p.mentor}（${p.org}），待导师确认后开始结对。`,
    fields: (p, at) => ({ thing1: '好青年结对导师', phrase2: '已安排', thing3: `${p.mentor}（${p.org}）`, time4: at }),
  },
  'match.accepted': {
    label: '导师已确认结对',
    audience: 'youth',
    template: 'reviewResult',
    page: () => PAGES.youthMentor,
    title: () => '导师已确认结对',
    body: (p) => `导师${p.mentor}已确认与您结对。`,
    fields: (p, at) => ({ thing1: '好青年结对导师', phrase2: '已确认', thing3: `导师${p.mentor}`, time4: at }),
  },
  'match.declined': {
    label: '结对未成功',
    audience: 'mentor',
    template: 'todo',
    page: (p) => (p.by === 'mentor' ? PAGES.youthMentor : PAGES.mentor),
    title: () => '结对未成功',
    body: (p) =>
      p.by === 'mentor'
        ? `导师${p.name}未能接受本次结对，团组织将为您另行安排导师。`
        : `青年${p.name}婉拒了本次结对，该名额已释放。`,
    fields: (p, at) => ({
      thing1: '结对未成功',
      thing2: p.by === 'mentor' ? '团组织将另行安排导师' : `${p.name}婉拒了结对`,
      time3: at,
    }),
  },
  'match.ended': {
    label: '结对已结束',
    audience: 'mentor',
    template: 'todo',
    page: () => PAGES.mentor,
    title: () => '结对已结束',
    body: (p) => `您与${p.youth}、${p.mentor}的结对已由团组织提前结束：${p.reason}`,
    fields: (p, at) => ({ thing1: '结对已提前结束', thing2: p.reason, time3: at }),
  },
  'service.submitted': {
    label: '新的服务申请',
    audience: 'cadre',
    template: 'todo',
    page: (p) => `${PAGES.service}?id=${p.id}`,
    title: () => '新的服务申请待受理',
    body: (p) => `收到一条${p.type}服务申请，请在1个工作日内受理。`,
    fields: (p, at) => ({ thing1: '服务申请待受理', thing2: `${p.type}服务申请`, time3: at }),
  },
  'service.accepted': {
    label: '服务申请已受理',
    audience: 'youth',
    template: 'reviewResult',
    page: (p) => `${PAGES.service}?id=${p.id}`,
    title: () => '服务申请已受理',
    body: (p) => `您的${p.type}服务申请已受理，正在办理。`,
    fields: (p, at) => ({ thing1: `${p.type}服务申请`, phrase2: '已受理', thing3: '正在办理', time4: at }),
  },
  'service.declined': {
    label: '服务申请不予受理',
    audience: 'youth',
    template: 'reviewResult',
    page: (p) => `${PAGES.service}?id=${p.id}`,
    title: () => '服务申请不予受理',
    body: (p) => `您的${p.type}服务申请不予受理：${p.reason}`,
    fields: (p, at) => ({ thing1: `${p.type}服务申请`, phrase2: '不予受理', thing3: p.reason, time4: at }),
  },
  'service.noted': {
    label: '服务办理进展',
    audience: 'youth',
    template: 'reviewResult',
    page: (p) => `${PAGES.service}?id=${p.id}`,
    title: () => '服务办理进展',
    body: (p) => `您的${p.type}服务申请有新进展：${p.note}`,
    fields: (p, at) => ({ thing1: `${p.type}服务申请`, phrase2: '办理中', thing3: p.note, time4: at }),
  },
  'service.resolved': {
    label: '服务申请已办结',
    audience: 'youth',
    template: 'reviewResult',
    page: (p) => `${PAGES.service}?id=${p.id}`,
    title: () => '服务申请已办结，请评价',
    body: (p) => `您的${p.type}服务申请已办结：${p.resolution}。请确认并评价，7天内可申请重新办理。`,
    fields: (p, at) => ({ thing1: `${p.type}服务申请`, phrase2: '已办结', thing3: p.resolution, time4: at }),
  },
  'service.confirmed': {
    label: '服务已评价',
    audience: 'cadre',
    template: 'todo',
    page: (p) => `${PAGES.service}?id=${p.id}`,
    title: () => '服务申请已评价',
    body: (p) => `申请人已确认${p.type}服务办结，满意度${p.rating}星。`,
    fields: (p, at) => ({ thing1: `${p.type}服务已评价`, thing2: `满意度${p.rating}星`, time3: at }),
  },
  'service.reopened': {
    label: '服务申请重新办理',
    audience: 'cadre',
    template: 'todo',
    page: (p) => `${PAGES.service}?id=${p.id}`,
    title: () => '服务申请重新办理',
    body: (p) => `申请人对${p.type}服务的办理结果不满意，申请重新办理：${p.reason}`,
    fields: (p, at) => ({ thing1: `${p.type}服务重新办理`, thing2: p.reason, time3: at }),
  },
  'service.overdue': {
    label: '服务申请超时',
    audience: 'cadre',
    template: 'todo',
    page: (p) => `${PAGES.service}?id=${p.id}`,
    title: () => '服务申请已超时',
    body: (p) =>
      p.stage === 'accept'
        ? `一条${p.type}服务申请超过1个工作日未受理，请尽快受理。`
        : `一条${p.type}服务申请已超过办理时限，请尽快办结。`,
    fields: (p, at) => ({
      thing1: p.stage === 'accept' ? '服务申请超时未受理' : '服务申请超时未办结',
      thing2: `${p.type}服务申请`,
      time3: at,
    }),
  },
  'service.escalated': {
    label: '服务申请督办',
    audience: 'cadre',
    template: 'todo',
    page: (p) => `${PAGES.service}?id=${p.id}`,
    title: () => '服务申请超时督办',
    body: (p) => `${p.district}的一条${p.type}服务申请超过办理时限，已提交团市委督办。`,
    fields: (p, at) => ({ thing1: '服务申请超时督办', thing2: `${p.district}${p.type}申请`, time3: at }),
  },
  'offer.published': {
    label: '政策找人',
    audience: 'youth',
    template: 'reviewResult',
    page: () => PAGES.offers,
    title: () => '有一项政策适合您',
    body: (p) => `「${p.title}」适合您，可在${p.closesOn}前一键申请。`,
    fields: (p, at) => ({ thing1: p.title, phrase2: '可申请', thing3: `${p.closesOn}前申请`, time4: at }),
  },
  'youth.changeRequested': {
    label: '信息变更待审核',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.changes,
    title: () => '青年信息变更待审核',
    body: (p) => `${p.name}申请转入本单位或变更岗位`,
    fields: (p, at) => ({ thing1: '青年信息变更待审核', thing2: p.name, time3: at }),
  },
  'youth.changeDecided': {
    label: '信息变更结果',
    audience: 'youth',
    template: 'reviewResult',
    page: () => PAGES.myData,
    title: (p) => (p.approved ? '信息变更已通过' : '信息变更未通过'),
    body: (p) => `${p.unit}${p.approved ? '已通过' : '未通过'}您的信息变更${reasonText(p.reason)}`,
    fields: (p, at) => ({
      thing1: '本人信息变更',
      phrase2: p.approved ? '通过' : '未通过',
      thing3: p.approved ? p.unit : (p.reason ?? p.unit),
      time4: at,
    }),
  },
  'youth.confirmDue': {
    label: '年度信息确认',
    audience: 'youth',
    template: 'todo',
    page: () => PAGES.myData,
    title: () => '请确认本人信息',
    body: () => '请确认或更正您的单位、岗位和联系方式',
    fields: (_p, at) => ({ thing1: '年度信息确认', thing2: '请确认单位岗位和联系方式', time3: at }),
  },
  'measure.added': {
    label: '培养记录待确认',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.ledger,
    title: () => '培养记录待确认',
    body: (p) => `${p.name}新增了培养记录“${p.title}”，请确认。`,
    fields: (p, at) => ({ thing1: '培养记录待确认', thing2: `${p.name}：${p.title}`, time3: at }),
  },
  'measure.decided': {
    label: '培养记录确认结果',
    audience: 'youth',
    template: 'reviewResult',
    page: () => PAGES.timeline,
    title: () => '培养记录确认结果',
    body: (p) => `您的培养记录“${p.title}”${p.confirmed ? '已确认' : '未予确认'}${reasonText(p.reason)}`,
    fields: (p, at) => ({
      thing1: p.title,
      phrase2: p.confirmed ? '已确认' : '未确认',
      thing3: p.reason ?? '详见小程序',
      time4: at,
    }),
  },
  'party.advanced': {
    label: '入党培养进展',
    audience: 'youth',
    template: 'reviewResult',
    page: () => PAGES.timeline,
    title: () => '入党培养进展',
    body: (p) => `您的入党培养已进入“${p.stage}”阶段。`,
    fields: (p, at) => ({ thing1: '入党培养进展', phrase2: '已更新', thing3: p.stage, time4: at }),
  },
  'party.birthdayAhead': {
    label: '28周岁推优提醒',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.pipeline,
    title: () => '28周岁前推优提醒',
    body: (p) => `${p.name}将于${chineseDate(p.date)}年满28周岁，尚未经团组织推优，请及时办理。`,
    fields: (p, at) => ({ thing1: '28周岁前推优提醒', thing2: `${p.name}${chineseDate(p.date)}满28周岁`, time3: at }),
  },
  'reserve.nominated': {
    label: '后备干部推荐',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.reserve,
    title: () => '后备干部推荐待研究',
    body: (p) => `单位推荐${p.name}为后备干部，请研究是否纳入后备干部库。`,
    fields: (p, at) => ({ thing1: '后备干部推荐待研究', thing2: `${p.name}`, time3: at }),
  },
  'agreement.signed': {
    label: '师徒协议签署',
    audience: 'mentor',
    template: 'todo',
    page: () => PAGES.mentor,
    title: (p) => (p.active ? '师徒协议已生效' : '师徒协议待您签署'),
    body: (p) => (p.active ? `${p.name}已签署，师徒协议生效。` : `${p.name}已签署师徒协议，请阅读后签署。`),
    fields: (p, at) => ({
      thing1: p.active ? '师徒协议已生效' : '师徒协议待签署',
      thing2: `${p.name}已签署`,
      time3: at,
    }),
  },
  'cycle.overdue': {
    label: '培养环节逾期',
    audience: 'mentor',
    template: 'todo',
    page: () => PAGES.mentor,
    title: () => '培养环节已逾期',
    body: (p) =>
      p.unit ? `${p.youth}的结对培养环节“${p.step}”逾期未完成，请督促。` : `“${p.step}”已逾期，请尽快完成。`,
    fields: (p, at) => ({ thing1: '培养环节已逾期', thing2: `${p.youth}：${p.step}`, time3: at }),
  },
  'match.misfit': {
    label: '结对需重新匹配',
    audience: 'cadre',
    template: 'todo',
    page: () => PAGES.matching,
    title: () => '结对需重新匹配',
    body: (p) => `${p.youth}与导师${p.mentor}首次见面后认为不合适，青年已回到待匹配名单。`,
    fields: (p, at) => ({ thing1: '结对需重新匹配', thing2: p.youth, time3: at }),
  },
};

export const NOTIFICATION_KINDS = Object.keys(CATALOGUE) as NotificationKind[];

/** Control characters and line breaks become spaces: a template field is one line. */
const oneLine = (s: string): string => s.replace(/[\u0000-\u001f\u007f\u2028\u2029]+/g, ' ').trim();

/** A value cut to `max` characters (code points), ending in … when cut. */
export function clip(value: string, max: number): string {
  const chars = Array.from(oneLine(value));
  return chars.length <= max ? chars.join('') : `${chars.slice(0, max - 1).join('')}…`;
}

const TIME = /^\d{4}-\d{2}-\d{2} \d{2}:\d{2}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$|^\d{4}年\d{1,2}月\d{1,2}日$/;
const HAN = /^[\u4e00-\u9fff]+$/u;

const SHAPES: Partial<Record<FieldType, RegExp>> = {
  time: TIME,
  date: DATE,
  phrase: HAN,
  number: /^-?\d+(\.\d+)?$/,
  character_string: /^[\x21-\x7e]+$/,
};

/** Whether WeChat accepts `value` for a field of `type` (length and shape). */
export function validField(type: FieldType, value: string): boolean {
  const length = Array.from(value).length;
  if (length === 0 || oneLine(value) !== value) return false;
  const limit = type in FIELD_LIMITS ? FIELD_LIMITS[type as keyof typeof FIELD_LIMITS] : Infinity;
  const shape = SHAPES[type];
  return length <= limit && (!shape || shape.test(value));
}

/** What is stored and sent for one notification. */
export interface RenderedNotification {
  template: TemplateKey;
  title: string;
  body: string;
  page: string;
  /** Template data as `subscribeMessage.send` takes it: `{ thing1: { value } }`. */
  data: Record<string, { value: string }>;
}

/**
 * The in-app copy and the template data of a request. Every field is clipped
 * to its type's limit (a name or a reason may be long); a field that still
 * does not fit its type is a catalogue bug and throws.
 */
export function renderNotification(req: NotificationRequest, at: Date): RenderedNotification {
  const spec = CATALOGUE[req.kind] as KindSpec<NotificationKind, TemplateKey>;
  const p = req.params as never;
  const template = TEMPLATES[spec.template];
  const raw = spec.fields(p, templateTime(at)) as Record<string, string>;
  const data: Record<string, { value: string }> = {};
  for (const [key, type] of Object.entries(template.fields) as Array<[string, FieldType]>) {
    const given = raw[key];
    const clipped = type in FIELD_LIMITS ? clip(given, FIELD_LIMITS[type as keyof typeof FIELD_LIMITS]) : given;
    // A blank value (a reason of only spaces) would be refused as a whole (47003).
    const value = clipped === '' && type === 'thing' ? '无' : clipped;
    if (!validField(type, value)) throw new Error(`notification ${req.kind}: field ${key} (${type}) is invalid`);
    data[key] = { value };
  }
  return { template: spec.template, title: spec.title(p), body: spec.body(p), page: spec.page(p), data };
}

/**
 * The moments the app asks for subscriptions, and the templates each asks for
 * (WeChat: at most three per request, from a tap; refusing is fine).
 */
export const SUBSCRIBE_MOMENTS = {
  /** A youth has just submitted (or resubmitted): the review result. */
  nominationSubmitted: ['reviewResult'],
  /** Someone has just objected: the outcome of their objection. */
  objectionFiled: ['reviewResult'],
  /** A cadre opens the workbench: to-dos (new nominations, objections, filings, reminders). */
  workbench: ['todo'],
} as const satisfies Record<string, readonly TemplateKey[]>;

export type SubscribeMoment = keyof typeof SUBSCRIBE_MOMENTS;
export const SUBSCRIBE_MOMENT_NAMES = Object.keys(SUBSCRIBE_MOMENTS) as SubscribeMoment[];
export const MAX_TEMPLATES_PER_REQUEST = 3;
