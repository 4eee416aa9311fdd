/** A unit's quota as the quota page shows it: shared by the list and the change. */
import type { QuotaView } from '../../../miniprogram/core/contracts/admin';
import type { OrgDoc, QuotaDoc } from '../../_lib/collections';

export function quotaView(unit: OrgDoc, q: QuotaDoc): QuotaView {
  return {
    unitId: unit._id,
    unitName: unit.name,
    districtId: unit.districtId,
    category: unit.category ?? 'other_grassroots',
    youthCount: unit.youthCount ?? 0,
    suggested: q.suggested,
    override: q.override,
    overrideReason: q.overrideReason,
    limit: q.limit,
    approved: q.used,
  };
}
