/** Notifications to the holders of a role in an organisation (queued in the outbox by the router on success). */
import type { Role } from '../../miniprogram/core/org';
import { C, type AccountDoc } from './collections';
import type { ActionContext } from './router';

/** At most this many recipients per organisation and role: a unit has a handful of admins. */
const MAX_RECIPIENTS = 20;

export async function notifyRole(
  ctx: ActionContext,
  to: { role: Role; orgId: string },
  message: { title: string; body: string; page: string },
): Promise<number> {
  const holders = await ctx.deps.store
    .collection<AccountDoc>(C.accounts)
    .find(
      { grants: { $elemMatch: { role: to.role, orgId: to.orgId } } },
      { projection: { _id: 1 }, limit: MAX_RECIPIENTS },
    );
  for (const h of holders) ctx.notify({ toOpenid: h._id, ...message });
  return holders.length;
}
