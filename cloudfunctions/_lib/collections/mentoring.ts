/**
 * The mentoring area's collections (issue 11): the mentor service group (one profile per mentor), the selected
 * youths' mentoring records (goals, and the one open match that takes them), the matches, and the city's
 * settings (the expertise list). The mentoring function works on them.
 */
import type { MatchEvent, MatchStatus, MentorEvent, MentorStatus, Sector } from '../../../miniprogram/core/mentoring';
import { collection, defineCollections } from './define';

export interface FlowStep<E extends string> {
  at: Date;
  action: E;
  actor: string;
  actorName: string;
  comment: string | null;
}

/** A mentor of the service group, by OPENID. `load` counts their open (published or active) matches. */
export interface MentorDoc {
  _id: string; // OPENID
  name: string;
  status: MentorStatus;
  orgName: string;
  unitId: string | null;
  sector: Sector | null;
  districtId: string | null;
  expertise: string[];
  capacity: number;
  load: number;
  excludedNames: string[];
  pauseReason: string | null;
  createdAt: Date;
  updatedAt: Date;
  history: FlowStep<MentorEvent>[];
}

/** A selected youth's mentoring record, by nomination id: what they want to grow in, and the match that holds them. */
export interface MenteeDoc {
  _id: string; // nominationId
  periodId: string;
  openid: string | null;
  sector: Sector | null;
  goals: string[];
  note: string;
  /** The published or active match; null while the youth is in the pool. */
  openMatchId: string | null;
  updatedAt: Date;
}

export interface MatchDoc {
  _id: string;
  periodId: string;
  nominationId: string;
  youthOpenid: string | null;
  youthName: string;
  unitId: string;
  unitName: string;
  districtId: string | null;
  mentorId: string;
  mentorName: string;
  mentorOrg: string;
  score: number;
  reasons: string[];
  status: MatchStatus;
  /** The batch run that drafted it, or null for one proposed from the suggestions. */
  batchId: string | null;
  createdBy: string;
  createdAt: Date;
  updatedAt: Date;
  reason: string | null;
  history: FlowStep<MatchEvent>[];
}

/** City-wide settings of the area: `_id: 'expertise'` holds the list mentors and youths choose from. */
export interface MentoringSettingDoc {
  _id: string;
  items: string[];
  updatedBy: string;
  updatedAt: Date;
}

export const MENTORING = defineCollections([
  // The group of a district with its load; every mentor of the city by status.
  collection<MentorDoc>()({ name: 'mentors', indexes: [['districtId', 'status'], 'status'], rule: 'closed' }),
  // Read by nomination id; a period's records for the pool.
  collection<MenteeDoc>()({ name: 'mentees', indexes: ['periodId'], rule: 'closed' }),
  collection<MatchDoc>()({
    name: 'matches',
    indexes: [
      // Drafts and open matches of a district or the city.
      ['periodId', 'status', 'districtId'],
      // A mentor's mentees; a youth's match.
      ['mentorId', 'status'],
      ['nominationId', 'status'],
    ],
    rule: 'closed',
  }),
  collection<MentoringSettingDoc>()({ name: 'mentoringSettings', indexes: [], rule: 'closed' }),
]);
