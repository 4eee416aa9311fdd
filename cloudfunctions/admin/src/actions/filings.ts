import type { adminContract, FilingView } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import {
  canFile,
  canOversee,
  districtFilingSubject,
  filerRole,
  filingId,
  filingSubjects,
  overseerOf,
  parseFilingId,
  rowCountMismatch,
  sumOver,
  unitFilingSubject,
  type FilingSubject,
} from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type FilingDoc, type ObjectionDoc, type OrgDoc, type QuotaDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import type { Actor } from '../../../_lib/identity';
import { notifyRole } from '../../../_lib/notify';
import { currentPeriod, getOrg } from '../../../_lib/queries';
import type { ActionContext, Handler } from '../../../_lib/router';
import { districtsIn, resolveScope, unitsIn } from '../../../_lib/scope';

async function subjectFor(deps: ServerDeps, id: string): Promise<FilingSubject | null> {
  const parsed = parseFilingId(id);
  const org = parsed ? await getOrg(deps, parsed.orgId) : null;
  if (!parsed || !org) return null;
  if (parsed.kind === 'unit') return unitFilingSubject(org);
  if (org.level !== 'district') return null;
  const units = await deps.store
    .collection<OrgDoc>(C.orgs)
    .find({ level: 'unit', districtId: org._id }, { projection: { category: 1, districtId: 1 } });
  return districtFilingSubject(org, units);
}

const mayFile = (actor: Actor, s: FilingSubject): boolean => canFile(actor.grants, s);
const mayOversee = (actor: Actor, s: FilingSubject): boolean => canOversee(actor.grants, s);

/** Approved places and open objections per unit, for many subjects in two reads (not two per subject). */
interface UnitCounts {
  approved: Map<string, number>;
  open: Map<string, number>;
}

async function unitCounts(deps: ServerDeps, periodId: string, unitIds: string[]): Promise<UnitCounts> {
  const [counters, objections] = await Promise.all([
    deps.store
      .collection<QuotaDoc>(C.quotas)
      .find({ periodId, unitId: { $in: unitIds } }, { projection: { unitId: 1, used: 1 } }),
    deps.store
      .collection<ObjectionDoc>(C.objections)
      .find({ periodId, unitId: { $in: unitIds }, status: 'open' }, { projection: { unitId: 1 } }),
  ]);
  const open = new Map<string, number>();
  for (const o of objections) open.set(o.unitId, (open.get(o.unitId) ?? 0) + 1);
  return { approved: new Map(counters.map((q) => [q.unitId, q.used])), open };
}

type DocFields = Pick<FilingView, 'state' | 'filedAt' | 'filedByName' | 'reopenReason' | 'scan' | 'rowMismatch'>;

const NOT_FILED: DocFields = {
  state: 'open',
  filedAt: null,
  filedByName: null,
  reopenReason: null,
  scan: null,
  rowMismatch: false,
};

function scanView(scan: NonNullable<FilingDoc['scan']>): NonNullable<FilingView['scan']> {
  const { kind, files, pageCount, confirmedRows, uploadedByName, at } = scan;
  return {
    kind,
    files: files.map(({ fileId, sha256 }) => ({ fileId, sha256 })),
    pageCount,
    confirmedRows,
    uploadedByName,
    at: at.toISOString(),
  };
}

function docFields(doc: FilingDoc | null): DocFields {
  if (!doc) return NOT_FILED;
  return {
    state: doc.state,
    filedAt: doc.filedAt ? doc.filedAt.toISOString() : null,
    filedByName: doc.filedByName,
    reopenReason: doc.reopenReason,
    scan: doc.scan ? scanView(doc.scan) : null,
    rowMismatch: doc.rowMismatch,
  };
}

async function filingView(
  deps: ServerDeps,
  periodId: string,
  s: FilingSubject,
  doc: FilingDoc | null,
  districtName: string,
  known?: UnitCounts,
): Promise<FilingView> {
  const counts = known ?? (await unitCounts(deps, periodId, s.unitIds));
  // A filed list shows what was filed; an open one the live count.
  const rows = doc?.state === 'filed' ? doc.approvedRows : sumOver(s.unitIds, counts.approved);
  return {
    id: filingId(periodId, s),
    kind: s.kind,
    orgId: s.orgId,
    name: s.name,
    districtName,
    approvedRows: rows,
    openObjections: sumOver(s.unitIds, counts.open),
    ...docFields(doc),
  };
}

/** The city and each district see who has filed and who has not. */
export const filings: Handler<typeof adminContract.actions.filings> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scope = await resolveScope(deps, actor, input);
  if (!scope.ok) return scope;
  const [units, districts] = await Promise.all([unitsIn(deps, scope.value), districtsIn(deps, scope.value)]);
  const docs = await deps.store.collection<FilingDoc>(C.filings).find({ periodId: period._id });
  const byId = new Map(docs.map((d) => [d._id, d]));
  const names = new Map(districts.map((d) => [d._id, d.name]));
  const all = filingSubjects(units, districts).filter(
    (s) => !input.state || (byId.get(filingId(period._id, s))?.state ?? 'open') === input.state,
  );
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const slice = all.slice((page - 1) * pageSize, page * pageSize);
  const counts = await unitCounts(
    deps,
    period._id,
    slice.flatMap((s) => s.unitIds),
  );
  const items = await Promise.all(
    slice.map((s) =>
      filingView(
        deps,
        period._id,
        s,
        byId.get(filingId(period._id, s)) ?? null,
        names.get(s.districtId ?? '') ?? '市级单位',
        counts,
      ),
    ),
  );
  return ok({ items, page, pageSize, total: all.length, hasMore: page * pageSize < all.length });
};

async function loadSubject(
  ctx: ActionContext & { actor: Actor },
  id: string,
  allowed: (a: Actor, s: FilingSubject) => boolean,
) {
  const period = await currentPeriod(ctx.deps, ctx.now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const subject = id.startsWith(`${period._id}:`) ? await subjectFor(ctx.deps, id) : null;
  if (!subject) return err(appError('ORG.NOT_FOUND', 'no such filing'));
  if (!allowed(ctx.actor, subject)) return err(appError('AUTH.OUT_OF_SCOPE', 'filing outside your scope'));
  const doc = await ctx.deps.store.collection<FilingDoc>(C.filings).get(id);
  return ok({ periodId: period._id, subject, doc });
}

/** R4.4 a unit (or a district for its grassroots units) files its approved list, which then locks. */
export const file: Handler<typeof adminContract.actions.file> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const loaded = await loadSubject(ctx, input.filingId, mayFile);
  if (!loaded.ok) return loaded;
  const { periodId, subject, doc } = loaded.value;
  if (doc?.state === 'filed') return err(appError('FILING.ALREADY_FILED', 'already filed'));
  const counts = await unitCounts(deps, periodId, subject.unitIds);
  const open = sumOver(subject.unitIds, counts.open);
  if (open > 0) return err(appError('FILING.OBJECTIONS_PENDING', 'objections pending', { open }));
  const rows = sumOver(subject.unitIds, counts.approved);
  const fields = {
    state: 'filed' as const,
    approvedRows: rows,
    filedAt: now,
    filedBy: actor.openid,
    filedByName: actor.displayName,
    updatedAt: now,
  };
  const filings = deps.store.collection<FilingDoc>(C.filings);
  if (doc) {
    if ((await filings.updateOne({ _id: doc._id, state: doc.state }, { $set: fields })) === 0)
      return err(appError('FILING.ALREADY_FILED', 'already filed'));
  } else {
    await filings.insert({
      _id: input.filingId,
      periodId,
      kind: subject.kind,
      orgId: subject.orgId,
      districtId: subject.districtId,
      reopenReason: null,
      scan: null,
      rowMismatch: false,
      ...fields,
    });
  }
  ctx.audit({ target: `filings/${input.filingId}`, details: { rows } });
  const over = overseerOf(subject, deps.cityOrgId);
  await notifyRole(
    ctx,
    { role: over.role, orgId: over.orgId },
    {
      title: '名单已备案',
      body: `${subject.name}已备案好青年名单（${rows}人）。`,
      page: 'package-admin/pages/admin/filings/index',
    },
  );
  const saved = await filings.get(input.filingId);
  return ok({ filing: await filingView(deps, periodId, subject, saved, '', counts) });
};

/** Changes to a filed list need the district or the city to reopen it, with a reason. */
export const reopen: Handler<typeof adminContract.actions.reopen> = async (input, ctx) => {
  const { deps, now } = ctx;
  const loaded = await loadSubject(ctx, input.filingId, mayOversee);
  if (!loaded.ok) return loaded;
  const { periodId, subject, doc } = loaded.value;
  if (doc?.state !== 'filed') return err(appError('FILING.NOT_FILED', 'not filed'));
  const filings = deps.store.collection<FilingDoc>(C.filings);
  const changed = await filings.updateOne(
    { _id: doc._id, state: 'filed' },
    { $set: { state: 'reopened', reopenReason: input.reason, updatedAt: now } },
  );
  if (changed === 0) return err(appError('FILING.NOT_FILED', 'not filed'));
  ctx.audit({ target: `filings/${doc._id}`, details: { reason: input.reason } });
  const role = filerRole(subject.kind);
  await notifyRole(
    ctx,
    { role: role, orgId: subject.orgId },
    {
      title: '名单已退回重报',
      body: `${subject.name}的备案名单已退回：${input.reason}`,
      page: 'package-admin/pages/admin/filings/index',
    },
  );
  return ok({ filing: await filingView(deps, periodId, subject, await filings.get(doc._id), '') });
};

/** One tap: every subject in scope that has not filed gets a reminder in the outbox. */
export const remindLate: Handler<typeof adminContract.actions.remindLate> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scope = await resolveScope(deps, actor, input);
  if (!scope.ok) return scope;
  const [units, districts] = await Promise.all([unitsIn(deps, scope.value), districtsIn(deps, scope.value)]);
  const filed = new Set(
    (
      await deps.store
        .collection<FilingDoc>(C.filings)
        .find({ periodId: period._id, state: 'filed' }, { projection: { _id: 1 } })
    ).map((f) => f._id),
  );
  let reminded = 0;
  for (const s of filingSubjects(units, districts).filter((x) => !filed.has(filingId(period._id, x)))) {
    const role = filerRole(s.kind);
    reminded += await notifyRole(
      ctx,
      { role: role, orgId: s.orgId },
      {
        title: '请按时备案好青年名单',
        body: `${s.name}尚未备案，截止时间为7月31日，请尽快完成。`,
        page: 'package-admin/pages/admin/filings/index',
      },
    );
  }
  ctx.audit({ target: `filings/${period._id}`, details: { reminded, scope: scope.value.orgId } });
  return ok({ reminded });
};

/**
 * R4.5 the stamped table: one PDF or photos one a page (the input schema holds
 * the shape), each file's hash, the pages, the uploader; the confirmed row
 * count is checked against the filed data.
 */
export const attachScan: Handler<typeof adminContract.actions.attachScan> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const loaded = await loadSubject(ctx, input.filingId, mayFile);
  if (!loaded.ok) return loaded;
  const { periodId, subject, doc } = loaded.value;
  if (doc?.state !== 'filed')
    return err(appError('FILING.NOT_FILED', 'file the list before attaching the stamped table'));
  const mismatch = rowCountMismatch(input.confirmedRows, doc.approvedRows);
  const scan = {
    kind: input.kind,
    files: input.files.map(({ fileId, sha256 }) => ({ fileId, sha256 })),
    pageCount: input.pageCount,
    confirmedRows: input.confirmedRows,
    uploadedBy: actor.openid,
    uploadedByName: actor.displayName ?? '',
    at: now,
  };
  const filings = deps.store.collection<FilingDoc>(C.filings);
  await filings.updateOne({ _id: doc._id }, { $set: { scan, rowMismatch: mismatch, updatedAt: now } });
  ctx.audit({
    target: `filings/${doc._id}`,
    details: {
      kind: input.kind,
      files: input.files.length,
      sha256: input.files.map((f) => f.sha256),
      pageCount: input.pageCount,
      confirmedRows: input.confirmedRows,
      mismatch,
    },
  });
  if (mismatch) {
    const over = overseerOf(subject, deps.cityOrgId);
    const body = `${subject.name}上传的盖章汇总表确认${input.confirmedRows}行，系统备案${doc.approvedRows}人，请核实。`;
    await notifyRole(
      ctx,
      { role: over.role, orgId: over.orgId },
      { title: '备案行数不一致', body, page: 'package-admin/pages/admin/filings/index' },
    );
  }
  return ok({ filing: await filingView(deps, periodId, subject, await filings.get(doc._id), '') });
};
