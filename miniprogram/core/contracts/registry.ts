/**
 * The `registry` function (issue 14): the youth database over time — Excel import of the organisation tree,
 * head-counts and units' youth lists; periods; the freshness of each record; and a youth's own data (R9.2).
 */
import * as z from 'zod/mini';
import type { ImportKind, RowError } from '../registry-import';
import type { AlumniReason, PeriodChange, PeriodForm, YouthStatus } from '../registry';
import type { PeriodFigures } from '../registry-periods';
import { empty, id, page, pageSize, reasonText, text, type Paged } from './common';
import { fileId } from './nomination-form';
import { action, defineContract } from './define';

const ADMINS = ['cityAdmin', 'districtAdmin'] as const;
const kind = z.enum(['orgs', 'youths']);
const isoDate = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}$/));
const instant = z.string().check(z.regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+(Z|[+-]\d{2}:\d{2})$/));
const phone = z.string().check(z.regex(/^1[3-9]\d{9}$/));

export interface TemplateView {
  url: string;
  fileName: string;
}

export interface PreviewRow {
  row: number;
  change: 'new' | 'changed' | 'unchanged';
  /** The unit's or youth's name. */
  name: string;
  /** One line of what changes ("青年人数 40 → 60"), or what is new. */
  detail: string;
}

/** A unit whose approved count now exceeds its limit after a head-count change (approvals are kept). */
export interface OverQuotaView {
  unitId: string;
  name: string;
  limit: number;
  approved: number;
}

export interface ImportPreview {
  kind: ImportKind;
  total: number;
  counts: { new: number; changed: number; unchanged: number };
  /** Every error, row by row (the cadre fixes the workbook and uploads it again). */
  errors: RowError[];
  /** The first rows that change, for the preview list. */
  changes: PreviewRow[];
  /** After applying, these units' approved counts would exceed their new limits. */
  overQuota: OverQuotaView[];
}

export interface ImportResult {
  kind: ImportKind;
  counts: { new: number; changed: number; unchanged: number };
  overQuota: OverQuotaView[];
}

export interface PeriodsView {
  current: (PeriodForm & { id: string }) | null;
  /** The next period as the form starts it. */
  draft: PeriodForm | null;
}

export interface OpenPeriodView {
  periodId: string;
  changes: PeriodChange[];
  /** Selected youths of the last period who became alumni, and active youths past the new age limit. */
  alumni: number;
  agedOut: number;
}

export interface YouthRecordView {
  id: string;
  name: string;
  unitId: string;
  unitName: string;
  status: YouthStatus;
  statusText: string;
  alumniReason: AlumniReason | null;
  idNumberMasked: string;
  phoneMasked: string;
  age: number;
  post: string;
  /** 任现岗位时间, or null when the youth has not said. */
  postSince: string | null;
  lastConfirmedAt: string;
  stale: boolean;
  /** The periods the youth was selected in, by name. */
  selected: string[];
  pendingChange: { unitId: string; unitName: string; post: string; postSince: string | null } | null;
  /** The last change the youth asked for was refused, with the unit's reason (until they ask again). */
  changeRefused: { reason: string; at: string } | null;
}

/** A youth of the unit's imported list as a candidate for 组织推荐: whether this period's record already runs. */
export interface CandidateView extends YouthRecordView {
  /** The status of the youth's nomination this period (e.g. 待审核), or null when they have none in the running. */
  nomination: string | null;
}

/** What the 组织推荐 form starts from: the imported youth's own data (the full numbers, audited). */
export interface CandidatePrefill {
  youthId: string;
  unitId: string;
  name: string;
  idNumber: string;
  phone: string;
  post: string;
}

export interface MyRecordView {
  record: YouthRecordView | null;
  /** The yearly prompt (确认或更正本人信息) is due. */
  confirmDue: boolean;
}

export interface StaleUnitView {
  unitId: string;
  unitName: string;
  active: number;
  stale: number;
}

export interface ChangeView {
  youthId: string;
  name: string;
  fromUnitName: string;
  post: string;
  /** 任现岗位时间 the youth gave with the change, if any. */
  postSince: string | null;
  requestedAt: string;
}

export interface MyDataView {
  account: { displayName: string; roles: string[] } | null;
  record: YouthRecordView | null;
  nominations: Array<{ id: string; periodId: string; status: string; unitName: string; post: string }>;
  consents: Array<{ purpose: string; granted: boolean; at: string }>;
  mentoring: Array<{ status: string; mentorName: string }>;
  messages: number;
}

/** One period's figures in a comparison (issue 14), oldest period first. */
export interface PeriodComparisonRow extends PeriodFigures {
  periodId: string;
  name: string;
  current: boolean;
}

export interface PeriodComparisonView {
  scopeName: string;
  periods: PeriodComparisonRow[];
}

export const PeriodFormInput = z.strictObject({
  name: text(40, 4),
  referenceDate: isoDate,
  cutoffBirthDate: isoDate,
  nominationOpensAt: instant,
  nominationDeadline: instant,
  filingDeadline: instant,
  quotaRatio: z.int().check(z.minimum(1), z.maximum(1000)),
  partyAgeLimit: z.int().check(z.minimum(14), z.maximum(40)),
  target: z.int().check(z.minimum(1), z.maximum(100000)),
  retentionDays: z.int().check(z.minimum(1), z.maximum(365)),
});

export const ConfirmInput = z.strictObject({
  /** Unchanged values confirm the record; another unit or post goes to the new unit for review. */
  unitId: id,
  post: text(40, 1),
  /** 任现岗位时间 (optional; a years-in-post criterion counts from it). Another date goes with the post to review. */
  postSince: z.optional(isoDate),
  phone: z.optional(phone),
});

export const registryContract = defineContract('registry', {
  importTemplate: action<TemplateView>()({
    input: z.strictObject({ kind }),
    access: ['cityAdmin', 'districtAdmin', 'unitAdmin'],
    write: false,
    errors: ['AUTH.FORBIDDEN'],
  }),
  previewImport: action<ImportPreview>()({
    input: z.strictObject({ kind, fileId, unitId: z.optional(id) }),
    access: ['cityAdmin', 'districtAdmin', 'unitAdmin'],
    write: false,
    errors: ['FILE.INVALID', 'AUTH.FORBIDDEN', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'PERIOD.NOT_FOUND'],
  }),
  applyImport: action<ImportResult>()({
    input: z.strictObject({ kind, fileId, unitId: z.optional(id) }),
    access: ['cityAdmin', 'districtAdmin', 'unitAdmin'],
    write: true,
    errors: [
      'FILE.INVALID',
      'IMPORT.INVALID',
      'AUTH.FORBIDDEN',
      'AUTH.OUT_OF_SCOPE',
      'ORG.NOT_FOUND',
      'PERIOD.NOT_FOUND',
    ],
  }),
  periods: action<PeriodsView>()({ input: empty, access: ['cityAdmin'], write: false, errors: [] }),
  previewPeriod: action<PeriodChange[]>()({
    input: z.strictObject({ rules: PeriodFormInput }),
    access: ['cityAdmin'],
    write: false,
    errors: ['PERIOD.INVALID'],
  }),
  openPeriod: action<OpenPeriodView>()({
    input: z.strictObject({ rules: PeriodFormInput, reason: reasonText }),
    access: ['cityAdmin'],
    write: true,
    errors: ['PERIOD.INVALID'],
  }),
  /** The unit's imported youths as candidates for 组织推荐 (organisational recommendation), 20 a page. */
  candidates: action<Paged<CandidateView>>()({
    input: z.strictObject({ unitId: id, page, pageSize }),
    access: ['unitAdmin'],
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  /** Starts a 组织推荐 from an imported youth: their name, post and full numbers for the form (audited). */
  prefillNomination: action<CandidatePrefill>()({
    input: z.strictObject({ youthId: id }),
    access: ['unitAdmin'],
    write: true,
    // R9.1 the full ID number and phone are never kept for replay: each prefill is checked and audited afresh.
    replay: false,
    errors: ['YOUTH.NOT_FOUND', 'YOUTH.INVALID_STATE', 'AUTH.OUT_OF_SCOPE'],
  }),
  /** The periods compared (selected, coverage, two-new share, cultivation, services) for the city or a district. */
  comparePeriods: action<PeriodComparisonView>()({
    input: z.strictObject({ districtId: z.optional(id) }),
    access: [...ADMINS],
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  myRecord: action<MyRecordView>()({ input: empty, access: 'identified', write: false, errors: [] }),
  confirmMine: action<MyRecordView>()({
    input: ConfirmInput,
    access: 'identified',
    write: true,
    errors: ['YOUTH.NOT_FOUND', 'YOUTH.INVALID_STATE', 'ORG.NOT_FOUND', 'ORG.NOT_A_UNIT'],
  }),
  changes: action<Paged<ChangeView>>()({
    input: z.strictObject({ unitId: id, page, pageSize }),
    access: ['unitAdmin', ...ADMINS],
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  decideChange: action<YouthRecordView>()({
    input: z.strictObject({ youthId: id, approve: z.boolean(), reason: z.optional(reasonText) }),
    access: ['unitAdmin', ...ADMINS],
    write: true,
    errors: ['YOUTH.NOT_FOUND', 'YOUTH.INVALID_STATE', 'AUTH.OUT_OF_SCOPE', 'INPUT.INVALID'],
  }),
  leave: action<YouthRecordView>()({
    input: z.strictObject({ youthId: id, reason: reasonText }),
    access: ['unitAdmin', ...ADMINS],
    write: true,
    errors: ['YOUTH.NOT_FOUND', 'YOUTH.INVALID_STATE', 'AUTH.OUT_OF_SCOPE'],
  }),
  stale: action<Paged<StaleUnitView>>()({
    input: z.strictObject({ districtId: z.optional(id), page, pageSize }),
    access: ['unitAdmin', ...ADMINS],
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  remindStale: action<{ reminded: number; withoutAccount: number }>()({
    input: z.strictObject({ unitId: id }),
    access: ['unitAdmin', ...ADMINS],
    write: true,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'YOUTH.REMINDED'],
  }),
  youths: action<Paged<YouthRecordView>>()({
    input: z.strictObject({
      status: z.enum(['active', 'alumni']),
      districtId: z.optional(id),
      unitId: z.optional(id),
      page,
      pageSize,
    }),
    access: ['unitAdmin', ...ADMINS],
    write: false,
    errors: ['AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  myData: action<MyDataView>()({ input: empty, access: 'identified', write: false, errors: [] }),
  downloadMyData: action<TemplateView>()({ input: empty, access: 'identified', write: true, errors: [] }),
});

export type RegistryContract = typeof registryContract;
