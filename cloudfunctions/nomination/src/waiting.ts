/** The facts `core/waiting.ts` words for 我的推荐: the unit's admin (if any), its district, its list's filing. */
import { filingSubjectOf } from '../../../miniprogram/core/filing';
import { waitingOf, type Waiting } from '../../../miniprogram/core/waiting';
import type { NominationDoc, OrgDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { unlocked } from '../../_lib/filing';
import { getOrg } from '../../_lib/queries';
import { reviewerOf } from '../../_lib/reviewers';

export async function waitingFor(deps: ServerDeps, doc: NominationDoc, unit: OrgDoc): Promise<Waiting | null> {
  if (!['submitted', 'approved', 'returned'].includes(doc.status)) return null;
  const [reviewer, district, open] = await Promise.all([
    reviewerOf(deps, unit),
    unit.districtId ? getOrg(deps, unit.districtId) : null,
    unlocked(deps, doc.periodId, unit),
  ]);
  return waitingOf(doc.status, {
    unitName: unit.name,
    districtName: district?.name ?? '',
    unitHasAdmin: reviewer === 'unit',
    filing: { kind: filingSubjectOf(unit).kind, locked: !open.ok },
  });
}
