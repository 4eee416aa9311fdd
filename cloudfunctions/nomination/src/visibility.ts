/** Who may open a nomination record: shared by the detail and the audited reveal. */
import { appError } from '../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import { C, type NominationDoc, type OrgDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { covers, type Actor } from '../../_lib/identity';
import { getOrg } from '../../_lib/queries';

const REVIEWERS = ['unitAdmin', 'districtAdmin', 'cityAdmin'] as const;

/** The record if the actor may see it: its own youth, or a reviewer whose scope covers the unit. */
export async function visible(
  deps: ServerDeps,
  actor: Actor,
  id: string,
  reviewersOnly: boolean,
): Promise<
  Result<
    { doc: NominationDoc; unit: OrgDoc },
    ReturnType<typeof appError<'NOMINATION.NOT_FOUND' | 'AUTH.OUT_OF_SCOPE'>>
  >
> {
  const doc = await deps.store.collection<NominationDoc>(C.nominations).get(id);
  const unit = doc ? await getOrg(deps, doc.unitId) : null;
  if (!doc || !unit || doc.status === 'withdrawn') return err(appError('NOMINATION.NOT_FOUND', 'nomination not found'));
  const own = !reviewersOnly && doc.youthOpenid === actor.openid;
  if (!own && !covers(actor, unit, REVIEWERS))
    return err(appError('AUTH.OUT_OF_SCOPE', 'nomination outside your scope'));
  return ok({ doc, unit });
}
