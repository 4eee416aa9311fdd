import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MeasureDoc } from '../../../_lib/collections';
import { randomId } from '../../../_lib/ids';
import { notifyRole } from '../../../_lib/notify';
import type { Handler } from '../../../_lib/router';
import { futureDate, measureFields, measureView, ownRecord } from '../area';

/** A 好青年 adds a record of their own (a training certificate); it waits for the unit to confirm or decline it. */
export const addMeasure: Handler<typeof cultivationContract.actions.addMeasure> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const n = await ownRecord(deps, actor.openid);
  if (!n) return err(appError('CULTIVATION.NOT_SELECTED', 'not a 好青年'));
  if (futureDate(input, now)) return err(appError('CULTIVATION.FUTURE_DATE', 'a date after today'));
  const doc: MeasureDoc = {
    _id: randomId(),
    nominationId: n._id,
    periodId: n.periodId,
    unitId: n.unitId,
    districtId: n.districtId,
    youthOpenid: actor.openid,
    youthName: n.name,
    ...measureFields(input),
    status: 'pending',
    addedBy: 'youth',
    createdBy: actor.openid,
    createdAt: now,
    updatedAt: now,
    reason: null,
    history: [],
  };
  await deps.store.collection<MeasureDoc>(C.measures).insert(doc);
  ctx.audit({ target: `measures/${doc._id}`, details: { nominationId: n._id, kind: doc.kind } });
  await notifyRole(ctx, { role: 'unitAdmin', orgId: n.unitId }, 'measure.added', { name: n.name, title: doc.title });
  return ok(measureView(doc));
};
