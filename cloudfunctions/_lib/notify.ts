/** Notifications to the holders of a role in an organisation (queued by the router on success). */
import type { NotificationKind, NotificationParams } from '../../miniprogram/core/notifications';
import type { Role } from '../../miniprogram/core/org';
import { C, type AccountDoc } from './collections';
import type { ActionContext } from './router';

/** At most this many recipients per organisation and role: a unit has a handful of admins. */
const MAX_RECIPIENTS = 20;

export async function notifyRole<K extends NotificationKind>(
  ctx: ActionContext,
  to: { role: Role; orgId: string },
  kind: K,
  params: NotificationParams[K],
): Promise<number> {
  const holders = await ctx.deps.store
    .collection<AccountDoc>(C.accounts)
    .find(
      { grants: { $elemMatch: { role: to.role, orgId: to.orgId } } },
      { projection: { _id: 1 }, limit: MAX_RECIPIENTS },
    );
  for (const h of holders) ctx.notify({ kind, params, to: h._id } as Parameters<ActionContext['notify']>[0]);
  return holders.length;
}
