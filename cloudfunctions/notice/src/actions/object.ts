import type { noticeContract } from '../../../../miniprogram/core/contracts/admin';
import { chinaDate } from '../../../../miniprogram/core/china-time';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type ObjectionDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { takeSlot } from '../../../_lib/limits';
import { notifyRole } from '../../../_lib/notify';
import { openObjectionKey } from '../../../_lib/objections';
import { currentPeriod } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';

/** Objections block filing until disposed of, so one person cannot flood a unit: one open objection per youth, a few a day. */
const DAILY_OBJECTIONS = 5;

const DAY_MS = 24 * 60 * 60 * 1000;

/** Both limits as counters taken atomically in the action's transaction (never count-then-insert). */
async function mayObject(deps: ServerDeps, openid: string, nominationId: string, now: Date) {
  if (!(await takeSlot(deps, openObjectionKey(nominationId, openid), 1, { now, expiresAt: null }))) {
    return err(appError('OBJECTION.DUPLICATE', 'an open objection by this person exists'));
  }
  const day = chinaDate(now);
  const expiresAt = new Date(now.getTime() + 2 * DAY_MS);
  if (!(await takeSlot(deps, `objection-day:${openid}:${day}`, DAILY_OBJECTIONS, { now, expiresAt }))) {
    return err(appError('OBJECTION.LIMIT', 'daily objection limit reached'));
  }
  return ok(null);
}

/** R8 anyone may object to a selected youth; the objection goes to the reviewing unit. */
export const object: Handler<typeof noticeContract.actions.object> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const n = await deps.store.collection<NominationDoc>(C.nominations).get(input.nominationId);
  if (!n || n.status !== 'approved' || n.periodId !== period._id)
    return err(appError('NOMINATION.NOT_FOUND', 'not in the public notice'));
  const allowed = await mayObject(deps, actor.openid, n._id, now);
  if (!allowed.ok) return allowed;
  const objectionId = deps.randomId(16);
  await deps.store.collection<ObjectionDoc>(C.objections).insert({
    _id: objectionId,
    periodId: period._id,
    nominationId: n._id,
    unitId: n.unitId,
    districtId: n.districtId,
    content: input.content,
    contactEnc: input.contact ? deps.crypto.encrypt(input.contact) : null,
    ...(input.objectorName ? { objectorName: input.objectorName } : {}),
    filedBy: actor.openid,
    createdAt: now,
    status: 'open',
    disposition: null,
    note: null,
    resolvedBy: null,
    resolvedAt: null,
  });
  ctx.audit({ target: `objections/${objectionId}`, details: { nominationId: n._id } });
  await notifyRole(ctx, { role: 'unitAdmin', orgId: n.unitId }, 'objection.received', { name: n.name });
  return ok({ objectionId });
};
