import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type YouthDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import type { Handler } from '../../../_lib/router';
import { youthView } from '../youth-view';

/** A youth who left the unit becomes an alumnus: out of the active lists and counts, history kept. */
export const leave: Handler<typeof registryContract.actions.leave> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const youths = deps.store.collection<YouthDoc>(C.youths);
  const doc = await youths.get(input.youthId);
  if (!doc) return err(appError('YOUTH.NOT_FOUND', 'no such record'));
  if (
    !covers(actor, { _id: doc.unitId, level: 'unit', districtId: doc.districtId }, [
      'unitAdmin',
      'districtAdmin',
      'cityAdmin',
    ])
  )
    return err(appError('AUTH.OUT_OF_SCOPE', 'record outside your scope'));
  const done = await youths.updateOne(
    { _id: doc._id, status: 'active' },
    {
      $set: {
        status: 'alumni',
        alumni: { reason: 'left', at: now, periodId: null },
        pendingChange: null,
        pendingUnitId: null,
        updatedAt: now,
      },
      $push: { history: { at: now, event: 'left', actor: actor.openid, note: input.reason } },
    },
  );
  if (done === 0) return err(appError('YOUTH.INVALID_STATE', 'already an alumnus'));
  ctx.audit({ target: `youths/${doc._id}`, details: { event: 'left', unitId: doc.unitId, reason: input.reason } });
  return ok(await youthView(deps, (await youths.get(doc._id)) as YouthDoc, now));
};
