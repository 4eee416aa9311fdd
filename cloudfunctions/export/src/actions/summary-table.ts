import { chinaDate } from '../../../../miniprogram/core/china-time';
import type { exportContract } from '../../../../miniprogram/core/contracts/admin';
import type { ParsedInputOf } from '../../../../miniprogram/core/contracts/define';
import { appError, type CodedError } from '../../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../../miniprogram/core/result';
import { ADMIN_ROLES, recordFilter, scopeOfOrg } from '../../../../miniprogram/core/scope';
import {
  summaryExport,
  summaryFileName,
  type SummaryEntry,
  type SummaryExport,
  type SummaryRecord,
} from '../../../../miniprogram/core/summary-table';
import { C, type ExportDoc, type NominationDoc, type OrgDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { covers, type Actor } from '../../../_lib/identity';
import { currentPeriod, getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';

type Spec = typeof exportContract.actions.summaryTable;
type Input = ParsedInputOf<Spec>;
type Format = Input['format'];

const CONTENT_TYPES: Record<Format, string> = {
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};
/**
 * Loaded on first use: exceljs alone takes ~300 ms to load, which every cold
 * start of this function, and every process that loads all routers (the dev
 * server, the tests), would otherwise pay before knowing the format.
 */
const RENDERERS: Record<Format, () => Promise<(file: SummaryExport) => Promise<Buffer>>> = {
  docx: async () => (await import('../docx')).renderDocx,
  xlsx: async () => (await import('../xlsx')).renderXlsx,
};
/** The link is for downloading now, by the one cadre who made it. */
const LINK_TTL_SECONDS = 3600;
/** The file itself is deleted by the timer a day later (`cron.purgeExports`): it holds full ID numbers. */
export const EXPORT_KEEP_MS = 24 * 60 * 60 * 1000;

/** The fields the table needs, and nothing else (no deeds, no history). */
const PROJECTION = {
  youthOpenid: 1,
  unitId: 1,
  districtId: 1,
  name: 1,
  idNumberEnc: 1,
  phoneEnc: 1,
  education: 1,
  degree: 1,
  politicalStatus: 1,
  duty: 1,
  post: 1,
  title: 1,
  skillLevel: 1,
} as const;
type Row = Pick<NominationDoc, '_id' | keyof typeof PROJECTION>;

/**
 * The organisation the table is for, if the caller may export it: a unit admin
 * its unit, a district admin its district or a unit in it, the city anything.
 */
async function scopeOrg(
  deps: ServerDeps,
  actor: Actor,
  input: Input,
): Promise<Result<OrgDoc, CodedError<'ORG.NOT_FOUND' | 'INPUT.INVALID' | 'AUTH.OUT_OF_SCOPE'>>> {
  const org = await getOrg(deps, input.orgId);
  if (!org) return err(appError('ORG.NOT_FOUND', 'organisation not found'));
  if (org.level !== input.scope) {
    return err(
      appError('INPUT.INVALID', `orgId is not a ${input.scope}`, { issues: [{ path: 'orgId', code: 'scope' }] }),
    );
  }
  if (!covers(actor, org, ADMIN_ROLES)) return err(appError('AUTH.OUT_OF_SCOPE', 'organisation outside your scope'));
  return ok(org);
}

function scopeFilter(periodId: string, org: OrgDoc): Record<string, unknown> {
  // R9.2 withdrawn records are not `approved`, so they never reach an export.
  return { periodId, status: 'approved', ...recordFilter(scopeOfOrg(org)) };
}

/**
 * Approved rows of the period in scope, decrypted, each with its unit (the table's order is `summaryExport`'s);
 * null when one of them is the caller's own record: a nominee never exports it (issue 8 §5), the level above does.
 */
async function approvedEntries(
  deps: ServerDeps,
  periodId: string,
  org: OrgDoc,
  actor: Actor,
): Promise<SummaryEntry[] | null> {
  const docs = (await deps.store
    .collection<NominationDoc>(C.nominations)
    .find(scopeFilter(periodId, org), { sort: { _id: 1 }, projection: PROJECTION })) as Row[];
  if (docs.some((d) => d.youthOpenid === actor.openid)) return null;
  if (docs.length === 0) return [];
  const orgIds = [...new Set(docs.flatMap((d) => (d.districtId ? [d.unitId, d.districtId] : [d.unitId])))];
  const orgs = await deps.store
    .collection<OrgDoc>(C.orgs)
    .find({ _id: { $in: orgIds } }, { projection: { name: 1, order: 1 } });
  const byId = new Map(orgs.map((o) => [o._id, o]));
  return docs.map((d) => ({
    unit: {
      id: d.unitId,
      name: byId.get(d.unitId)?.name ?? '',
      districtOrder: d.districtId ? (byId.get(d.districtId)?.order ?? Number.MAX_SAFE_INTEGER) : null,
    },
    record: toRecord(deps, d),
  }));
}

function toRecord(deps: ServerDeps, d: Row): SummaryRecord {
  return {
    name: d.name,
    // R9.1 the official export is the one place full values appear; the call is audited.
    idNumber: deps.crypto.decrypt(d.idNumberEnc),
    phone: deps.crypto.decrypt(d.phoneEnc),
    education: d.education,
    degree: d.degree,
    politicalStatus: d.politicalStatus,
    duty: d.duty,
    post: d.post,
    title: d.title,
    skillLevel: d.skillLevel,
  };
}

/** R4.5 the 附件 “好青年”候选人汇总表 of a unit, a district or the city, as Word or Excel. */
export const summaryTable: Handler<Spec> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scoped = await scopeOrg(deps, actor, input);
  if (!scoped.ok) return scoped;
  const org = scoped.value;
  const entries = await approvedEntries(deps, period._id, org, actor);
  if (!entries) return err(appError('NOMINATION.OWN_RECORD', 'the table holds the caller’s own record'));
  if (entries.length === 0) return err(appError('EXPORT.EMPTY', 'no approved nominations in scope'));

  const started = Date.now();
  const render = await RENDERERS[input.format]();
  // A unit's file is its one table; a district's or the city's one table per unit, each stamped by its unit.
  const bytes = await render(summaryExport(input.scope, org.name, entries));
  const fileName = summaryFileName(org.name, chinaDate(now), input.format);
  const { fileId } = await deps.files.put(
    `exports/${deps.randomId(16)}/${fileName}`,
    bytes,
    CONTENT_TYPES[input.format],
  );
  // Storage is outside the transaction: a call that does not commit takes its table (full numbers) back with it.
  ctx.onRollback(() => deps.files.remove(fileId));
  await deps.store.collection<ExportDoc>(C.exports).insert({
    _id: deps.randomId(16),
    fileId,
    orgId: org._id,
    createdBy: actor.openid,
    createdAt: now,
    expiresAt: new Date(now.getTime() + EXPORT_KEEP_MS),
  });
  // Saved under its real name (Content-Disposition locally; the path's last segment in cloud storage).
  const link = await deps.files.url(fileId, LINK_TTL_SECONDS, { fileName, viewer: actor.openid });
  // Counts and ids only: the rows themselves are personal data (R9.1).
  const details = { scope: input.scope, orgId: org._id, format: input.format, rows: entries.length };
  ctx.audit({ target: `exports/${fileId}`, details });
  deps.log.info('export.summaryTable', { ...details, bytes: bytes.length, ms: Date.now() - started });
  return ok({ url: link.url, fileName, rows: entries.length, expiresAt: link.expiresAt.toISOString() });
};
