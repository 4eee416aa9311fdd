/**
 * One validation for preview and apply (issue 14): the upload checked, the workbook read, every row checked
 * against the tree (or the unit's list) and the caller's scope, and each valid row planned as new, changed or
 * unchanged. `previewImport` shows the plan; `applyImport` computes it again inside its transaction and writes
 * it only when no row has an error.
 */
import { appError, type CodedError } from '../../../miniprogram/core/errors';
import type { PeriodRules } from '../../../miniprogram/core/period';
import { effectiveQuota } from '../../../miniprogram/core/quota';
import {
  checkSheet,
  dataRows,
  IMPORT_COLUMNS,
  planOrgImport,
  planYouthImport,
  type ExistingOrg,
  type ExistingYouth,
  type ImportKind,
  type ImportPlan,
  type OrgRowPlan,
  type RowError,
  type SheetRow,
  type YouthRowPlan,
} from '../../../miniprogram/core/registry-import';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import { C, type OrgDoc, type QuotaDoc, type YouthDoc, type YouthKeyDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { covers, grantsOf, type Actor } from '../../_lib/identity';
import { getOrg } from '../../_lib/queries';
import { quotaId } from '../../_lib/quota';
import { verifyUpload } from '../../_lib/uploads';
import type { OverQuotaView, PreviewRow } from '../../../miniprogram/core/contracts/registry';
import { readSheet } from './workbook';

export type PlanError = CodedError<'FILE.INVALID' | 'AUTH.FORBIDDEN' | 'AUTH.OUT_OF_SCOPE' | 'ORG.NOT_FOUND'>;

export type Planned =
  | { kind: 'orgs'; plan: ImportPlan<OrgRowPlan>; total: number; orgs: OrgDoc[]; overQuota: OverQuotaView[] }
  | { kind: 'youths'; plan: ImportPlan<YouthRowPlan>; total: number; unit: OrgDoc; held: Map<string, YouthDoc> };

const fileErrors = (errors: RowError[]) => ({ rows: [], errors, counts: { new: 0, changed: 0, unchanged: 0 } });

/** The districts a caller imports organisations for: every one for the city, their own for a district admin. */
function orgScope(actor: Actor): { districtIds: string[] | null } | null {
  if (grantsOf(actor, 'cityAdmin').length > 0) return { districtIds: null };
  const districts = grantsOf(actor, 'districtAdmin').map((g) => g.orgId);
  return districts.length > 0 ? { districtIds: districts } : null;
}

/** The unit whose list a caller imports: their own as a unit admin, or a unit in scope named by a district or the city. */
async function youthUnit(
  deps: ServerDeps,
  actor: Actor,
  unitId: string | undefined,
): Promise<Result<OrgDoc, PlanError>> {
  const id = unitId ?? grantsOf(actor, 'unitAdmin')[0]?.orgId;
  if (!id) return err(appError('ORG.NOT_FOUND', 'no unit named'));
  const unit = await getOrg(deps, id);
  if (!unit || unit.level !== 'unit') return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (!covers(actor, unit, ['unitAdmin', 'districtAdmin', 'cityAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'unit outside your scope'));
  return ok(unit);
}

/** Units whose approved count exceeds the limit their new head-count gives (an override stays as it is). */
export async function overQuotaAfter(
  deps: ServerDeps,
  period: Pick<PeriodRules, '_id' | 'quotaRatio'> | null,
  rows: OrgRowPlan[],
): Promise<OverQuotaView[]> {
  const changed = rows.filter((r) => r.id !== null && r.diff.youthCount);
  if (!period || changed.length === 0) return [];
  const counters = await deps.store
    .collection<QuotaDoc>(C.quotas)
    .find({ _id: { $in: changed.map((r) => quotaId(period._id, r.id as string)) } });
  const byUnit = new Map(counters.map((q) => [q.unitId, q]));
  const out: OverQuotaView[] = [];
  for (const r of changed) {
    const q = byUnit.get(r.id as string);
    if (!q) continue;
    const limit = effectiveQuota(r.youthCount, period.quotaRatio, q.override);
    if (q.used > limit) out.push({ unitId: q.unitId, name: r.name, limit, approved: q.used });
  }
  return out;
}

export async function planImport(
  deps: ServerDeps,
  actor: Actor,
  input: { kind: ImportKind; fileId: string; unitId?: string },
  period: Pick<PeriodRules, '_id' | 'quotaRatio'> | null,
): Promise<Result<Planned, PlanError>> {
  // Scope first: a caller who may not import learns nothing about the file.
  if (input.kind === 'orgs') {
    const scope = orgScope(actor);
    if (!scope) return err(appError('AUTH.FORBIDDEN', 'only the city and districts import units'));
    const sheet = await sheetOf(deps, actor, input);
    return sheet.ok ? ok(await planOrgs(deps, sheet.value, scope, period)) : sheet;
  }
  const unit = await youthUnit(deps, actor, input.unitId);
  if (!unit.ok) return unit;
  const sheet = await sheetOf(deps, actor, input);
  return sheet.ok ? ok(await planYouths(deps, sheet.value, unit.value)) : sheet;
}

interface Sheet {
  rows: SheetRow[];
  problems: RowError[];
}

/** The caller's own upload, an Excel workbook by its bytes, read: its data rows and any whole-file problem. */
async function sheetOf(
  deps: ServerDeps,
  actor: Actor,
  input: { kind: ImportKind; fileId: string },
): Promise<Result<Sheet, PlanError>> {
  const upload = await verifyUpload(deps, actor.openid, input.fileId, ['xlsx']);
  if (!upload.ok) return upload;
  const bytes = await deps.files.get(input.fileId);
  const sheet = bytes ? await readSheet(bytes, IMPORT_COLUMNS[input.kind].length) : null;
  if (!sheet) return err(appError('FILE.INVALID', 'not a readable workbook', { problem: 'type' }));
  const rows = dataRows(sheet.rows);
  return ok({ rows, problems: checkSheet(input.kind, sheet.header, rows) });
}

async function planOrgs(
  deps: ServerDeps,
  sheet: Sheet,
  scope: { districtIds: string[] | null },
  period: Pick<PeriodRules, '_id' | 'quotaRatio'> | null,
): Promise<Planned> {
  const orgs = await deps.store.collection<OrgDoc>(C.orgs).find({ level: { $in: ['district', 'unit'] } });
  const total = sheet.rows.length;
  if (sheet.problems.length > 0) return { kind: 'orgs', plan: fileErrors(sheet.problems), total, orgs, overQuota: [] };
  const existing: ExistingOrg[] = orgs.map((o) => ({
    id: o._id,
    name: o.name,
    level: o.level,
    districtId: o.districtId,
    parentId: o.parentId,
    category: o.category,
    youthCount: o.youthCount,
  }));
  const plan = planOrgImport(sheet.rows, existing, scope);
  return { kind: 'orgs', plan, total, orgs, overQuota: await overQuotaAfter(deps, period, plan.rows) };
}

async function planYouths(deps: ServerDeps, sheet: Sheet, unit: OrgDoc): Promise<Planned> {
  const total = sheet.rows.length;
  if (sheet.problems.length > 0)
    return { kind: 'youths', plan: fileErrors(sheet.problems), total, unit, held: new Map() };
  const held = await heldRecords(deps, sheet.rows);
  const existing = (idNumber: string): ExistingYouth | undefined => {
    const doc = held.get(deps.crypto.hash(idNumber));
    if (!doc) return undefined;
    return {
      id: doc._id,
      unitId: doc.unitId,
      active: doc.status === 'active',
      name: doc.name,
      post: doc.post,
      phone: deps.crypto.decrypt(doc.phoneEnc),
    };
  };
  return { kind: 'youths', plan: planYouthImport(sheet.rows, unit._id, existing), total, unit, held };
}

/** The records the file's people already have, by the keyed hash of their ID number (read by key, then by id). */
async function heldRecords(deps: ServerDeps, rows: Array<{ cells: string[] }>): Promise<Map<string, YouthDoc>> {
  const hashes = [
    ...new Set(rows.map((r) => (r.cells[1] ?? '').replace(/\s+/g, '').toUpperCase()).filter(Boolean)),
  ].map((n) => deps.crypto.hash(n));
  if (hashes.length === 0) return new Map();
  const keys = await deps.store.collection<YouthKeyDoc>(C.youthKeys).find({ _id: { $in: hashes } });
  if (keys.length === 0) return new Map();
  const docs = await deps.store.collection<YouthDoc>(C.youths).find({ _id: { $in: keys.map((k) => k.youthId) } });
  return new Map(docs.map((d) => [d.idHash, d]));
}

/** The rows a preview lists: what changes first, then what is new (at most `limit`). */
export function previewRows(planned: Planned, limit = 50): PreviewRow[] {
  if (planned.kind === 'orgs') {
    return planned.plan.rows
      .filter((r) => r.change !== 'unchanged')
      .slice(0, limit)
      .map((r) => ({
        row: r.row,
        change: r.change,
        name: r.name,
        detail:
          r.change === 'new'
            ? `新增单位，青年 ${r.youthCount} 人`
            : Object.entries(r.diff)
                .map(([k, [a, b]]) => `${DIFF_LABEL[k as keyof typeof DIFF_LABEL]} ${a} → ${b}`)
                .join('；'),
      }));
  }
  return planned.plan.rows
    .filter((r) => r.change !== 'unchanged')
    .slice(0, limit)
    .map((r) => ({
      row: r.row,
      change: r.change,
      name: r.name,
      detail: `${r.idMasked} · ${r.phoneMasked}${r.post ? ` · ${r.post}` : ''}`,
    }));
}

const DIFF_LABEL = { category: '类别', parent: '上级单位', youthCount: '青年人数' } as const;
