import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MeasureDoc } from '../../../_lib/collections';
import { randomId } from '../../../_lib/ids';
import type { Handler } from '../../../_lib/router';
import { futureDate, measureFields, measureView, youthInScope } from '../area';

/** A cadre records a measure for a 好青年 of a unit they cover (R5.1, R5.3): it stands confirmed. */
export const recordMeasure: Handler<typeof cultivationContract.actions.recordMeasure> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const youth = await youthInScope(deps, actor, input.nominationId, true);
  if (!youth.ok) return youth;
  if (futureDate(input.measure, now)) return err(appError('CULTIVATION.FUTURE_DATE', 'a date after today'));
  const n = youth.value;
  const doc: MeasureDoc = {
    _id: randomId(),
    nominationId: n._id,
    periodId: n.periodId,
    unitId: n.unitId,
    districtId: n.districtId,
    youthOpenid: n.youthOpenid,
    youthName: n.name,
    ...measureFields(input.measure),
    status: 'confirmed',
    addedBy: 'unit',
    createdBy: actor.openid,
    createdAt: now,
    updatedAt: now,
    reason: null,
    history: [],
  };
  await deps.store.collection<MeasureDoc>(C.measures).insert(doc);
  ctx.audit({ target: `measures/${doc._id}`, details: { nominationId: n._id, kind: doc.kind } });
  return ok(measureView(doc));
};
