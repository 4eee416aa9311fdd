/**
 * The `services` function (issue 12): the catalogue, service requests from submission to a rated resolution, the
 * handlers' queue, the timer's escalation (督办), offers (政策找人), participation records (R7.3) and dashboards.
 */
import * as z from 'zod/mini';
import type { ParticipationKindName, RequestEvent, RequestStatus, ServiceField, ServiceOwner } from '../services';
import { DESCRIPTION_MAX, FIELD_TEXT_MAX, REQUEST_STATUSES } from '../services';
import { empty, id, optionalText, page, pageSize, reasonText, text, type Paged } from './common';
import { action, defineContract } from './define';

const ADMINS = ['cityAdmin', 'districtAdmin'] as const;
const requestId = z.strictObject({ requestId: id });
/** Every lifecycle move may meet these: the request behind the wall, its state, who may make the move, the 7 days. */
const MOVE_ERRORS = [
  'SERVICE.NOT_FOUND',
  'SERVICE.INVALID_STATE',
  'SERVICE.NOT_HANDLER',
  'SERVICE.NOT_REQUESTER',
  'SERVICE.REOPEN_EXPIRED',
] as const;
const fieldValues = z.record(
  z.string().check(z.minLength(1), z.maxLength(20)),
  z.string().check(z.maxLength(FIELD_TEXT_MAX)),
);

export interface ServiceTypeView {
  id: string;
  name: string;
  description: string;
  owner: ServiceOwner;
  limitDays: number;
  sensitive: boolean;
  fields: ServiceField[];
  /** Sensitive types: whether the caller has given this type's own consent. */
  consented: boolean;
}

export interface CatalogueEntryView extends ServiceTypeView {
  active: boolean;
  order: number;
  handlers: Array<{ orgId: string; orgName: string; openid: string; name: string }>;
}

export interface TimelineEntry {
  at: string;
  label: string;
  actorName: string;
  comment: string | null;
}

export interface RequestView {
  id: string;
  typeId: string;
  typeName: string;
  sensitive: boolean;
  status: RequestStatus;
  statusLabel: string;
  youthName: string;
  unitName: string;
  districtName: string;
  /** "需求：租房 · 意向区域：越城区 · …" */
  summary: string;
  submittedAt: string;
  /** The deadline worked towards now, or null. */
  dueAt: string | null;
  overdue: boolean;
  /** 区县团委 / 团市委（督办） */
  levelLabel: string;
  escalated: boolean;
  handlerName: string | null;
  rating: number | null;
}

export interface RequestDetailView extends RequestView {
  description: string;
  fields: Array<{ label: string; value: string }>;
  resolution: string | null;
  ratingComment: string | null;
  timeline: TimelineEntry[];
  escalations: Array<{ at: string; to: string }>;
  /** What the caller may do now, from the request table (and the 7-day reopen window). */
  actions: RequestEvent[];
  /** The photos and documents the youth attached, opened one by one through `attachmentLink`. */
  attachments: Array<{ index: number; kind: 'image' | 'pdf' }>;
}

export interface QueueView extends Paged<RequestView> {
  overdue: number;
}

export interface StatsRow {
  key: string;
  label: string;
  volume: number;
  open: number;
  acceptMedianH: number | null;
  acceptP90H: number | null;
  resolveMedianH: number | null;
  resolveP90H: number | null;
  overduePct: number | null;
  satisfaction: number | null;
  rated: number;
}

export interface ServiceDashboardView {
  scopeName: string;
  /** The China date the figures start from (a year back), and whether the newest-5,000 cap cut them short. */
  since: string;
  capped: boolean;
  total: StatsRow;
  byType: StatsRow[];
  byDistrict: StatsRow[];
}

export const OfferCriteriaInput = z.strictObject({
  education: z.array(id).check(z.maxLength(10)),
  titles: z.array(text(12)).check(z.maxLength(5)),
  districtIds: z.array(id).check(z.maxLength(10)),
  unitCategories: z.array(id).check(z.maxLength(6)),
  politicalStatus: z.array(id).check(z.maxLength(6)),
  selectedIn: z.nullable(id),
});

export interface OfferView {
  id: string;
  title: string;
  description: string;
  typeId: string;
  typeName: string;
  closesOn: string;
  open: boolean;
  reached: number;
  applied: number;
  /** For a youth: the request their application opened. */
  requestId: string | null;
}

export interface ParticipationView {
  id: string;
  kind: ParticipationKindName;
  kindLabel: string;
  youthName: string;
  name: string;
  hours: number;
  at: string;
  /** Insurance and credit incentives: the China date of the enrolment or the status, as the cadre recorded it. */
  on: string | null;
}

/** A selected youth in the cadre's scope with what is recorded for them (R7.3): names, never numbers. */
export interface SelectedYouthView {
  nominationId: string;
  name: string;
  unitName: string;
  districtName: string;
  insurance: { name: string; on: string } | null;
  credit: { name: string; on: string } | null;
}

export interface CoverageRow {
  key: string;
  label: string;
  youths: number;
  volunteers: number;
  hours: number;
  insured: number;
  credit: number;
}

export const SubmitRequestInput = z.strictObject({
  typeId: id,
  description: text(DESCRIPTION_MAX, 5),
  fields: fieldValues,
  /** Photos or documents uploaded under the caller's own prefix (`account.uploadPath`). */
  attachments: z.optional(z.array(z.string().check(z.minLength(1), z.maxLength(300))).check(z.maxLength(3))),
  offerId: z.optional(id),
});

export const servicesContract = defineContract('services', {
  /** The active types a youth may request, with their consent where sensitive. */
  catalogue: action<ServiceTypeView[]>()({ input: empty, access: 'identified', write: false, errors: [] }),
  /** A sensitive type's own consent, asked when the youth opens it (or withdrawn). */
  consent: action<{ typeId: string; granted: boolean }>()({
    input: z.strictObject({ typeId: id, granted: z.boolean() }),
    access: ['youth'],
    write: true,
    errors: ['SERVICE.TYPE_UNKNOWN'],
  }),
  submit: action<RequestDetailView>()({
    input: SubmitRequestInput,
    access: ['youth'],
    write: true,
    errors: [
      'SERVICE.TYPE_UNKNOWN',
      'SERVICE.CONSENT_REQUIRED',
      'SERVICE.DAILY_LIMIT',
      'SERVICE.OFFER_CLOSED',
      'SERVICE.NOT_ELIGIBLE',
      'ACCOUNT.NOT_BOUND',
      'FILE.INVALID',
    ],
  }),
  mine: action<Paged<RequestView>>()({
    input: z.strictObject({ page, pageSize }),
    access: ['youth'],
    write: false,
    errors: [],
  }),
  /** One request: its youth, its handlers, or (not sensitive) an admin over its district. */
  get: action<RequestDetailView>()({
    input: requestId,
    access: 'identified',
    write: false,
    errors: ['SERVICE.NOT_FOUND'],
  }),
  /** A short-lived link to one attached photo or document, for whoever may read the request. */
  attachmentLink: action<{ url: string; expiresAt: string; kind: 'image' | 'pdf' }>()({
    input: z.strictObject({ requestId: id, index: z.int().check(z.minimum(0), z.maximum(2)) }),
    access: 'identified',
    write: false,
    errors: ['SERVICE.NOT_FOUND', 'FILE.INVALID'],
  }),
  queue: action<QueueView>()({
    input: z.strictObject({
      typeId: z.optional(id),
      status: z.optional(z.enum([...REQUEST_STATUSES, 'open'])),
      districtId: z.optional(id),
      page,
      pageSize,
    }),
    access: ADMINS,
    write: false,
    errors: [],
  }),
  accept: action<RequestDetailView>()({
    input: requestId,
    access: ADMINS,
    write: true,
    errors: MOVE_ERRORS,
  }),
  decline: action<RequestDetailView>()({
    input: z.strictObject({ requestId: id, reason: reasonText }),
    access: ADMINS,
    write: true,
    errors: MOVE_ERRORS,
  }),
  note: action<RequestDetailView>()({
    input: z.strictObject({ requestId: id, text: text(DESCRIPTION_MAX, 4) }),
    access: ADMINS,
    write: true,
    errors: MOVE_ERRORS,
  }),
  resolve: action<RequestDetailView>()({
    input: z.strictObject({ requestId: id, text: text(DESCRIPTION_MAX, 4) }),
    access: ADMINS,
    write: true,
    errors: MOVE_ERRORS,
  }),
  confirm: action<RequestDetailView>()({
    input: z.strictObject({
      requestId: id,
      rating: z.int().check(z.minimum(1), z.maximum(5)),
      comment: optionalText(DESCRIPTION_MAX),
    }),
    access: ['youth'],
    write: true,
    errors: MOVE_ERRORS,
  }),
  reopen: action<RequestDetailView>()({
    input: z.strictObject({ requestId: id, reason: reasonText }),
    access: ['youth'],
    write: true,
    errors: MOVE_ERRORS,
  }),
  /** The platform's timer: overdue requests flagged, handlers reminded, district requests past the limit escalated. */
  escalate: action<{ reminded: number; escalated: number }>()({
    input: empty,
    access: 'system',
    write: true,
    steps: true,
    errors: [],
  }),
  /** The whole catalogue with handlers, for its maintenance. */
  types: action<CatalogueEntryView[]>()({ input: empty, access: ADMINS, write: false, errors: [] }),
  saveType: action<CatalogueEntryView>()({
    input: z.strictObject({
      id: z.string().check(z.regex(/^[a-z][a-z0-9_]{1,23}$/)),
      name: text(10, 2),
      description: text(60),
      owner: z.enum(['district', 'city']),
      limitDays: z.int().check(z.minimum(1), z.maximum(60)),
      sensitive: z.boolean(),
      fields: z
        .array(
          z.strictObject({
            key: z.string().check(z.regex(/^[a-z][a-zA-Z0-9]{0,19}$/)),
            label: text(10),
            kind: z.enum(['choice', 'text']),
            options: z.optional(z.array(text(20)).check(z.maxLength(12))),
            required: z.boolean(),
          }),
        )
        .check(z.maxLength(6)),
      active: z.boolean(),
      order: z.int().check(z.minimum(0), z.maximum(99)),
    }),
    access: ['cityAdmin'],
    write: true,
    errors: [],
  }),
  /** The handlers of a type at one organisation (the city, or a district by its own admin or the city). */
  setHandlers: action<CatalogueEntryView>()({
    input: z.strictObject({ typeId: id, orgId: id, openids: z.array(id).check(z.maxLength(10)) }),
    access: ADMINS,
    write: true,
    errors: ['SERVICE.TYPE_UNKNOWN', 'SERVICE.HANDLER_INVALID', 'ORG.NOT_FOUND'],
  }),
  /** The admins of the city or a district who may be named handlers there: names only, in the caller's scope. */
  candidates: action<Array<{ openid: string; name: string }>>()({
    input: z.strictObject({ orgId: id }),
    access: ADMINS,
    write: false,
    errors: ['ORG.NOT_FOUND'],
  }),
  dashboard: action<ServiceDashboardView>()({
    input: z.strictObject({ districtId: z.optional(id) }),
    access: ADMINS,
    write: false,
    errors: ['ORG.NOT_FOUND'],
  }),
  publishOffer: action<OfferView>()({
    input: z.strictObject({
      title: text(20, 4),
      description: text(DESCRIPTION_MAX, 4),
      typeId: id,
      criteria: OfferCriteriaInput,
      closesOn: z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/)),
      districtId: z.optional(id),
    }),
    access: ADMINS,
    write: true,
    errors: ['SERVICE.TYPE_UNKNOWN', 'SERVICE.OFFER_CLOSED', 'ORG.NOT_FOUND', 'PERIOD.NOT_FOUND'],
  }),
  offers: action<Paged<OfferView>>()({
    input: z.strictObject({ districtId: z.optional(id), page, pageSize }),
    access: ADMINS,
    write: false,
    errors: ['ORG.NOT_FOUND'],
  }),
  myOffers: action<OfferView[]>()({ input: empty, access: ['youth'], write: false, errors: [] }),
  /** A youth's own volunteering (organisation and hours). */
  recordVolunteering: action<ParticipationView>()({
    input: z.strictObject({ name: text(30, 2), hours: z.number().check(z.minimum(0.5), z.maximum(500)) }),
    access: ['youth'],
    write: true,
    errors: ['ACCOUNT.NOT_BOUND'],
  }),
  /** A cadre records a selected youth's accident-insurance enrolment or credit-incentive status. */
  recordCoverage: action<ParticipationView>()({
    input: z.strictObject({
      nominationId: id,
      kind: z.enum(['insurance', 'credit']),
      name: text(30, 2),
      /** China date of the enrolment; not after today (default today). */
      on: z.optional(z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/))),
    }),
    access: ADMINS,
    write: true,
    errors: ['NOMINATION.NOT_FOUND'],
  }),
  /** The current period's selected youths in scope, with their insurance and credit-incentive records. */
  selectedYouths: action<Paged<SelectedYouthView>>()({
    input: z.strictObject({ districtId: z.optional(id), page, pageSize }),
    access: ADMINS,
    write: false,
    errors: ['ORG.NOT_FOUND'],
  }),
  myParticipation: action<ParticipationView[]>()({ input: empty, access: ['youth'], write: false, errors: [] }),
  /** Coverage per district (the city) or per unit (a district). */
  coverage: action<{ scopeName: string; rows: CoverageRow[] }>()({
    input: z.strictObject({ districtId: z.optional(id) }),
    access: ADMINS,
    write: false,
    errors: ['ORG.NOT_FOUND'],
  }),
});

export type ServicesContract = typeof servicesContract;
