import type { adminContract, AuditItem } from '../../../../miniprogram/core/contracts/admin';
import { ok } from '../../../../miniprogram/core/result';
import { C, type AccountDoc, type AuditDoc, type NominationDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { orgNames } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';

const ACTIONS = {
  reveal: ['nomination.reveal', 'admin.revealContact'],
  // Full numbers leave the system in the summary table, and are seen again in its stamped scan.
  export: ['export.summaryTable', 'admin.scanLink'],
} as const;

const FORMATS: Record<string, string> = { docx: 'Word', xlsx: 'Excel' };

const str = (d: Record<string, unknown> | undefined, key: string): string =>
  typeof d?.[key] === 'string' ? (d[key] as string) : '';

/** Names for the trail's actors, nominees and exported organisations: three reads for a page, never a value. */
async function namesFor(deps: ServerDeps, docs: AuditDoc[]) {
  const ids = (prefix: string) =>
    docs
      .map((d) => d.target ?? '')
      .filter((t) => t.startsWith(prefix))
      .map((t) => t.slice(prefix.length));
  const [actors, nominees, orgs] = await Promise.all([
    deps.store
      .collection<AccountDoc>(C.accounts)
      .find({ _id: { $in: docs.map((d) => d.actor ?? '') } }, { projection: { displayName: 1 } }),
    deps.store
      .collection<NominationDoc>(C.nominations)
      .find({ _id: { $in: ids('nominations/') } }, { projection: { name: 1 } }),
    orgNames(deps, docs.map((d) => str(d.details, 'orgId')).filter(Boolean)),
  ]);
  return {
    actor: new Map(actors.map((a) => [a._id, a.displayName])),
    nominee: new Map(nominees.map((n) => [`nominations/${n._id}`, n.name])),
    org: orgs,
  };
}

type Names = Awaited<ReturnType<typeof namesFor>>;

function exportItem(d: AuditDoc, names: Names): Pick<AuditItem, 'kind' | 'subject' | 'detail'> {
  const format = FORMATS[str(d.details, 'format')] ?? '';
  return {
    kind: 'export',
    subject: names.org.get(str(d.details, 'orgId')) ?? '',
    detail: `${format}，${String(d.details?.rows)}行`,
  };
}

function scanItem(d: AuditDoc, names: Names): Pick<AuditItem, 'kind' | 'subject' | 'detail'> {
  const page = typeof d.details?.index === 'number' ? d.details.index + 1 : 1;
  return {
    kind: 'scan',
    subject: names.org.get(str(d.details, 'orgId')) ?? '',
    detail: str(d.details, 'kind') === 'photos' ? `照片第${page}张` : 'PDF 扫描件',
  };
}

function revealItem(d: AuditDoc, names: Names): Pick<AuditItem, 'kind' | 'subject' | 'detail'> {
  const revealed = str(d.details, 'revealed');
  const kind = revealed === 'idNumber' || revealed === 'phone' ? revealed : 'contact';
  const subject = kind === 'contact' ? '公示异议人' : (names.nominee.get(d.target ?? '') ?? '（记录已删除）');
  return { kind, subject, detail: str(d.details, 'reason') };
}

function itemOf(d: AuditDoc, names: Names): AuditItem {
  const what =
    d.action === 'export.summaryTable'
      ? exportItem(d, names)
      : d.action === 'admin.scanLink'
        ? scanItem(d, names)
        : revealItem(d, names);
  return { id: d._id, at: d.at.toISOString(), actorName: names.actor.get(d.actor ?? '') ?? '（已注销）', ...what };
}

/**
 * The city's audit view (issue 9, R9.1): every audited reveal of a full ID number, phone or objector's contact,
 * every summary-table export and every opening of a stamped scan — who, when, whose, why — read from the audit trail, newest first. The trail
 * holds no value, so neither does this.
 */
export const auditLog: Handler<typeof adminContract.actions.auditLog> = async (input, ctx) => {
  const { deps } = ctx;
  const filter = { action: { $in: [...ACTIONS[input.kind]] } };
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const audit = deps.store.collection<AuditDoc>(C.audit);
  const [docs, total] = await Promise.all([
    audit.find(filter, { sort: { at: -1, _id: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    audit.count(filter),
  ]);
  const names = await namesFor(deps, docs);
  return ok({ items: docs.map((d) => itemOf(d, names)), page, pageSize, total, hasMore: page * pageSize < total });
};
