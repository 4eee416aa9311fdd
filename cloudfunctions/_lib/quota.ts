/**
 * Quota counters (R3.1, R3.2): one document per (period, unit). Approving
 * takes a place with a conditional increment (`used < limit`), the
 * concurrency primitive both stores honour, so concurrent approvals can never
 * exceed the limit.
 */
import { appError, type CodedError } from '../../miniprogram/core/errors';
import type { PeriodRules } from '../../miniprogram/core/period';
import { canApproveWithin, placeLeftCondition, suggestedQuota } from '../../miniprogram/core/quota';
import { err, ok, type Result } from '../../miniprogram/core/result';
import { C, type OrgDoc, type QuotaDoc } from './collections';
import type { ServerDeps } from './deps';
import { DuplicateKeyError } from './store/port';

const RETRIES = 5;

export const quotaId = (periodId: string, unitId: string) => `${periodId}:${unitId}`;

export function newQuota(period: Pick<PeriodRules, '_id' | 'quotaRatio'>, unit: OrgDoc, now: Date): QuotaDoc {
  const suggested = suggestedQuota(unit.youthCount ?? 0, period.quotaRatio);
  return {
    _id: quotaId(period._id, unit._id),
    periodId: period._id,
    unitId: unit._id,
    districtId: unit.districtId,
    category: unit.category ?? 'other_grassroots',
    suggested,
    override: null,
    overrideReason: null,
    limit: suggested,
    used: 0,
    updatedAt: now,
  };
}

/** The unit's counter, created on first use from its head-count. */
export async function ensureQuota(
  deps: ServerDeps,
  period: Pick<PeriodRules, '_id' | 'quotaRatio'>,
  unit: OrgDoc,
  now: Date,
): Promise<QuotaDoc> {
  const quotas = deps.store.collection<QuotaDoc>(C.quotas);
  const existing = await quotas.get(quotaId(period._id, unit._id));
  if (existing) return existing;
  const fresh = newQuota(period, unit, now);
  try {
    await quotas.insert(fresh);
    return fresh;
  } catch (e) {
    if (!(e instanceof DuplicateKeyError)) throw e;
    const raced = await quotas.get(fresh._id);
    if (!raced) throw e;
    return raced;
  }
}

/** R3.2 a unit cannot approve beyond its quota on its own. */
export async function takePlace(
  deps: ServerDeps,
  period: Pick<PeriodRules, '_id' | 'quotaRatio'>,
  unit: OrgDoc,
  now: Date,
): Promise<Result<QuotaDoc, CodedError<'QUOTA.EXCEEDED'>>> {
  const quotas = deps.store.collection<QuotaDoc>(C.quotas);
  for (let attempt = 0; attempt < RETRIES; attempt += 1) {
    const q =
      attempt === 0 ? await ensureQuota(deps, period, unit, now) : await quotas.get(quotaId(period._id, unit._id));
    if (!q) break;
    if (!canApproveWithin(q.used, q.limit))
      return err(appError('QUOTA.EXCEEDED', 'quota full', { limit: q.limit, used: q.used }));
    // Conditional on the limit we read too: a concurrent override makes us re-read, never overshoot.
    const taken = await quotas.updateOne(
      { _id: q._id, limit: q.limit, ...placeLeftCondition(q.limit) },
      { $inc: { used: 1 }, $set: { updatedAt: now } },
    );
    if (taken === 1) return ok({ ...q, used: q.used + 1 });
  }
  const q = await quotas.get(quotaId(period._id, unit._id));
  return err(appError('QUOTA.EXCEEDED', 'quota full', { limit: q?.limit ?? 0, used: q?.used ?? 0 }));
}

/** Gives a place back (a withdrawn approval, an upheld objection, a failed approval). */
export async function releasePlace(deps: ServerDeps, periodId: string, unitId: string, now: Date): Promise<void> {
  await deps.store
    .collection<QuotaDoc>(C.quotas)
    .updateOne({ _id: quotaId(periodId, unitId), used: { $gt: 0 } }, { $inc: { used: -1 }, $set: { updatedAt: now } });
}
