/**
 * The nomination form's view model (R2, R4.1), shared by both channels:
 * what the person typed, the instant feedback core's rules give on it, and
 * the payloads sent to the server. Pure; the caller passes `now`.
 */
import { chineseDate } from '../../core/china-time';
import { NominationForm, personName, type NominationDraft } from '../../core/contracts/nomination-form';
import { checkEligibility, type EligibilityRules } from '../../core/eligibility';
import { isMobilePhone, normalizeIdNumber, parseIdNumber } from '../../core/id-number';
import {
  ATTESTATION_LABELS,
  ATTESTATIONS,
  DEEDS_MAX,
  DEEDS_MIN,
  DEGREES,
  DEGREES_FOR,
  degreeFits,
  EDUCATIONS,
  POLITICAL_STATUSES,
  type Attestation,
  type Degree,
  type Education,
  type PoliticalStatus,
} from '../../core/profile';
import type { CallFailure } from '../../services/cloud';
import { errorText } from '../../services/error-text';
import { FIELD_LABELS, issueErrors } from '../../services/form-errors';
import { SEX_LABELS } from '../../lib/format';

export interface FormState {
  name: string;
  idNumber: string;
  phone: string;
  education: Education | '';
  degree: Degree | '';
  politicalStatus: PoliticalStatus | '';
  duty: string;
  post: string;
  title: string;
  skillLevel: string;
  onStaff: boolean;
  attestations: Record<Attestation, boolean>;
  deeds: string;
  /** Optional photo: a cloud storage (or dev file store) id, '' when none. */
  photoFileId: string;
  showcaseConsent: boolean;
}

export const EMPTY_FORM: FormState = {
  name: '',
  idNumber: '',
  phone: '',
  education: '',
  degree: '',
  politicalStatus: '',
  duty: '',
  post: '',
  title: '',
  skillLevel: '',
  onStaff: true,
  attestations: { political: false, moral: false, contribution: false },
  deeds: '',
  photoFileId: '',
  // R8.1 showing the deeds publicly is opt-in.
  showcaseConsent: false,
};

/** Fields a message can stand under; `attestations.<name>` as the server names them. */
export const TEXT_FIELDS = ['name', 'idNumber', 'phone', 'duty', 'post', 'title', 'skillLevel', 'deeds'] as const;
export const FIELDS = [
  ...TEXT_FIELDS,
  'education',
  'degree',
  'politicalStatus',
  'onStaff',
  'showcaseConsent',
  ...ATTESTATIONS.map((a) => `attestations.${a}` as const),
] as const;
export type FieldKey = (typeof FIELDS)[number];
type PlainField = Exclude<FieldKey, `attestations.${string}`>;

export type Status = 'default' | 'success' | 'error';
export interface Feedback {
  tip: string;
  status: Status;
}

export interface FormView {
  /** The message under each field and its colour; a server verdict wins until the field changes. */
  fields: Record<PlainField, Feedback>;
  attestations: Record<Attestation, string>;
  /** 学位 choices that fit the chosen 学历. */
  degrees: readonly Degree[];
  deedsCount: number;
  /** Every rule the server applies holds (the server still decides, R2.5). */
  valid: boolean;
  /** Each item still missing or wrong, in the form's order (issue 9 §15); [] once the form may be sent. */
  missing: string[];
}

export interface ViewContext {
  rules: EligibilityRules | null;
  now: Date;
  /** ID number and phone are locked until the separate consent is given (PIPL art. 29). */
  personalLocked: boolean;
  server: Partial<Record<FieldKey, string>>;
}

const NEUTRAL: Feedback = { tip: '', status: 'default' };
const error = (tip: string): Feedback => ({ tip, status: 'error' });
const ID_LENGTH = 18;

/** Instant ID feedback: check digit and date (R2.4), then the period's age limit (R2.1) when the rules are known. */
export function idFeedback(idNumber: string, rules: EligibilityRules | null, now: Date): Feedback {
  const id = normalizeIdNumber(idNumber);
  if (id.length === 0) return NEUTRAL;
  if (id.length < ID_LENGTH) return { tip: `请输入18位身份证号（已输入${id.length}位）`, status: 'default' };
  if (!rules) {
    const parsed = parseIdNumber(id);
    return parsed.ok ? { tip: '身份证号格式正确', status: 'success' } : error(errorText(parsed.error));
  }
  const verdict = checkEligibility({ idNumber: id }, rules, now);
  if (!verdict.ok) return error(errorText(verdict.error.code, verdict.error.params));
  const { birthDate, sex } = verdict.value;
  return { tip: `出生日期：${chineseDate(birthDate)}，性别：${SEX_LABELS[sex]}`, status: 'success' };
}

function phoneFeedback(phone: string): Feedback {
  if (phone.length < 11) return NEUTRAL;
  return isMobilePhone(phone) ? NEUTRAL : error(errorText('ELIGIBILITY.PHONE_FORMAT'));
}

function nameFeedback(name: string): Feedback {
  if (name.trim() === '' || personName.safeParse(name).success) return NEUTRAL;
  return error('请填写2–20个字的真实姓名（汉字或字母）');
}

export function deedsCount(deeds: string): number {
  return deeds.trim().length;
}

function deedsFeedback(deeds: string): Feedback {
  const count = deedsCount(deeds);
  if (count === 0) return { tip: `请填写${DEEDS_MIN}–${DEEDS_MAX}字`, status: 'default' };
  if (count < DEEDS_MIN) return { tip: `还需至少${DEEDS_MIN - count}字`, status: 'default' };
  return { tip: '字数符合要求', status: 'success' };
}

function degreeFeedback(s: FormState): Feedback {
  if (!s.education || !s.degree || degreeFits(s.education, s.degree)) return NEUTRAL;
  return error(errorText('PROFILE.DEGREE_MISMATCH'));
}

function localFeedback(s: FormState, ctx: ViewContext): Record<PlainField, Feedback> {
  const locked = ctx.personalLocked ? { tip: '同意《个人信息处理规则》后方可填写', status: 'default' as const } : null;
  return {
    name: nameFeedback(s.name),
    idNumber: locked ?? idFeedback(s.idNumber, ctx.rules, ctx.now),
    phone: locked ?? phoneFeedback(s.phone),
    education: NEUTRAL,
    degree: degreeFeedback(s),
    politicalStatus: NEUTRAL,
    duty: NEUTRAL,
    post: NEUTRAL,
    title: NEUTRAL,
    skillLevel: NEUTRAL,
    onStaff: s.onStaff ? NEUTRAL : error(errorText('ELIGIBILITY.NOT_ON_STAFF')),
    deeds: deedsFeedback(s.deeds),
    showcaseConsent: NEUTRAL,
  };
}

/** The degrees the education allows (a bachelor's degree needs at least undergraduate study). */
export function degreesFor(education: Education | ''): readonly Degree[] {
  return education ? DEGREES_FOR[education] : [];
}

/** After a change of education: keep the degree if it still fits, or take the only one possible. */
export function fitDegree(education: Education | '', degree: Degree | ''): Degree | '' {
  const allowed = degreesFor(education);
  if (degree && allowed.includes(degree)) return degree;
  return allowed.length === 1 ? allowed[0] : '';
}

/** The form as the server's schema wants it, or null while something is missing or malformed. */
export function toSubmission(s: FormState): NominationForm | null {
  const parsed = NominationForm.safeParse({
    name: s.name.trim(),
    idNumber: normalizeIdNumber(s.idNumber),
    phone: s.phone.trim(),
    education: s.education,
    degree: s.degree,
    politicalStatus: s.politicalStatus,
    duty: s.duty.trim(),
    post: s.post.trim(),
    title: s.title.trim(),
    skillLevel: s.skillLevel.trim(),
    onStaff: s.onStaff,
    attestations: { ...s.attestations },
    deeds: s.deeds.trim(),
    ...(s.photoFileId ? { photoFileId: s.photoFileId } : {}),
    showcaseConsent: s.showcaseConsent,
  });
  return parsed.success ? parsed.data : null;
}

/** Everything the rules require: the schema, eligibility incl. 在编 and the attestations (R2), the degree. */
function isValid(s: FormState, ctx: ViewContext): boolean {
  if (ctx.personalLocked || !ctx.rules || Object.keys(ctx.server).length > 0) return false;
  const form = toSubmission(s);
  if (!form || !degreeFits(form.education, form.degree)) return false;
  return checkEligibility(form, ctx.rules, ctx.now).ok;
}

/** A typed field's item: empty, unfinished or wrong; '' when it is fine. */
function typedItem(label: string, value: string, feedback: Feedback, complete: boolean): string {
  if (value.trim() === '') return label;
  if (feedback.status === 'error') return `${label}有误`;
  return complete ? '' : `${label}（未填完）`;
}

/** The consent, or the two numbers it unlocks. */
function personalItems(s: FormState, fields: Record<PlainField, Feedback>, locked: boolean): string[] {
  if (locked) return ['同意《个人信息处理规则》'];
  return [
    typedItem('身份证号', s.idNumber, fields.idNumber, fields.idNumber.status === 'success'),
    typedItem('手机号', s.phone, fields.phone, isMobilePhone(s.phone.trim())),
  ];
}

function deedsItem(deeds: number): string {
  if (deeds >= DEEDS_MIN) return '';
  return deeds === 0 ? `典型事迹（至少${DEEDS_MIN}字）` : `典型事迹（还需${DEEDS_MIN - deeds}字）`;
}

/** What the person still has to do before 提交 is enabled, one item each in the form's order (issue 9 §15). */
function missingItems(s: FormState, fields: Record<PlainField, Feedback>, ctx: ViewContext): string[] {
  const degree = !s.degree ? '学位' : fields.degree.status === 'error' ? '学位有误' : '';
  const items = [
    ...(ctx.personalLocked ? personalItems(s, fields, true) : []),
    typedItem('姓名', s.name, fields.name, true),
    ...(ctx.personalLocked ? [] : personalItems(s, fields, false)),
    s.education ? '' : '学历',
    degree,
    s.politicalStatus ? '' : '政治面貌',
    typedItem('岗位', s.post, fields.post, true),
    s.onStaff ? '' : '在编（非在编人员不能参加）',
    deedsItem(deedsCount(s.deeds)),
    ...ATTESTATIONS.map((a) => (s.attestations[a] ? '' : `确认：${ATTESTATION_LABELS[a].split('：')[0]}`)),
  ];
  return items.filter(Boolean);
}

export function formView(s: FormState, ctx: ViewContext): FormView {
  const fields = localFeedback(s, ctx);
  for (const key of Object.keys(fields) as PlainField[]) {
    const message = ctx.server[key];
    if (message) fields[key] = error(message);
  }
  const attestations = { political: '', moral: '', contribution: '' };
  for (const a of ATTESTATIONS) attestations[a] = ctx.server[`attestations.${a}`] ?? '';
  const valid = isValid(s, ctx);
  return {
    fields,
    attestations,
    degrees: degreesFor(s.education),
    deedsCount: deedsCount(s.deeds),
    valid,
    missing: valid ? [] : missingItems(s, fields, ctx),
  };
}

/** A server draft: every field except the ID number and phone, which stay on the phone. */
export function draftOf(s: FormState): NominationDraft {
  const draft: NominationDraft = {
    name: s.name.trim(),
    duty: s.duty.trim(),
    post: s.post.trim(),
    title: s.title.trim(),
    skillLevel: s.skillLevel.trim(),
    onStaff: s.onStaff,
    attestations: { ...s.attestations },
    deeds: s.deeds.trim(),
    showcaseConsent: s.showcaseConsent,
  };
  if (s.education) draft.education = s.education;
  if (s.degree) draft.degree = s.degree;
  if (s.politicalStatus) draft.politicalStatus = s.politicalStatus;
  if (s.photoFileId) draft.photoFileId = s.photoFileId;
  return draft;
}

const isBool = (v: unknown): v is boolean => typeof v === 'boolean';
const isText = (v: unknown): v is string => typeof v === 'string';

function pick<K extends keyof FormState>(
  out: FormState,
  src: Record<string, unknown>,
  key: K,
  ok: (v: unknown) => boolean,
): void {
  if (ok(src[key])) out[key] = src[key] as FormState[K];
}

/** A form state from saved values (a draft, a returned record, local storage); unknown keys are ignored. */
export function formFrom(...sources: Array<Partial<Record<keyof FormState, unknown>> | null | undefined>): FormState {
  const out: FormState = { ...EMPTY_FORM, attestations: { ...EMPTY_FORM.attestations } };
  for (const src of sources) {
    if (!src) continue;
    for (const key of [
      'name',
      'idNumber',
      'phone',
      'duty',
      'post',
      'title',
      'skillLevel',
      'deeds',
      'photoFileId',
    ] as const)
      pick(out, src, key, isText);
    pick(out, src, 'onStaff', isBool);
    pick(out, src, 'showcaseConsent', isBool);
    pick(out, src, 'education', (v) => (EDUCATIONS as readonly unknown[]).includes(v));
    pick(out, src, 'degree', (v) => (DEGREES as readonly unknown[]).includes(v));
    pick(out, src, 'politicalStatus', (v) => (POLITICAL_STATUSES as readonly unknown[]).includes(v));
    const att = src.attestations as Partial<Record<Attestation, unknown>> | undefined;
    if (att) for (const a of ATTESTATIONS) if (isBool(att[a])) out.attestations[a] = att[a];
  }
  return out;
}

const KNOWN_FIELDS = new Set<string>(FIELDS);

/** The field a server failure concerns: `details.field` (eligibility, degree) or the first input issue's path. */
export function fieldOf(failure: CallFailure): FieldKey | null {
  const d = failure.details ?? {};
  const issues = Array.isArray(d.issues) ? (d.issues as Array<{ path?: unknown }>) : [];
  const candidate = typeof d.field === 'string' ? d.field : issues.length > 0 ? String(issues[0].path ?? '') : '';
  // Unit channel: the form is nested under `form.`.
  const field = candidate.replace(/^form\./, '');
  return KNOWN_FIELDS.has(field) ? (field as FieldKey) : null;
}

/**
 * A server failure under the field it concerns: an input issue explained from
 * the contract (`岗位不超过40个字`), an eligibility or degree verdict with its
 * own message; null when it concerns the form as a whole.
 */
export function fieldErrorOf(failure: CallFailure): Partial<Record<FieldKey, string>> | null {
  const field = fieldOf(failure);
  if (!field) return null;
  const issues = Array.isArray(failure.details?.issues) ? (failure.details.issues as Array<{ code?: unknown }>) : [];
  const code = failure.code === 'INPUT.INVALID' && typeof issues[0]?.code === 'string' ? issues[0].code : '';
  const explained = code && FIELD_LABELS[field] ? issueErrors(NominationForm, [{ path: field, code }])[field] : '';
  return { [field]: explained || failure.message };
}

/** What a page may call on the form component (through selectComponent). */
export interface FormHandle {
  setValue(value: Partial<FormState>): void;
  showErrors(errors: Partial<Record<FieldKey, string>>): void;
}
