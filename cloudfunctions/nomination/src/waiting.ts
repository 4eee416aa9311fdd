/** The facts `core/waiting.ts` words for 我的推荐: the unit's admin (if any), its district, its list's filing. */
import { filingSubjectOf } from '../../../miniprogram/core/filing';
import { waitingOf, type Waiting } from '../../../miniprogram/core/waiting';
import { C, type AccountDoc, type NominationDoc, type OrgDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { unlocked } from '../../_lib/filing';
import { getOrg } from '../../_lib/queries';

async function hasUnitAdmin(deps: ServerDeps, unitId: string): Promise<boolean> {
  const admins = await deps.store
    .collection<AccountDoc>(C.accounts)
    .find({ grants: { $elemMatch: { role: 'unitAdmin', orgId: unitId } } }, { limit: 1, projection: { _id: 1 } });
  return admins.length > 0;
}

export async function waitingFor(deps: ServerDeps, doc: NominationDoc, unit: OrgDoc): Promise<Waiting | null> {
  if (!['submitted', 'approved', 'returned'].includes(doc.status)) return null;
  const [admin, district, open] = await Promise.all([
    hasUnitAdmin(deps, unit._id),
    unit.districtId ? getOrg(deps, unit.districtId) : null,
    unlocked(deps, doc.periodId, unit),
  ]);
  return waitingOf(doc.status, {
    unitName: unit.name,
    districtName: district?.name ?? '',
    unitHasAdmin: admin,
    filing: { kind: filingSubjectOf(unit).kind, locked: !open.ok },
  });
}
