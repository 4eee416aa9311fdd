/**
 * The cadres' function (`admin`): quotas, dashboards, rosters, filing and
 * objections (R3, R4.2–R4.5, R8). Every action is scoped: a unit admin sees
 * its unit, a district admin its district, the city everything.
 */
import * as z from 'zod/mini';
import {
  MAX_SCAN_PAGES,
  MAX_SCAN_PHOTOS,
  SCAN_KINDS,
  scanShapeIssue,
  type FilingKind,
  type FilingState,
  type ScanKind,
} from '../filing';
import type { NominationStatus } from '../nomination';
import { UNIT_CATEGORIES, type UnitCategory } from '../org';
import { EDUCATIONS, POLITICAL_STATUSES, type Education, type PoliticalStatus } from '../profile';
import { id, keyword, page, pageSize, type Paged } from './common';
import { action, defineContract } from './define';
import {
  DecideQuotaRequestInput,
  FileInput,
  ObjectionInput,
  ReopenInput,
  ResolveObjectionInput,
  RequestQuotaInput,
  RevealContactInput,
  SetQuotaInput,
  subjectId,
} from './forms';
import { fileId } from './nomination-form';

const CADRES = ['unitAdmin', 'districtAdmin', 'cityAdmin'] as const;
const OVERSEERS = ['districtAdmin', 'cityAdmin'] as const;

export interface QuotaView {
  unitId: string;
  unitName: string;
  districtId: string | null;
  category: UnitCategory;
  youthCount: number;
  /** R3.1 from the head-count and the period's ratio. */
  suggested: number;
  /** R3.2 raised (or lowered) by the district or city, with the reason. */
  override: number | null;
  overrideReason: string | null;
  limit: number;
  approved: number;
}

export interface QuotaRequestView {
  id: string;
  unitId: string;
  unitName: string;
  districtName: string;
  requested: number;
  limitBefore: number;
  reason: string;
  status: 'pending' | 'approved' | 'rejected';
  requestedByName: string;
  createdAt: string;
  decidedByName: string | null;
  decidedAt: string | null;
  decisionReason: string | null;
}

/** One audited view of personal data or one export, as the city reads the trail (never the value itself). */
export interface AuditItem {
  id: string;
  at: string;
  actorName: string;
  kind: 'idNumber' | 'phone' | 'contact' | 'export' | 'scan';
  /** Whose number (the nominee's name), or the exported (or filed) scope's name. */
  subject: string;
  /** The reason given (reveals), the format and rows (exports), or which file of a stamped scan. */
  detail: string;
}

export interface DashboardView {
  scope: { level: 'city' | 'district'; orgId: string; name: string };
  target: number;
  approved: number;
  progressPercent: number;
  /** R3.3 units of the must-cover categories still without a selected youth. */
  uncovered: Array<{ unitId: string; name: string; category: UnitCategory; districtName: string }>;
  /** Must-cover units with quota 0: they cannot be covered and are not counted as uncovered (issue 9 §16). */
  exempt: Array<{ unitId: string; name: string; category: UnitCategory; districtName: string }>;
  uncoveredByCategory: Record<'party_gov' | 'soe' | 'central_soe', number>;
  /** R3.4 approved two_new youths per district. */
  twoNewByDistrict: Array<{ districtId: string; name: string; count: number }>;
  /** R4.3 countdowns in China time. */
  deadlines: Array<{ key: 'nomination' | 'filing'; at: string; days: number; hours: number; passed: boolean }>;
  /** `empty`: filed with "本单位本期无推荐人选" (issue 9 §4). */
  filing: { filed: number; total: number; empty: number };
}

/** What a dashboard figure stands for, listed unit by unit (issue 9: drill-down). */
export const UNIT_LISTS = ['all', 'approved', 'uncovered', 'exempt', 'twoNew', 'unfiled', 'filed', 'noAdmin'] as const;
export type UnitList = (typeof UNIT_LISTS)[number];

/** One unit behind a dashboard figure. */
export interface UnitRow {
  unitId: string;
  name: string;
  districtId: string | null;
  districtName: string;
  category: UnitCategory;
  youthCount: number;
  limit: number;
  approved: number;
  /** Whether the unit has an admin account; without one its district reviews for it (issue 9 §2). */
  hasAdmin: boolean;
  /** The state of the list the unit is filed in (its own, or its district's grassroots list). */
  filing: FilingState;
  /** R3.3 must be covered (a must-cover unit with a place). */
  mustCover: boolean;
}

export interface RosterItem {
  id: string;
  name: string;
  sex: 'male' | 'female';
  /** Full years today; never the birth date (it completes the masked ID number). */
  age: number;
  idNumberMasked: string;
  phoneMasked: string;
  unitId: string;
  unitName: string;
  category: UnitCategory;
  districtName: string;
  status: NominationStatus;
  politicalStatus: PoliticalStatus;
  education: Education;
  post: string;
}

export interface FilingView {
  id: string;
  kind: FilingKind;
  orgId: string;
  name: string;
  districtName: string;
  state: FilingState;
  approvedRows: number;
  filedAt: string | null;
  filedByName: string | null;
  reopenReason: string | null;
  /** Filed with "本单位本期无推荐人选": the reason given (issue 9 §4); null otherwise. */
  emptyReason: string | null;
  openObjections: number;
  /** Nominations submitted while the list was locked, held until it is reopened (issue 9 §3). */
  waiting: number;
  scan: {
    kind: ScanKind;
    /** The PDF, or the photos in page order, each with the SHA-256 the server computed from the stored bytes. */
    files: ScanFile[];
    pageCount: number;
    confirmedRows: number;
    uploadedByName: string;
    at: string;
  } | null;
  /** The stamped table's confirmed row count differs from the filed data. */
  rowMismatch: boolean;
}

export interface ScanFile {
  fileId: string;
  sha256: string;
}

/** A file served for a few minutes to the one caller it was issued to (issue 8 §10). */
export interface FileLink {
  url: string;
  /** The name to save it under. */
  fileName: string;
  expiresAt: string;
}

export interface ObjectionView {
  id: string;
  nominationId: string;
  youthName: string;
  unitName: string;
  content: string;
  /** Issue 9 §8: the objector's contact, masked; the full one only through `revealContact` (audited). */
  contactMasked: string | null;
  /** Who signed the objection (实名反映), null when it was filed unsigned. */
  objectorName: string | null;
  /** The caller handles it: open, and they review its unit (the unit's admin, or the district for a unit without one). */
  mayResolve: boolean;
  status: 'open' | 'resolved';
  disposition: 'upheld' | 'dismissed' | null;
  note: string | null;
  createdAt: string;
  resolvedAt: string | null;
}

export const RosterQuery = z.strictObject({
  keyword,
  districtId: z.optional(id),
  unitId: z.optional(id),
  category: z.optional(z.enum(UNIT_CATEGORIES)),
  status: z.optional(z.enum(['submitted', 'returned', 'approved', 'rejected'])),
  politicalStatus: z.optional(z.enum(POLITICAL_STATUSES)),
  education: z.optional(z.enum(EDUCATIONS)),
  page,
  pageSize,
});
export type RosterQuery = z.infer<typeof RosterQuery>;

/** R4.5 the stamped table: one PDF, or up to 9 photos (one a page); the uploader confirms its row count. */
export const AttachScanInput = z
  .strictObject({
    filingId: subjectId,
    kind: z.enum(SCAN_KINDS),
    files: z
      .array(z.strictObject({ fileId, sha256: z.string().check(z.regex(/^[0-9a-f]{64}$/)) }))
      .check(z.minLength(1), z.maxLength(MAX_SCAN_PHOTOS)),
    pageCount: z.int().check(z.minimum(1), z.maximum(MAX_SCAN_PAGES)),
    confirmedRows: z.int().check(z.minimum(0), z.maximum(5000)),
  })
  .check(
    z.superRefine((scan, ctx) => {
      const path = scanShapeIssue(scan.kind, scan.files.length, scan.pageCount);
      const message = path === 'files' ? 'a PDF scan is exactly one file' : 'photos are one a page';
      if (path) ctx.addIssue({ code: 'custom', path: [path], message });
    }),
  );
export type AttachScanInput = z.infer<typeof AttachScanInput>;

export const adminContract = defineContract('admin', {
  quotas: action<Paged<QuotaView>>()({
    input: z.strictObject({ districtId: z.optional(id), unitId: z.optional(id), page, pageSize }),
    access: CADRES,
    write: false,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  setQuota: action<{ quota: QuotaView }>()({
    input: SetQuotaInput,
    access: OVERSEERS,
    write: true,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'ORG.NOT_A_UNIT', 'QUOTA.BELOW_USED'],
  }),
  /** A unit admin asks the district (the city for a city-level unit) for more places; one open request a unit. */
  requestQuota: action<{ request: QuotaRequestView }>()({
    input: RequestQuotaInput,
    access: ['unitAdmin'],
    write: true,
    errors: [
      'PERIOD.NOT_FOUND',
      'AUTH.OUT_OF_SCOPE',
      'ORG.NOT_FOUND',
      'ORG.NOT_A_UNIT',
      'QUOTA.REQUEST_PENDING',
      'QUOTA.REQUEST_NOT_HIGHER',
    ],
  }),
  quotaRequests: action<Paged<QuotaRequestView>>()({
    input: z.strictObject({ status: z.optional(z.enum(['pending', 'decided'])), page, pageSize }),
    access: CADRES,
    write: false,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  /** The district (or the city) approves — the quota changes as setQuota changes it — or refuses, with a reason. */
  decideQuotaRequest: action<{ request: QuotaRequestView; quota: QuotaView | null }>()({
    input: DecideQuotaRequestInput,
    access: OVERSEERS,
    write: true,
    errors: [
      'PERIOD.NOT_FOUND',
      'AUTH.OUT_OF_SCOPE',
      'ORG.NOT_FOUND',
      'QUOTA.REQUEST_NOT_FOUND',
      'QUOTA.REQUEST_DECIDED',
      'QUOTA.BELOW_USED',
    ],
  }),
  /** The city's audit view (issue 9): who saw which full number, exported which table or opened which scan, when and why. */
  auditLog: action<Paged<AuditItem>>()({
    input: z.strictObject({ kind: z.enum(['reveal', 'export']), page, pageSize }),
    access: ['cityAdmin'],
    write: false,
    errors: [],
  }),
  dashboard: action<DashboardView>()({
    input: z.strictObject({ districtId: z.optional(id) }),
    access: OVERSEERS,
    write: false,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  /** The units behind a dashboard figure (uncovered, 两新 of a district, unfiled…), or those without an admin. */
  units: action<Paged<UnitRow>>()({
    input: z.strictObject({ districtId: z.optional(id), show: z.enum(UNIT_LISTS), page, pageSize }),
    access: OVERSEERS,
    write: false,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  roster: action<Paged<RosterItem>>()({
    input: RosterQuery,
    access: CADRES,
    write: false,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  filings: action<Paged<FilingView>>()({
    input: z.strictObject({
      districtId: z.optional(id),
      state: z.optional(z.enum(['open', 'filed', 'reopened'])),
      page,
      pageSize,
    }),
    access: CADRES,
    write: false,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  /** An empty list is filed only with the declaration "本单位本期无推荐人选" and its reason (issue 9 §4). */
  file: action<{ filing: FilingView }>()({
    input: FileInput,
    access: ['unitAdmin', 'districtAdmin'],
    write: true,
    errors: [
      'PERIOD.NOT_FOUND',
      'AUTH.OUT_OF_SCOPE',
      'ORG.NOT_FOUND',
      'FILING.ALREADY_FILED',
      'FILING.OBJECTIONS_PENDING',
      'FILING.EMPTY',
    ],
  }),
  reopen: action<{ filing: FilingView }>()({
    input: ReopenInput,
    access: OVERSEERS,
    write: true,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'FILING.NOT_FILED'],
  }),
  /** Who was reminded, who could not be (no admin yet) and who was already reminded today (issue 9 §9). */
  remindLate: action<{ reminded: Array<{ name: string; admins: number }>; noAdmin: string[]; already: string[] }>()({
    input: z.strictObject({ districtId: z.optional(id) }),
    access: OVERSEERS,
    write: true,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  attachScan: action<{ filing: FilingView }>()({
    input: AttachScanInput,
    access: ['unitAdmin', 'districtAdmin'],
    write: true,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'FILING.NOT_FILED', 'FILE.INVALID'],
  }),
  /** A short-lived link to one file of the stamped scan, for those who may see the filing (issue 8 §10, issue 9 §7). */
  scanLink: action<FileLink>()({
    input: z.strictObject({ filingId: subjectId, index: z.int().check(z.minimum(0), z.maximum(MAX_SCAN_PHOTOS - 1)) }),
    access: CADRES,
    // R9.1 the scan shows full ID numbers: each opening is audited, and a link is never replayed from a record.
    write: true,
    replay: false,
    errors: ['PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'FILE.INVALID'],
  }),
  objections: action<Paged<ObjectionView>>()({
    input: z.strictObject({ status: z.optional(z.enum(['open', 'resolved'])), page, pageSize }),
    access: CADRES,
    write: false,
    errors: ['PERIOD.NOT_FOUND'],
  }),
  /** Issue 9 §8: the objector's full contact, to whoever handles the objection, with a recorded reason. */
  revealContact: action<{ value: string }>()({
    input: RevealContactInput,
    access: CADRES,
    write: true,
    replay: false,
    errors: ['OBJECTION.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'NOMINATION.NOT_REVIEWER'],
  }),
  resolveObjection: action<{ objection: ObjectionView }>()({
    input: ResolveObjectionInput,
    access: ['unitAdmin', 'districtAdmin', 'cityAdmin'],
    write: true,
    errors: [
      'NOMINATION.OWN_RECORD',
      'NOMINATION.NOT_REVIEWER',
      'OBJECTION.NOT_FOUND',
      'OBJECTION.RESOLVED',
      'AUTH.OUT_OF_SCOPE',
      'FILING.LOCKED',
      'NOMINATION.INVALID_STATE',
    ],
  }),
});
export type AdminContract = typeof adminContract;

/** The official summary table (附件 “好青年”候选人汇总表, R4.5) as Word or Excel. */
export const exportContract = defineContract('export', {
  summaryTable: action<{ url: string; fileName: string; rows: number; expiresAt: string }>()({
    input: z.strictObject({ scope: z.enum(['unit', 'district', 'city']), orgId: id, format: z.enum(['docx', 'xlsx']) }),
    access: CADRES,
    write: true,
    errors: ['NOMINATION.OWN_RECORD', 'PERIOD.NOT_FOUND', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'EXPORT.EMPTY'],
  }),
});
export type ExportContract = typeof exportContract;

export interface NoticeItem {
  nominationId: string;
  name: string;
  sex: 'male' | 'female';
  unitName: string;
  post: string;
  politicalStatus: PoliticalStatus;
  education: Education;
  /** Only where the youth consented (R8.1). */
  deeds: string | null;
}

/** 公示 (R8): the selected youths, masked, and objections from anyone. */
export const noticeContract = defineContract('notice', {
  /** `noticeUntil`: the notice runs until the lists are filed (the filing deadline); `contact` whom to ask. */
  list: action<Paged<NoticeItem> & { periodName: string; noticeUntil: string; contact: string | null }>()({
    input: z.strictObject({ keyword, page, pageSize }),
    access: 'public',
    write: false,
    errors: ['PERIOD.NOT_FOUND'],
  }),
  object: action<{ objectionId: string }>()({
    input: ObjectionInput,
    access: 'identified',
    write: true,
    errors: ['NOMINATION.NOT_FOUND', 'PERIOD.NOT_FOUND', 'OBJECTION.DUPLICATE', 'OBJECTION.LIMIT'],
  }),
});
export type NoticeContract = typeof noticeContract;
