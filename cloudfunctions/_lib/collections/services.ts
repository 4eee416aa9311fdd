/**
 * The services area's collections (issue 12): the catalogue the city maintains (one document per type, with its
 * handlers), the requests and their timeline, the consents of sensitive types, the offers (政策找人) and whom
 * they reached, and the participation records of R7.3. The `services` function works on them.
 */
import type {
  OfferCriteria,
  ParticipationKindName,
  RequestEvent,
  RequestStatus,
  ServiceField,
  ServiceOwner,
  TimerStage,
} from '../../../miniprogram/core/services';
import { collection, defineCollections } from './define';

/** A handler of a type at one organisation (a district, or the city): a cadre account by OPENID. */
export interface HandlerGrant {
  orgId: string;
  openid: string;
  name: string;
}

export interface ServiceTypeDoc {
  _id: string;
  name: string;
  description: string;
  owner: ServiceOwner;
  limitDays: number;
  sensitive: boolean;
  fields: ServiceField[];
  active: boolean;
  order: number;
  handlers: HandlerGrant[];
  updatedBy: string;
  updatedAt: Date;
}

export interface ServiceStep {
  at: Date;
  action: RequestEvent | 'submit' | 'escalate' | 'remind';
  actor: string;
  actorName: string;
  comment: string | null;
}

export interface Escalation {
  at: Date;
  from: string;
  to: string;
  stage: TimerStage;
}

export interface ServiceRequestDoc {
  _id: string;
  typeId: string;
  typeName: string;
  sensitive: boolean;
  youthOpenid: string;
  youthName: string;
  unitId: string | null;
  unitName: string;
  districtId: string | null;
  /** The organisation that owns it: the youth's district, or the city. */
  ownerOrgId: string;
  /** Where it is held now: the owner's level, or the city once escalated. */
  level: ServiceOwner;
  escalations: Escalation[];
  /** `<typeId>@<orgId>` of every organisation whose handlers of the type hold it (the queue's key). */
  queueKeys: string[];
  /** Sealed JSON `{ description, fields }`: what the youth wrote is read only where the wall lets it through. */
  contentEnc: string;
  attachments: string[];
  status: RequestStatus;
  submittedAt: Date;
  acceptedAt: Date | null;
  resolvedAt: Date | null;
  closedAt: Date | null;
  acceptBy: Date;
  resolveBy: Date;
  /** The deadline it works towards now (the queue's order: overdue first); null once nothing is owed. */
  dueAt: Date | null;
  /** When the timer looks at it next; null when it has nothing to do. */
  nextCheckAt: Date | null;
  remindedAccept: boolean;
  remindedResolve: boolean;
  /** Ever overdue (the timer flagged it, or it was resolved late): the dashboards' overdue share. */
  wasOverdue: boolean;
  handlerOpenid: string | null;
  handlerName: string | null;
  resolution: string | null;
  rating: number | null;
  ratingComment: string | null;
  offerId: string | null;
  history: ServiceStep[];
  updatedAt: Date;
  /** R9.2: set when the youth withdraws the consent (asks for erasure); the erasure timer deletes the request. */
  eraseAfter?: Date | null;
}

/** A youth's consent to a sensitive type (`<openid>:<typeId>`), asked when they open it. */
export interface ServiceConsentDoc {
  _id: string;
  openid: string;
  typeId: string;
  granted: boolean;
  at: Date;
  history: Array<{ granted: boolean; at: Date }>;
}

/** An offer (政策找人): criteria over the youths of the publisher's scope, a closing date, the type it opens. */
export interface ServiceOfferDoc {
  _id: string;
  title: string;
  description: string;
  typeId: string;
  criteria: OfferCriteria;
  /** China date, inclusive. */
  closesOn: string;
  /** The publisher's scope: the city or a district. */
  orgId: string;
  districtId: string | null;
  reached: number;
  applied: number;
  createdBy: string;
  createdAt: Date;
}

/** One youth an offer reached (`<offerId>:<openid>`), and the request their one-tap application opened. */
export interface OfferReachDoc {
  _id: string;
  offerId: string;
  openid: string;
  requestId: string | null;
  at: Date;
}

export type ParticipationKind = ParticipationKindName;

/** R7.3: a volunteer organisation and hours (the youth's own), accident insurance and credit incentives (cadres). */
export interface ParticipationDoc {
  _id: string;
  openid: string;
  youthName: string;
  unitId: string;
  districtId: string | null;
  kind: ParticipationKind;
  /** The organisation joined, the insurance product, or the credit-incentive programme. */
  name: string;
  hours: number;
  recordedBy: string;
  at: Date;
  /** Insurance and credit incentives: the China date the cadre gave (older records: none, read as `at`). */
  on?: string;
  /** R9.2: as a request's. */
  eraseAfter?: Date | null;
}

export const SERVICES = defineCollections([
  // The catalogue: a handful of documents, read whole.
  collection<ServiceTypeDoc>()({ name: 'serviceTypes', indexes: [], rule: 'closed' }),
  collection<ServiceRequestDoc>()({
    name: 'serviceRequests',
    indexes: [
      // A youth's requests, newest first.
      ['youthOpenid', 'submittedAt'],
      // A handler's queue: the types and organisations they handle, the earliest deadline (overdue) first.
      ['queueKeys', 'dueAt'],
      // The timer: what is due a look.
      'nextCheckAt',
      // Dashboards and admins' reading of a district or the city.
      ['ownerOrgId', 'submittedAt'],
      ['districtId', 'submittedAt'],
      // The erasure timer finds the requests due.
      'eraseAfter',
    ],
    rule: 'closed',
  }),
  collection<ServiceConsentDoc>()({ name: 'serviceConsents', indexes: ['openid'], rule: 'closed' }),
  collection<ServiceOfferDoc>()({ name: 'serviceOffers', indexes: [['orgId', 'createdAt']], rule: 'closed' }),
  collection<OfferReachDoc>()({ name: 'offerReach', indexes: [['openid', 'at'], 'offerId'], rule: 'closed' }),
  collection<ParticipationDoc>()({
    name: 'participation',
    indexes: [['openid', 'at'], ['districtId', 'kind'], 'eraseAfter'],
    rule: 'closed',
  }),
]);
