/** A quota request as the request page shows it: shared by asking, listing and deciding. */
import type { QuotaRequestView } from '../../../miniprogram/core/contracts/admin';
import type { QuotaRequestDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { orgNames } from '../../_lib/queries';

export async function requestViews(deps: ServerDeps, docs: QuotaRequestDoc[]): Promise<QuotaRequestView[]> {
  const names = await orgNames(deps, docs.flatMap((d) => [d.unitId, d.districtId ?? '']).filter(Boolean));
  return docs.map((d) => ({
    id: d._id,
    unitId: d.unitId,
    unitName: names.get(d.unitId) ?? '',
    districtName: d.districtId ? (names.get(d.districtId) ?? '') : '市级单位',
    requested: d.requested,
    limitBefore: d.limitBefore,
    reason: d.reason,
    status: d.status,
    requestedByName: d.requestedByName,
    createdAt: d.createdAt.toISOString(),
    decidedByName: d.decidedByName,
    decidedAt: d.decidedAt?.toISOString() ?? null,
    decisionReason: d.decisionReason,
  }));
}

/** One open request per unit and period: a counter taken when asking, given back when decided. */
export const openRequestKey = (periodId: string, unitId: string) => `quota-request-open:${periodId}:${unitId}`;
