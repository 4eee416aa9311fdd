/**
 * The `cultivation` function (issue 13): the cultivation ledger of the 好青年 (R5.1, R5.3), coverage, and Party
 * development with the League's recommendation (推优入党, R6).
 */
import * as z from 'zod/mini';
import type {
  LeagueRouteGap,
  MeasureKind,
  MeasureStatus,
  PartyEvent,
  PartyStage,
  ReserveEvent,
  ReserveStatus,
} from '../cultivation';
import { PARTY_STAGES, RESERVE_STATUSES } from '../cultivation';
import { POLITICAL_STATUSES } from '../profile';
import { empty, id, page, pageSize, reasonText, text, type Paged } from './common';
import { DecideMeasureInput, MeasureFields, PartyStepFields } from './cultivation-forms';
import { action, defineContract } from './define';

const CADRES = ['unitAdmin', 'districtAdmin', 'cityAdmin'] as const;
const OVERSEERS = ['districtAdmin', 'cityAdmin'] as const;

export { DecideMeasureInput, MeasureFields, PartyStepFields };

export interface MeasureView {
  id: string;
  nominationId: string;
  youthName: string;
  kind: MeasureKind;
  kindLabel: string;
  title: string;
  startDate: string;
  endDate: string | null;
  /** The kind's own facts in words: "主办：团市委 · 16学时", "单位党组织负责人 王书记：…". */
  detail: string;
  evidence: string;
  status: MeasureStatus;
  statusLabel: string;
  addedBy: 'unit' | 'youth';
  /** From the measure table: a pending record the unit confirms or declines. */
  canDecide: boolean;
  reason: string | null;
}

export interface PartyStepView {
  event: PartyEvent | 'apply';
  label: string;
  date: string;
  leagueOrg: string | null;
  byName: string;
}

export interface PartyView {
  nominationId: string;
  name: string;
  unitName: string;
  /** A 好青年 (approved nomination): shown first (R6.2). */
  selected: boolean;
  stage: PartyStage;
  stageLabel: string;
  age: number;
  /** The day of the 28th birthday, and whether the League route (member + 推优) is needed today. */
  leagueBirthday: string;
  leagueRouteRequired: boolean;
  leagueMember: boolean;
  leagueOrg: string | null;
  steps: PartyStepView[];
  /** What the pages offer, from the table. */
  next: Array<{ event: PartyEvent; label: string }>;
}

export interface ReserveView {
  nominationId: string;
  name: string;
  unitName: string;
  status: ReserveStatus;
  statusLabel: string;
  /** Every move: what, why, who decided, when (China date). */
  history: Array<{ label: string; reason: string; byName: string; date: string }>;
  /** What the pages offer, from the table. */
  next: Array<{ event: ReserveEvent; label: string }>;
}

export interface CampaignView {
  id: string;
  name: string;
  /** "政治面貌：中共党员 · 截至2027年4月30日不超过35周岁 · 任现岗位满3年" */
  criteria: string;
  /** The years-in-post criterion, if any: a youth without a post start date does not meet it. */
  minYearsInPost: number | null;
  closingDate: string;
}

export interface ShortlistRow {
  nominationId: string;
  name: string;
  unitName: string;
  politicalStatus: string;
  age: number;
  /** Whole years in the current post on the closing date, or null when the youth record has no start date. */
  yearsInPost: number | null;
  /** The cultivation record's weight (core/cultivation.ts `cultivationScore`), the rank's key. */
  score: number;
  measures: number;
}

/** An active youth of the unit's youth database, as the Party application form lists them. */
export interface PartyCandidate {
  youthId: string;
  name: string;
  age: number;
  post: string;
  /** A 好青年 of the current period (selected on an approved nomination). */
  selected: boolean;
  /** Already has a Party development record (the pipeline's id to open it), or null. */
  recordId: string | null;
}

export interface CoverageFacts {
  talkedRecently: boolean;
  idle: boolean;
  lastMeasure: string | null;
}

export interface TimelineView {
  nominationId: string;
  name: string;
  unitName: string;
  selected: boolean;
  /** Whether the caller may record and decide for this youth (a cadre covering the unit). */
  canManage: boolean;
  /** Whether the caller decides on reserve cadres for this youth (the district or the city). */
  canDecideReserve: boolean;
  /** A youth of the database without a nomination: only the Party record (no ledger, no reserve cadre). */
  partyOnly: boolean;
  coverage: CoverageFacts;
  measures: MeasureView[];
  party: PartyView | null;
  reserve: ReserveView | null;
}

export interface LedgerRow extends CoverageFacts {
  nominationId: string;
  name: string;
  unitName: string;
  measures: number;
  pending: number;
}

export interface MeasureCoverageRow {
  orgId: string;
  name: string;
  youths: number;
  talked: number;
  talkShare: number;
  idle: number;
}

export interface CoverageView {
  scopeName: string;
  youths: number;
  talked: number;
  /** Share of youths who talked with the unit head in the last six months (%). */
  talkShare: number;
  idle: number;
  pending: number;
  /** Per unit (a district's or the city's view) or empty (a unit's). */
  rows: MeasureCoverageRow[];
}

export interface PipelineView extends Paged<PartyView> {
  scopeName: string;
  counts: Array<{ stage: PartyStage; label: string; count: number }>;
  /** The unit's separate quota (名额单列) this year, in a unit's view where it has one. */
  quota: { year: number; limit: number; used: number } | null;
  /** The unit of a unit's view (where its youths' Party applications are recorded), else null. */
  unitId: string | null;
}

const scoped = { unitId: z.optional(id), districtId: z.optional(id) };

export const cultivationContract = defineContract('cultivation', {
  timeline: action<TimelineView>()({
    input: z.strictObject({ nominationId: z.optional(id) }),
    access: ['youth', ...CADRES],
    write: false,
    errors: ['CULTIVATION.NOT_SELECTED', 'CULTIVATION.NOT_FOUND'],
  }),
  recordMeasure: action<MeasureView>()({
    input: z.strictObject({ nominationId: id, measure: MeasureFields }),
    access: CADRES,
    write: true,
    errors: ['CULTIVATION.NOT_FOUND', 'CULTIVATION.FUTURE_DATE'],
  }),
  addMeasure: action<MeasureView>()({
    input: MeasureFields,
    access: ['youth'],
    write: true,
    errors: ['CULTIVATION.NOT_SELECTED', 'CULTIVATION.FUTURE_DATE'],
  }),
  decideMeasure: action<MeasureView>()({
    input: DecideMeasureInput,
    access: CADRES,
    write: true,
    errors: ['CULTIVATION.NOT_FOUND', 'CULTIVATION.INVALID_STATE'],
  }),
  pendingMeasures: action<Paged<MeasureView>>()({
    input: z.strictObject({ ...scoped, page, pageSize }),
    access: CADRES,
    write: false,
    errors: ['PERIOD.NOT_FOUND', 'ORG.NOT_FOUND'],
  }),
  ledger: action<Paged<LedgerRow>>()({
    input: z.strictObject({ ...scoped, filter: z.optional(z.enum(['all', 'idle', 'noTalk'])), page, pageSize }),
    access: CADRES,
    write: false,
    errors: ['PERIOD.NOT_FOUND', 'ORG.NOT_FOUND'],
  }),
  coverage: action<CoverageView>()({
    input: z.strictObject(scoped),
    access: CADRES,
    write: false,
    errors: ['PERIOD.NOT_FOUND', 'ORG.NOT_FOUND'],
  }),
  startParty: action<PartyView>()({
    input: z.strictObject({ nominationId: id, date: PartyStepFields.shape.date }),
    access: CADRES,
    write: true,
    errors: ['CULTIVATION.NOT_FOUND', 'CULTIVATION.PARTY_EXISTS', 'CULTIVATION.FUTURE_DATE'],
  }),
  /** The unit's active youths in the youth database, the 好青年 first, for a Party application (issue 13). */
  partyCandidates: action<Paged<PartyCandidate>>()({
    input: z.strictObject({ unitId: z.optional(id), keyword: z.optional(text(20)), page, pageSize }),
    access: CADRES,
    write: false,
    errors: ['ORG.NOT_FOUND', 'ORG.NOT_A_UNIT'],
  }),
  /**
   * A Party application of an active youth of the unit's youth database (入党申请人): through their nomination
   * when they have one in the running, else a record of its own with League membership as the unit states it.
   */
  startPartyForYouth: action<PartyView>()({
    input: z.strictObject({ youthId: id, date: PartyStepFields.shape.date, leagueMember: z.boolean() }),
    access: CADRES,
    write: true,
    errors: ['CULTIVATION.NOT_FOUND', 'CULTIVATION.PARTY_EXISTS', 'CULTIVATION.FUTURE_DATE', 'YOUTH.INVALID_STATE'],
  }),
  advanceParty: action<PartyView>()({
    input: z.strictObject({
      nominationId: id,
      event: z.enum(['recommend', 'activate', 'designate', 'admit', 'confirm']),
      ...PartyStepFields.shape,
    }),
    access: CADRES,
    write: true,
    errors: [
      'CULTIVATION.NOT_FOUND',
      'CULTIVATION.INVALID_STATE',
      'CULTIVATION.FUTURE_DATE',
      'CULTIVATION.DATE_ORDER',
      'CULTIVATION.NOT_LEAGUE_MEMBER',
      'CULTIVATION.NOT_RECOMMENDED',
      'CULTIVATION.LEAGUE_ORG',
      'CULTIVATION.QUOTA_FULL',
    ],
  }),
  pipeline: action<PipelineView>()({
    input: z.strictObject({ ...scoped, stage: z.optional(z.enum(PARTY_STAGES)), page, pageSize }),
    access: CADRES,
    write: false,
    errors: ['ORG.NOT_FOUND'],
  }),
  setPartyQuota: action<{ year: number; limit: number; used: number }>()({
    input: z.strictObject({
      unitId: id,
      year: z.int().check(z.minimum(2020), z.maximum(2100)),
      limit: z.int().check(z.minimum(0), z.maximum(500)),
      reason: reasonText,
    }),
    access: OVERSEERS,
    write: true,
    errors: ['ORG.NOT_FOUND', 'ORG.NOT_A_UNIT', 'CULTIVATION.QUOTA_BELOW_USED'],
  }),
  nominateReserve: action<ReserveView>()({
    input: z.strictObject({ nominationId: id, reason: reasonText }),
    access: CADRES,
    write: true,
    errors: ['CULTIVATION.NOT_FOUND', 'CULTIVATION.RESERVE_EXISTS'],
  }),
  decideReserve: action<ReserveView>()({
    input: z.strictObject({
      nominationId: id,
      event: z.enum(['admit', 'inspect', 'appoint', 'withdraw']),
      reason: reasonText,
    }),
    access: OVERSEERS,
    write: true,
    errors: ['CULTIVATION.NOT_FOUND', 'CULTIVATION.INVALID_STATE'],
  }),
  reservePool: action<
    Paged<ReserveView> & { counts: Array<{ status: ReserveStatus; label: string; count: number }> }
  >()({
    input: z.strictObject({ ...scoped, status: z.optional(z.enum(RESERVE_STATUSES)), page, pageSize }),
    access: CADRES,
    write: false,
    errors: ['ORG.NOT_FOUND'],
  }),
  createCampaign: action<CampaignView>()({
    input: z.strictObject({
      name: text(20),
      politicalStatuses: z.array(z.enum(POLITICAL_STATUSES)).check(z.maxLength(6)),
      maxAge: z.optional(z.int().check(z.minimum(18), z.maximum(60))),
      minYearsInPost: z.optional(z.int().check(z.minimum(1), z.maximum(40))),
      closingDate: PartyStepFields.shape.date,
    }),
    access: ['cityAdmin'],
    write: true,
    errors: ['CULTIVATION.CLOSED'],
  }),
  campaigns: action<CampaignView[]>()({ input: empty, access: CADRES, write: false, errors: [] }),
  /** `missingPostSince`: 好青年 left out only because their record has no post start date (a years-in-post criterion). */
  shortlist: action<Paged<ShortlistRow> & { campaign: CampaignView; missingPostSince: number }>()({
    input: z.strictObject({ campaignId: id, ...scoped, page, pageSize }),
    access: CADRES,
    write: false,
    errors: ['CULTIVATION.NOT_FOUND', 'PERIOD.NOT_FOUND', 'ORG.NOT_FOUND'],
  }),
  campaignForm: action<{ url: string; fileName: string; expiresAt: string }>()({
    input: z.strictObject({ campaignId: id, nominationId: id }),
    access: CADRES,
    write: true,
    errors: ['CULTIVATION.NOT_FOUND', 'CULTIVATION.NOT_ELIGIBLE'],
  }),
  /** The daily timer: warn the unit and the youth ahead of the 28th birthday of applicants not yet recommended. */
  warnBirthdays: action<{ warned: number }>()({
    input: empty,
    access: 'system',
    write: true,
    errors: [],
  }),
});

export type CultivationContract = typeof cultivationContract;
export type { LeagueRouteGap };
