/**
 * The catalogue pages (issue 12): a type's card, and the edit form's model — what the city types, checked on the
 * phone as `services.saveType` checks it, and turned into the action's input.
 */
import type { CatalogueEntryView } from '../../core/contracts/services';
import type { ServiceField, ServiceOwner } from '../../core/services';

export const OWNER_LABELS: Record<ServiceOwner, string> = { district: '青年所在区县团委', city: '团市委' };
/** As the contract's bounds (`saveType`). */
export const TYPE_LIMITS = { name: 10, description: 60, fieldLabel: 10, option: 20, options: 12, fields: 6, days: 60 };

export interface CatalogueRow {
  id: string;
  name: string;
  owner: string;
  limit: string;
  sensitive: boolean;
  active: boolean;
  handlers: string;
  fields: string;
}

export function catalogueRow(t: CatalogueEntryView, orgId: string | null): CatalogueRow {
  const mine = orgId === null ? t.handlers : t.handlers.filter((h) => h.orgId === orgId);
  return {
    id: t.id,
    name: t.name,
    owner: `由${OWNER_LABELS[t.owner]}办理`,
    limit: `${t.limitDays} 个工作日内办结`,
    sensitive: t.sensitive,
    active: t.active,
    handlers: mine.length > 0 ? `经办人 ${mine.length} 人` : '未设经办人',
    fields: t.fields.length > 0 ? `填写项：${t.fields.map((f) => f.label).join('、')}` : '无填写项',
  };
}

/** One field as the form edits it: options as one line, split at 、，, or spaces. */
export interface FieldDraft {
  key: string;
  label: string;
  kind: ServiceField['kind'];
  optionsText: string;
  required: boolean;
  error: string;
}

export interface TypeDraft {
  id: string;
  name: string;
  description: string;
  owner: ServiceOwner;
  limitDays: string;
  sensitive: boolean;
  active: boolean;
  order: string;
  fields: FieldDraft[];
}

export const emptyType = (order: number): TypeDraft => ({
  id: '',
  name: '',
  description: '',
  owner: 'district',
  limitDays: '10',
  sensitive: false,
  active: true,
  order: String(order),
  fields: [],
});

export function draftOf(t: CatalogueEntryView): TypeDraft {
  return {
    id: t.id,
    name: t.name,
    description: t.description,
    owner: t.owner,
    limitDays: String(t.limitDays),
    sensitive: t.sensitive,
    active: t.active,
    order: String(t.order),
    fields: t.fields.map((f) => ({
      key: f.key,
      label: f.label,
      kind: f.kind,
      optionsText: (f.options ?? []).join('、'),
      required: f.required,
      error: '',
    })),
  };
}

/** A key no other field of the type has (`field1`, `field2`…), as the contract's pattern wants. */
export function newField(fields: FieldDraft[]): FieldDraft {
  const taken = new Set(fields.map((f) => f.key));
  let n = 1;
  while (taken.has(`field${n}`)) n += 1;
  return { key: `field${n}`, label: '', kind: 'choice', optionsText: '', required: true, error: '' };
}

export const optionsOf = (text: string): string[] =>
  text
    .split(/[、，,\s]+/)
    .map((o) => o.trim())
    .filter(Boolean);

export interface TypeErrors {
  id: string;
  name: string;
  description: string;
  limitDays: string;
  fields: string[];
}

const ID_PATTERN = /^[a-z][a-z0-9_]{1,23}$/;

const descriptionError = (text: string): string =>
  text.length < 1 || text.length > TYPE_LIMITS.description ? `请用 1–${TYPE_LIMITS.description} 个字说明这项服务` : '';

/** What the phone can tell before sending; every message empty when the draft can be sent. */
export function typeErrors(d: TypeDraft): TypeErrors {
  const days = Number(d.limitDays);
  const name = d.name.trim();
  return {
    id: ID_PATTERN.test(d.id) ? '' : '编码为 2–24 位小写字母、数字或下划线，以字母开头',
    name: name.length < 2 || name.length > TYPE_LIMITS.name ? `名称为 2–${TYPE_LIMITS.name} 个字` : '',
    description: descriptionError(d.description.trim()),
    limitDays: Number.isInteger(days) && days >= 1 && days <= TYPE_LIMITS.days ? '' : '办理时限为 1–60 个工作日',
    fields: d.fields.map((f) => {
      const label = f.label.trim();
      if (label.length < 1 || label.length > TYPE_LIMITS.fieldLabel) return `名称为 1–${TYPE_LIMITS.fieldLabel} 个字`;
      if (f.kind !== 'choice') return '';
      const options = optionsOf(f.optionsText);
      if (options.length < 2) return '请至少填写两个选项，用顿号分隔';
      if (options.length > TYPE_LIMITS.options) return `选项最多 ${TYPE_LIMITS.options} 个`;
      if (options.some((o) => o.length > TYPE_LIMITS.option)) return `每个选项最多 ${TYPE_LIMITS.option} 个字`;
      return '';
    }),
  };
}

export const hasErrors = (e: TypeErrors): boolean =>
  Boolean(e.id || e.name || e.description || e.limitDays || e.fields.some(Boolean));

/** The `services.saveType` input. */
export function typeInput(d: TypeDraft) {
  return {
    id: d.id,
    name: d.name.trim(),
    description: d.description.trim(),
    owner: d.owner,
    limitDays: Number(d.limitDays),
    sensitive: d.sensitive,
    active: d.active,
    order: Math.min(99, Math.max(0, Math.trunc(Number(d.order) || 0))),
    fields: d.fields.map((f) => ({
      key: f.key,
      label: f.label.trim(),
      kind: f.kind,
      ...(f.kind === 'choice' ? { options: optionsOf(f.optionsText) } : {}),
      required: f.required,
    })),
  };
}
