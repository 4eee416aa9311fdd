/**
 * Who reviews a unit's nominations (core/review.ts): the unit's admin, or the level above when the unit has no
 * admin account. Shared by the review queue, the detail, the decisions and the objections.
 */
import type { PeriodRules } from '../../miniprogram/core/period';
import { decides, reviewerLevel, type ReviewerLevel } from '../../miniprogram/core/review';
import { C, type AccountDoc, type OrgDoc, type QuotaDoc } from './collections';
import type { ServerDeps } from './deps';
import type { Actor } from './identity';
import { newQuota, quotaId } from './quota';

/** The units among `unitIds` that have at least one admin account. */
export async function unitsWithAdmin(deps: ServerDeps, unitIds: readonly string[]): Promise<Set<string>> {
  const ids = [...new Set(unitIds)];
  if (ids.length === 0) return new Set();
  const holders = await deps.store
    .collection<AccountDoc>(C.accounts)
    .find({ grants: { $elemMatch: { role: 'unitAdmin', orgId: { $in: ids } } } }, { projection: { grants: 1 } });
  const wanted = new Set(ids);
  return new Set(
    holders.flatMap((a) => a.grants.filter((g) => g.role === 'unitAdmin' && wanted.has(g.orgId)).map((g) => g.orgId)),
  );
}

export async function reviewerOf(deps: ServerDeps, unit: OrgDoc): Promise<ReviewerLevel> {
  return reviewerLevel(unit, (await unitsWithAdmin(deps, [unit._id])).has(unit._id));
}

/** The units whose nominations the actor decides on: their own, and those without an admin they stand in for. */
export async function decidableUnitIds(deps: ServerDeps, actor: Actor): Promise<string[]> {
  const own = actor.grants.filter((g) => g.role === 'unitAdmin').map((g) => g.orgId);
  const orgs = deps.store.collection<OrgDoc>(C.orgs);
  const candidates: OrgDoc[] = [];
  for (const g of actor.grants) {
    if (g.role === 'districtAdmin')
      candidates.push(...(await orgs.find({ level: 'unit', districtId: g.orgId }, { projection: { districtId: 1 } })));
    if (g.role === 'cityAdmin')
      candidates.push(...(await orgs.find({ level: 'unit', districtId: null }, { projection: { districtId: 1 } })));
  }
  const staffed = await unitsWithAdmin(
    deps,
    candidates.map((u) => u._id),
  );
  const standIn = candidates.filter((u) => !staffed.has(u._id) && decides(actor.grants, u, reviewerLevel(u, false)));
  return [...new Set([...own, ...standIn.map((u) => u._id)])];
}

/** Each unit's quota counter, or the one it would start with (R3.1). */
export async function quotasOf(
  deps: ServerDeps,
  period: Pick<PeriodRules, '_id' | 'quotaRatio'>,
  units: readonly OrgDoc[],
  now: Date,
): Promise<Map<string, QuotaDoc>> {
  const found = await deps.store
    .collection<QuotaDoc>(C.quotas)
    .find({ _id: { $in: units.map((u) => quotaId(period._id, u._id)) } });
  const byUnit = new Map(found.map((q) => [q.unitId, q]));
  return new Map(units.map((u) => [u._id, byUnit.get(u._id) ?? newQuota(period, u, now)]));
}
