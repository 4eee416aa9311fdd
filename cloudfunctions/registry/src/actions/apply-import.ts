import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { appError } from '../../../../miniprogram/core/errors';
import { effectiveQuota } from '../../../../miniprogram/core/quota';
import type { OrgRowPlan, YouthRowPlan } from '../../../../miniprogram/core/registry-import';
import { err, ok } from '../../../../miniprogram/core/result';
import {
  C,
  type NominationDoc,
  type OrgDoc,
  type QuotaDoc,
  type YouthDoc,
  type YouthKeyDoc,
} from '../../../_lib/collections';
import { randomId } from '../../../_lib/ids';
import { currentPeriod } from '../../../_lib/queries';
import { quotaId } from '../../../_lib/quota';
import type { ActionContext, Handler } from '../../../_lib/router';
import { planImport } from '../import-plan';

/**
 * Applies an import (issue 14): the same validation as the preview, inside the action's transaction, and either
 * every row is written or — when any row has an error — nothing is (`IMPORT.INVALID`, with the error count).
 * A head-count change recalculates the unit's suggested quota (R3.1) and, unless the district or the city set
 * another, its limit; approvals beyond the new limit are kept and listed (`overQuota`).
 */
export const applyImport: Handler<typeof registryContract.actions.applyImport> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  const planned = await planImport(deps, actor, input, period);
  if (!planned.ok) return planned;
  const p = planned.value;
  if (p.plan.errors.length > 0)
    return err(appError('IMPORT.INVALID', 'the file has errors', { errorCount: p.plan.errors.length }));
  if (p.kind === 'orgs') {
    await writeOrgs(ctx, p.plan.rows, p.orgs, period);
    return ok({ kind: 'orgs', counts: p.plan.counts, overQuota: p.overQuota });
  }
  await writeYouths(ctx, p.plan.rows, p.unit, p.held);
  return ok({ kind: 'youths', counts: p.plan.counts, overQuota: [] });
};

type Period = { _id: string; quotaRatio: number } | null;
const unitKey = (districtId: string | null, name: string) => `${districtId ?? ''}|${name}`;

/** The current counters of the units whose rows change (a counter exists once the unit had a nomination). */
async function countersOf(ctx: ActionContext, rows: OrgRowPlan[], period: Period): Promise<Map<string, QuotaDoc>> {
  const ids = rows.filter((r) => r.change === 'changed').map((r) => r.id as string);
  if (!period || ids.length === 0) return new Map();
  const found = await ctx.deps.store
    .collection<QuotaDoc>(C.quotas)
    .find({ _id: { $in: ids.map((id) => quotaId(period._id, id)) } });
  return new Map(found.map((q) => [q.unitId, q]));
}

async function writeOrgs(ctx: ActionContext, rows: OrgRowPlan[], tree: OrgDoc[], period: Period): Promise<void> {
  const { deps } = ctx;
  const orgs = deps.store.collection<OrgDoc>(C.orgs);
  // New units get their ids first, so a parent named in the same file resolves.
  const ids = new Map(tree.filter((o) => o.level === 'unit').map((o) => [unitKey(o.districtId, o.name), o._id]));
  for (const r of rows) if (r.id === null) ids.set(unitKey(r.districtId, r.name), randomId());
  const idOf = (districtId: string | null, name: string) => ids.get(unitKey(districtId, name)) as string;
  const parentOf = (r: OrgRowPlan) =>
    r.parentName !== null ? idOf(r.districtId, r.parentName) : (r.districtId ?? deps.cityOrgId);
  const counters = await countersOf(ctx, rows, period);
  for (const r of rows) {
    const id = idOf(r.districtId, r.name);
    const fields = { category: r.category, youthCount: r.youthCount, parentId: parentOf(r) };
    if (r.change === 'new') {
      await orgs.insert({ _id: id, name: r.name, level: 'unit', districtId: r.districtId, ...fields });
      ctx.audit({ target: `orgs/${id}`, details: { change: 'new', youthCount: r.youthCount } });
    } else if (r.change === 'changed') {
      await orgs.updateOne({ _id: id }, { $set: fields });
      ctx.audit({ target: `orgs/${id}`, details: { change: 'changed', diff: r.diff } });
      const q = counters.get(id);
      if (q && period) await recalculate(ctx, q, r, period);
    }
  }
}

/**
 * R3.1 the suggestion follows the head-count; an override set by the district or the city stays (R3.2). The
 * limit may fall below the places already approved: approvals are never undone, the preview lists such units.
 */
async function recalculate(ctx: ActionContext, q: QuotaDoc, r: OrgRowPlan, period: NonNullable<Period>): Promise<void> {
  const suggested = effectiveQuota(r.youthCount, period.quotaRatio, null);
  const limit = q.override ?? suggested;
  await ctx.deps.store
    .collection<QuotaDoc>(C.quotas)
    .updateOne({ _id: q._id }, { $set: { suggested, limit, category: r.category, updatedAt: ctx.now } });
  ctx.audit({ target: `quotas/${q._id}`, details: { from: q.limit, to: limit, suggested, reason: 'import' } });
  if (r.diff.category) await recategorise(ctx, period._id, q.unitId, r);
}

/** Rosters filter on the category kept on each record: a unit's new category reaches its records of the period. */
async function recategorise(ctx: ActionContext, periodId: string, unitId: string, r: OrgRowPlan): Promise<void> {
  const nominations = ctx.deps.store.collection<NominationDoc>(C.nominations);
  for (const n of await nominations.find({ periodId, unitId }, { projection: { _id: 1 } }))
    await nominations.updateOne({ _id: n._id }, { $set: { category: r.category } });
}

async function writeYouths(
  ctx: ActionContext,
  rows: YouthRowPlan[],
  unit: OrgDoc,
  held: Map<string, YouthDoc>,
): Promise<void> {
  const { deps, actor, now } = ctx;
  const youths = deps.store.collection<YouthDoc>(C.youths);
  const who = actor?.openid ?? 'system';
  for (const r of rows) {
    if (r.change === 'unchanged') continue;
    const idHash = deps.crypto.hash(r.idNumber);
    const fields = {
      unitId: unit._id,
      districtId: unit.districtId,
      name: r.name,
      phoneEnc: deps.crypto.encrypt(r.phone),
      phoneMasked: r.phoneMasked,
      post: r.post,
      status: 'active' as const,
      alumni: null,
      lastConfirmedAt: now,
      updatedAt: now,
    };
    const before = held.get(idHash);
    if (before) {
      await youths.updateOne(
        { _id: before._id },
        {
          $set: fields,
          $push: { history: { at: now, event: 'updated', actor: who, note: `名册导入（${unit._id}）` } },
        },
      );
      ctx.audit({ target: `youths/${before._id}`, details: { change: 'changed', unitId: unit._id } });
      continue;
    }
    const id = randomId();
    // The person's key, taken by id: a concurrent import of the same person loses the insert and runs again.
    await deps.store.collection<YouthKeyDoc>(C.youthKeys).insert({ _id: idHash, youthId: id });
    await youths.insert({
      _id: id,
      ...fields,
      idHash,
      idNumberEnc: deps.crypto.encrypt(r.idNumber),
      idNumberMasked: r.idMasked,
      birthDate: r.birthDate,
      openid: null,
      selectedPeriods: [],
      pendingChange: null,
      pendingUnitId: null,
      createdAt: now,
      history: [{ at: now, event: 'imported', actor: who, note: `名册导入（${unit._id}）` }],
    });
    ctx.audit({ target: `youths/${id}`, details: { change: 'new', unitId: unit._id } });
  }
}
