/**
 * The cultivation area's collections (issue 13): the measures of the 好青年's cultivation ledger, one Party
 * development record per youth, and the units' separate 推优 quotas (名额单列). The cultivation function works on
 * them; a youth is named by the id of their nomination (the 好青年 record), never by personal data.
 */
import type {
  MeasureEvent,
  MeasureKind,
  MeasureStatus,
  PartyEvent,
  PartyStage,
  ReserveEvent,
  ReserveStatus,
  TalkWith,
} from '../../../miniprogram/core/cultivation';
import { collection, defineCollections } from './define';
import type { FlowStep } from './mentoring';

export interface MeasureDoc {
  _id: string;
  nominationId: string;
  periodId: string;
  unitId: string;
  districtId: string | null;
  youthOpenid: string | null;
  youthName: string;
  kind: MeasureKind;
  title: string;
  startDate: string;
  endDate: string | null;
  organiser: string | null;
  hours: number | null;
  talkWith: TalkWith | null;
  talkWithName: string | null;
  summary: string | null;
  evidence: string;
  status: MeasureStatus;
  addedBy: 'unit' | 'youth';
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  reason: string | null;
  history: FlowStep<MeasureEvent>[];
}

export interface PartyStep {
  event: PartyEvent | 'apply';
  date: string;
  leagueOrg: string | null;
  note: string | null;
  by: string;
  byName: string;
  at: Date;
}

/**
 * A youth's Party development: by nomination id for a youth with a nomination in the running (the 好青年 first),
 * else by the id of their record in the youth database (`source: 'registry'`, issue 13: any active youth of the
 * unit).
 */
export interface PartyRecordDoc {
  _id: string; // nominationId, or youthId for a record started from the youth database
  periodId: string;
  unitId: string;
  districtId: string | null;
  youthOpenid: string | null;
  name: string;
  /** From the nomination (derived from the ID number); the age gate reads it on the server only. */
  birthDate: string;
  /** The day of the 28th birthday, for the warning timer's range query. */
  leagueBirthday: string;
  selected: boolean;
  /** The stage of Party development (the workflow's status). */
  status: PartyStage;
  leagueOrg: string | null;
  steps: PartyStep[];
  /** The 28th birthday the warning was sent for (once per youth). */
  warnedFor: string | null;
  updatedAt: Date;
  history: FlowStep<PartyEvent>[];
  /** Started from the youth database (no nomination): League membership as the unit recorded it at the start. */
  source?: 'registry';
  leagueMember?: boolean;
}

/** One Party record per person: `_id` is the keyed hash of the ID number, taken by id when a record starts. */
export interface PartyKeyDoc {
  _id: string;
  recordId: string;
}

/** A unit's separate quota of 推优 for the 好青年 in a year (名额单列), `<year>:<unitId>`. */
export interface PartyQuotaDoc {
  _id: string;
  unitId: string;
  districtId: string | null;
  year: number;
  limit: number;
  used: number;
  reason: string;
  setBy: string;
  updatedAt: Date;
}

/** A 好青年 as a reserve cadre (后备干部, R5.2), by nomination id: every move with its reason and who decided. */
export interface ReserveDoc {
  _id: string; // nominationId
  periodId: string;
  unitId: string;
  districtId: string | null;
  youthOpenid: string | null;
  name: string;
  status: ReserveStatus;
  createdAt: Date;
  updatedAt: Date;
  history: FlowStep<ReserveEvent | 'nominate'>[];
}

/** An honours campaign (评优评先, R5.2): its criteria and closing date; the shortlist is computed, never stored. */
export interface CampaignDoc {
  _id: string;
  name: string;
  politicalStatuses: string[];
  maxAge: number | null;
  /** Whole years in the current post on the closing date (the youth record's 任现岗位时间); absent before issue 13's fix. */
  minYearsInPost?: number | null;
  closingDate: string;
  createdBy: string;
  createdAt: Date;
}

export const CULTIVATION = defineCollections([
  collection<MeasureDoc>()({
    name: 'measures',
    indexes: [
      // A youth's timeline, newest first.
      ['nominationId', 'startDate'],
      // A unit's, a district's or the city's records waiting for a decision, and the ledger's facts.
      ['periodId', 'unitId', 'status'],
      ['periodId', 'districtId', 'status'],
      ['periodId', 'status'],
    ],
    rule: 'closed',
  }),
  collection<PartyRecordDoc>()({
    name: 'partyRecords',
    indexes: [
      // The pipeline of a unit, a district, the city.
      ['unitId', 'status'],
      ['districtId', 'status'],
      'status',
      // The warning timer: 28th birthdays in the coming weeks.
      ['leagueBirthday', 'status'],
    ],
    rule: 'closed',
  }),
  collection<PartyQuotaDoc>()({ name: 'partyQuotas', indexes: [], rule: 'closed' }),
  collection<PartyKeyDoc>()({ name: 'partyKeys', indexes: [], rule: 'closed' }),
  // Open campaigns: closing today or later.
  collection<CampaignDoc>()({ name: 'campaigns', indexes: ['closingDate'], rule: 'closed' }),
  // The pool of a unit, a district, the city, by status.
  collection<ReserveDoc>()({
    name: 'reserveCadres',
    indexes: [['unitId', 'status'], ['districtId', 'status'], 'status'],
    rule: 'closed',
  }),
]);
