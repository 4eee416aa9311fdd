/** The youth's unit and its reviewers: shared by self-nomination, drafts and withdrawal. */
import type { OrgDoc } from '../../_lib/collections';
import { notifyRole } from '../../_lib/notify';
import { getOrg } from '../../_lib/queries';
import type { ActionContext } from '../../_lib/router';

export async function boundUnit(
  ctx: ActionContext & { actor: { grants: Array<{ role: string; orgId: string }> } },
): Promise<OrgDoc | null> {
  const grant = ctx.actor.grants.find((g) => g.role === 'youth');
  const unit = grant ? await getOrg(ctx.deps, grant.orgId) : null;
  return unit && unit.level === 'unit' ? unit : null;
}

export async function notifyUnitAdmins(
  ctx: ActionContext,
  unit: OrgDoc,
  kind: 'nomination.submitted' | 'nomination.withdrawn',
  name: string,
): Promise<void> {
  await notifyRole(ctx, { role: 'unitAdmin', orgId: unit._id }, kind, { name });
}
