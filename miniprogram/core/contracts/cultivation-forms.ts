/**
 * The cultivation inputs a person types (issue 13), apart from the contract so the subpackage's form pages carry
 * these few schemas only (the pattern of forms.ts): a measure (培养锻炼记录) and a Party development step.
 */
import * as z from 'zod/mini';
import { isValidIsoDate } from '../china-time';
import { optionalText, reasonText, text } from './common';

export const MEASURE_KINDS = [
  'task_force',
  'service_post',
  'frontline',
  'league_secondment',
  'training',
  'exchange',
  'talk',
] as const;
export type MeasureKind = (typeof MEASURE_KINDS)[number];

export const MEASURE_KIND_LABELS: Record<MeasureKind, string> = {
  task_force: '重点工作专班',
  service_post: '三驻三服务岗位',
  frontline: '一线岗位锻炼',
  league_secondment: '团组织挂职兼职',
  training: '培训',
  exchange: '学习交流',
  talk: '谈心交流',
};

/** Who a talk (谈心交流) is with: the unit's Party head or its administrative head. */
export const TALK_WITH = ['party_head', 'admin_head'] as const;
export type TalkWith = (typeof TALK_WITH)[number];
export const TALK_WITH_LABELS: Record<TalkWith, string> = {
  party_head: '单位党组织负责人',
  admin_head: '单位行政负责人',
};

/** A China calendar date, `YYYY-MM-DD`. */
export const chinaDay = z.string().check(
  z.regex(/^\d{4}-\d{2}-\d{2}$/),
  z.refine((d) => isValidIsoDate(d), { message: 'not a calendar date' }),
);

type Gap = 'organiser' | 'hours' | 'talkWith' | 'talkWithName' | 'summary' | 'endDate';

/** What each kind asks for beyond the title and dates: a training its organiser and hours, a talk whom and what. */
const REQUIRED: Partial<Record<(typeof MEASURE_KINDS)[number], Gap[]>> = {
  training: ['organiser', 'hours'],
  talk: ['talkWith', 'talkWithName', 'summary'],
};

/** The fields a measure lacks for its kind, and an end before its start. */
export function measureGaps(
  m: { kind: (typeof MEASURE_KINDS)[number]; startDate: string; endDate?: string } & Partial<
    Record<Gap, string | number>
  >,
): Gap[] {
  const gaps = (REQUIRED[m.kind] ?? []).filter((f) => m[f] === undefined || m[f] === '');
  if (m.endDate && m.endDate < m.startDate) gaps.push('endDate');
  return gaps;
}

export const MeasureFields = z
  .strictObject({
    kind: z.enum(MEASURE_KINDS),
    /** The task force, post, course or activity: "数字化改革专班", "青年干部培训班". */
    title: text(40),
    startDate: chinaDay,
    endDate: z.optional(chinaDay),
    organiser: optionalText(40),
    hours: z.optional(z.int().check(z.minimum(1), z.maximum(2000))),
    talkWith: z.optional(z.enum(TALK_WITH)),
    talkWithName: optionalText(20),
    summary: optionalText(200),
    /** Evidence in words: the document number, the certificate. */
    evidence: optionalText(100),
  })
  .check(
    z.superRefine((m, ctx) => {
      for (const path of measureGaps(m)) ctx.addIssue({ code: 'custom', path: [path], message: 'required' });
    }),
  );
export type MeasureFields = z.infer<typeof MeasureFields>;

export const PartyStepFields = z.strictObject({
  date: chinaDay,
  /** The recommending League organisation (推优), required by `recommend`. */
  leagueOrg: optionalText(40),
  note: optionalText(100),
});

/** A unit's decision on a youth's own record: declining needs a reason the youth reads. */
export const DecideMeasureInput = z
  .strictObject({
    measureId: z.string().check(z.minLength(1), z.maxLength(64), z.regex(/^[A-Za-z0-9_:.-]+$/)),
    decision: z.enum(['confirm', 'decline']),
    reason: z.optional(reasonText),
  })
  .check(
    z.superRefine((d, ctx) => {
      if (d.decision === 'decline' && !d.reason)
        ctx.addIssue({ code: 'custom', path: ['reason'], message: 'required' });
    }),
  );
