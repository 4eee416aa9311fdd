/**
 * What several services actions share: the catalogue (defaults until the city saves a type), who handles a type
 * where, the privacy wall (who may read a request, and whether its contents), and the views.
 */
import type {
  CatalogueEntryView,
  RequestDetailView,
  RequestView,
  ServiceTypeView,
} from '../../../miniprogram/core/contracts/services';
import {
  DEFAULT_CATALOGUE,
  fieldSummary,
  handlerActions,
  isOverdue,
  REQUEST_EVENT_LABELS,
  REQUEST_STATUS_LABELS,
  requesterActions,
  type RequestEvent,
} from '../../../miniprogram/core/services';
import {
  C,
  type OrgDoc,
  type ServiceConsentDoc,
  type ServiceRequestDoc,
  type ServiceTypeDoc,
} from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { covers, type Actor } from '../../_lib/identity';

/** Requests a youth may submit per China day (a counter in `limits`). */
export const DAILY_LIMIT = 5;

/** The catalogue: what the city saved, else the six default types without handlers. */
export async function allTypes(deps: ServerDeps): Promise<ServiceTypeDoc[]> {
  const saved = await deps.store.collection<ServiceTypeDoc>(C.serviceTypes).find({});
  const byId = new Map(saved.map((t) => [t._id, t]));
  for (const d of DEFAULT_CATALOGUE) {
    if (!byId.has(d.id)) {
      const { id, ...rest } = d;
      byId.set(id, { _id: id, ...rest, handlers: [], updatedBy: 'default', updatedAt: new Date(0) });
    }
  }
  return [...byId.values()].sort((a, b) => a.order - b.order || (a._id < b._id ? -1 : 1));
}

export async function typeOf(deps: ServerDeps, typeId: string): Promise<ServiceTypeDoc | null> {
  return (await allTypes(deps)).find((t) => t._id === typeId) ?? null;
}

export const queueKey = (typeId: string, orgId: string): string => `${typeId}@${orgId}`;

/** The queue keys a cadre handles across the catalogue. */
export function handledKeys(types: readonly ServiceTypeDoc[], openid: string): string[] {
  return types.flatMap((t) => t.handlers.filter((h) => h.openid === openid).map((h) => queueKey(t._id, h.orgId)));
}

/** Whether the caller handles this request: a handler of its type where it is held (owner, or the city once escalated). */
export function handles(type: ServiceTypeDoc, req: ServiceRequestDoc, openid: string): boolean {
  return type.handlers.some((h) => h.openid === openid && req.queueKeys.includes(queueKey(type._id, h.orgId)));
}

/** The handlers of a type at one organisation. */
export function handlersAt(type: ServiceTypeDoc, orgId: string): string[] {
  return type.handlers.filter((h) => h.orgId === orgId).map((h) => h.openid);
}

export type Reader = 'requester' | 'handler' | 'overseer';

/**
 * The privacy wall: the youth who asked and the type's handlers where it is held read a request; an admin over
 * its owner (the district's, the city's) reads it only when the type is not sensitive. Anyone else: not found.
 */
export function readerOf(
  deps: ServerDeps,
  actor: Actor,
  req: ServiceRequestDoc,
  type: ServiceTypeDoc | null,
): Reader | null {
  if (req.youthOpenid === actor.openid) return 'requester';
  if (type && handles(type, req, actor.openid)) return 'handler';
  if (req.sensitive) return null;
  const org =
    req.ownerOrgId === deps.cityOrgId
      ? { _id: deps.cityOrgId, level: 'city' as const, districtId: null }
      : { _id: req.ownerOrgId, level: 'district' as const, districtId: req.ownerOrgId };
  return covers(actor, org, ['cityAdmin', 'districtAdmin']) ? 'overseer' : null;
}

export interface Content {
  description: string;
  fields: Record<string, string>;
}

export function sealContent(deps: ServerDeps, content: Content): string {
  return deps.crypto.encrypt(JSON.stringify(content));
}

export function openContent(deps: ServerDeps, req: ServiceRequestDoc): Content {
  return JSON.parse(deps.crypto.decrypt(req.contentEnc)) as Content;
}

export async function districtNames(deps: ServerDeps): Promise<Record<string, string>> {
  const districts = await deps.store
    .collection<OrgDoc>(C.orgs)
    .find({ level: 'district' }, { projection: { name: 1 } });
  return Object.fromEntries(districts.map((d) => [d._id, d.name]));
}

const iso = (d: Date | null): string | null => (d ? d.toISOString() : null);

export function requestView(
  deps: ServerDeps,
  req: ServiceRequestDoc,
  type: ServiceTypeDoc | null,
  names: Record<string, string>,
  now: Date,
): RequestView {
  const content = openContent(deps, req);
  const due = req.dueAt;
  return {
    id: req._id,
    typeId: req.typeId,
    typeName: req.typeName,
    sensitive: req.sensitive,
    status: req.status,
    statusLabel: REQUEST_STATUS_LABELS[req.status],
    youthName: req.youthName,
    unitName: req.unitName,
    districtName: req.districtId ? (names[req.districtId] ?? '') : '市直',
    summary: type ? fieldSummary(type.fields, content.fields) : '',
    submittedAt: req.submittedAt.toISOString(),
    dueAt: iso(due),
    overdue: isOverdue(req, now),
    levelLabel: req.level === 'city' ? (req.escalations.length > 0 ? '团市委督办' : '团市委') : '区县团委',
    escalated: req.escalations.length > 0,
    handlerName: req.handlerName,
    rating: req.rating,
  };
}

/** What the caller may do: the youth confirms or reopens, a handler moves it on; an overseer only reads. */
export function actionsFor(reader: Reader, req: ServiceRequestDoc, now: Date): RequestEvent[] {
  if (reader === 'requester') return requesterActions(req.status, req.resolvedAt, now);
  return reader === 'handler' ? handlerActions(req.status) : [];
}

export function detailView(
  deps: ServerDeps,
  req: ServiceRequestDoc,
  type: ServiceTypeDoc | null,
  names: Record<string, string>,
  now: Date,
  reader: Reader,
): RequestDetailView {
  const content = openContent(deps, req);
  const fields = (type?.fields ?? [])
    .filter((f) => (content.fields[f.key] ?? '') !== '')
    .map((f) => ({ label: f.label, value: content.fields[f.key] }));
  return {
    ...requestView(deps, req, type, names, now),
    description: content.description,
    fields,
    resolution: req.resolution,
    ratingComment: req.ratingComment,
    timeline: req.history.map((h) => ({
      at: h.at.toISOString(),
      label: REQUEST_EVENT_LABELS[h.action],
      // The youth sees the League's answer, not which cadre's account gave it.
      actorName: reader === 'requester' && h.actor !== req.youthOpenid ? '' : h.actorName,
      comment: h.comment,
    })),
    escalations: req.escalations.map((e) => ({
      at: e.at.toISOString(),
      to: e.to === deps.cityOrgId ? '团市委' : e.to,
    })),
    actions: actionsFor(reader, req, now),
    attachments: req.attachments.map((fileId, index) => ({ index, kind: attachmentKind(fileId) })),
  };
}

/** A PDF by its name (the server checked its bytes on arrival), else a photo. */
export const attachmentKind = (fileId: string): 'image' | 'pdf' => (/\.pdf$/i.test(fileId) ? 'pdf' : 'image');

/** The catalogue as the youth's form sees it, with their consent to each sensitive type. */
export async function typeViews(deps: ServerDeps, openid: string): Promise<ServiceTypeView[]> {
  const [types, consents] = await Promise.all([
    allTypes(deps),
    deps.store.collection<ServiceConsentDoc>(C.serviceConsents).find({ openid }),
  ]);
  const granted = new Set(consents.filter((c) => c.granted).map((c) => c.typeId));
  return types
    .filter((t) => t.active)
    .map((t) => ({
      id: t._id,
      name: t.name,
      description: t.description,
      owner: t.owner,
      limitDays: t.limitDays,
      sensitive: t.sensitive,
      fields: t.fields,
      consented: !t.sensitive || granted.has(t._id),
    }));
}

export async function catalogueEntry(deps: ServerDeps, t: ServiceTypeDoc): Promise<CatalogueEntryView> {
  const names = await districtNames(deps);
  return {
    id: t._id,
    name: t.name,
    description: t.description,
    owner: t.owner,
    limitDays: t.limitDays,
    sensitive: t.sensitive,
    fields: t.fields,
    consented: true,
    active: t.active,
    order: t.order,
    handlers: t.handlers.map((h) => ({
      orgId: h.orgId,
      orgName: h.orgId === deps.cityOrgId ? '团市委' : (names[h.orgId] ?? h.orgId),
      openid: h.openid,
      name: h.name,
    })),
  };
}
