/**
 * Form validation in Chinese from the contracts' own zod schemas: the bounds
 * (a text's length, a number's range) are read from the schema, never re-typed,
 * and each issue (path + code) becomes a message under its field:
 * `请填写调整原因（至少2个字）`, `异议内容不超过500个字`, `请填写 0–500 之间的整数名额`.
 * Server answers `INPUT.INVALID` with the same paths and codes, so the same
 * table explains them. Pure: no `wx`.
 */
import type * as z from 'zod/mini';

/** How a message names a field: its label, the words that ask for it (default 请填写), and a clause after. */
export interface FieldName {
  label: string;
  ask?: string;
  after?: string;
}
export type FieldLabel = string | FieldName;

/** Field names across the contracts; a page passes its own where the form calls a field differently. */
export const FIELD_LABELS: Record<string, FieldLabel> = {
  name: '姓名',
  displayName: '姓名',
  idNumber: '身份证号',
  phone: '手机号',
  code: '邀请码',
  claimCode: '认领码',
  education: '学历',
  degree: '学位',
  politicalStatus: '政治面貌',
  duty: '职务',
  post: '岗位',
  title: '技术职称',
  skillLevel: '技能职级',
  deeds: '典型事迹',
  unitId: '单位',
  content: '异议内容',
  contact: '联系方式',
  reason: '原因',
  comment: '意见',
  note: '说明',
  quota: '名额',
};

/** A field's bounds as its schema declares them: a text's length or a number's range. */
export interface Bounds {
  min?: number;
  max?: number;
  /** A whole number (`int()`). */
  integer?: boolean;
}

/** The part of a zod issue the messages need (the server sends path and code only). */
export interface IssueLike {
  code: string;
  path?: readonly PropertyKey[] | string;
  minimum?: number | bigint;
  maximum?: number | bigint;
  origin?: string;
  expected?: string;
  input?: unknown;
}

interface CheckDef {
  check?: string;
  minimum?: number;
  maximum?: number;
  value?: number;
}
interface SchemaDef {
  type?: string;
  format?: string;
  innerType?: z.ZodMiniType;
  checks?: ReadonlyArray<{ _zod: { def: CheckDef } }>;
  shape?: Record<string, z.ZodMiniType>;
}

// zod's documented internals for tools (`_zod.def`): the schema's own checks, so no bound is copied.
const defOf = (schema: z.ZodMiniType): SchemaDef => schema._zod.def as SchemaDef;

/** Optional and nullable wrappers hide the field's own schema. */
function unwrapped(schema: z.ZodMiniType): z.ZodMiniType {
  let inner = schema;
  for (let def = defOf(inner); def.innerType; def = defOf(inner)) inner = def.innerType;
  return inner;
}

const BOUND_OF: Record<string, (c: CheckDef) => Bounds> = {
  min_length: (c) => ({ min: c.minimum }),
  max_length: (c) => ({ max: c.maximum }),
  length_equals: (c) => ({ min: c.value, max: c.value }),
  greater_than: (c) => ({ min: c.value }),
  less_than: (c) => ({ max: c.value }),
};

export function boundsOf(schema: z.ZodMiniType): Bounds {
  const def = defOf(unwrapped(schema));
  const bounds: Bounds = def.type === 'number' && def.format === 'safeint' ? { integer: true } : {};
  for (const check of def.checks ?? []) Object.assign(bounds, BOUND_OF[check._zod.def.check ?? '']?.(check._zod.def));
  return bounds;
}

/** Each field's bounds of an object schema, e.g. for an input's `maxlength`. */
export function limitsOf<S extends Record<string, z.ZodMiniType>>(schema: { shape: S }): Record<keyof S, Bounds> {
  const shape = schema.shape;
  const out = {} as Record<keyof S, Bounds>;
  for (const key of Object.keys(shape) as Array<keyof S>) out[key] = boundsOf(shape[key]);
  return out;
}

const nameOf = (f: FieldLabel): Required<FieldName> =>
  typeof f === 'string' ? { label: f, ask: '请填写', after: '' } : { ask: '请填写', after: '', ...f };

const isNumeric = (issue: IssueLike, b: Bounds): boolean =>
  issue.origin === 'number' || issue.expected === 'number' || issue.expected === 'int' || b.integer === true;

function numberText(n: Required<FieldName>, issue: IssueLike, b: Bounds): string {
  const kind = b.integer ? '整数' : '数字';
  if (b.min !== undefined && b.max !== undefined) return `请填写 ${b.min}–${b.max} 之间的${kind}${n.label}`;
  if (issue.code === 'too_small' && b.min !== undefined) return `${n.label}不能小于 ${b.min}`;
  if (issue.code === 'too_big' && b.max !== undefined) return `${n.label}不能大于 ${b.max}`;
  return `请填写${kind}${n.label}`;
}

function tooSmall(n: Required<FieldName>, issue: IssueLike, b: Bounds): string {
  const min = Number(issue.minimum ?? b.min ?? 1);
  if (issue.origin === 'array') return `${n.label}至少${min}个`;
  return min > 1 ? `${n.ask}${n.label}（至少${min}个字）` : `${n.ask}${n.label}`;
}

function tooBig(n: Required<FieldName>, issue: IssueLike, b: Bounds): string {
  const max = Number(issue.maximum ?? b.max);
  return issue.origin === 'array' ? `${n.label}最多${max}个` : `${n.label}不超过${max}个字`;
}

const TEXTS: Record<string, (n: Required<FieldName>, issue: IssueLike, b: Bounds) => string> = {
  too_small: tooSmall,
  too_big: tooBig,
  // A missing field (or the server's `required`, e.g. a review reason) asks for it.
  invalid_type: (n) => `${n.ask}${n.label}`,
  required: (n) => `${n.ask}${n.label}`,
  invalid_format: (n) => `${n.label}格式不正确`,
  invalid_value: (n) => `请选择${n.label}`,
};

/** One issue as the Chinese message under its field; `bounds` fill in what the issue does not say. */
export function issueText(issue: IssueLike, label: FieldLabel, bounds: Bounds = {}): string {
  const n = nameOf(label);
  if (isNumeric(issue, bounds) && issue.code !== 'invalid_value') return numberText(n, issue, bounds);
  const text = TEXTS[issue.code]?.(n, issue, bounds) ?? `${n.label}填写有误`;
  return n.after && (issue.code === 'too_small' || issue.code === 'invalid_type') ? `${text}，${n.after}` : text;
}

const pathOf = (issue: IssueLike): string =>
  typeof issue.path === 'string' ? issue.path : (issue.path ?? []).map(String).join('.');

/** The field schema at a dotted path of an object schema (`form.post`), if there is one. */
function fieldSchema(schema: z.ZodMiniType, path: string): z.ZodMiniType | null {
  let node: z.ZodMiniType | null = schema;
  for (const key of path.split('.')) node = node ? (defOf(unwrapped(node)).shape?.[key] ?? null) : null;
  return node;
}

/** Field messages for a list of issues: the first per field, keyed by its dotted path. */
export function issueErrors(
  schema: z.ZodMiniType,
  issues: readonly IssueLike[],
  labels: Record<string, FieldLabel> = {},
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const issue of issues) {
    const path = pathOf(issue);
    if (out[path] !== undefined) continue;
    const key = path.slice(path.lastIndexOf('.') + 1);
    const field = fieldSchema(schema, path);
    out[path] = issueText(issue, labels[path] ?? labels[key] ?? FIELD_LABELS[key] ?? key, field ? boundsOf(field) : {});
  }
  return out;
}

/** Checks `value` against the contract's schema: `{}` when it would be accepted, else a message per field. */
export function formErrors(
  schema: z.ZodMiniType,
  value: unknown,
  labels: Record<string, FieldLabel> = {},
): Record<string, string> {
  const parsed = schema.safeParse(value);
  return parsed.success ? {} : issueErrors(schema, parsed.error.issues, labels);
}

/** Whether the schema accepts `value` (a submit button's state). */
export const accepts = (schema: z.ZodMiniType, value: unknown): boolean => schema.safeParse(value).success;

/** One field's value against its own schema: '' when accepted, else the message. */
export function valueError(schema: z.ZodMiniType, value: unknown, label: FieldLabel): string {
  const parsed = schema.safeParse(value);
  return parsed.success ? '' : issueText(parsed.error.issues[0], label, boundsOf(schema));
}

/**
 * A reason typed into a dialog, against its field's schema: '' when it is
 * acceptable, else the message. `required` for a decision that needs a reason
 * where the contract's field is optional (a review comment).
 */
export function reasonError(schema: z.ZodMiniType, text: string, label: FieldLabel, required = false): string {
  const value = text.trim();
  if (required && value === '') return issueText({ code: 'too_small', minimum: 1, origin: 'string' }, label);
  // Nothing typed in an optional field is no reason at all (not sent), not a reason that is too short.
  if (value === '' && schema.safeParse(undefined).success) return '';
  return valueError(schema, value, label);
}
