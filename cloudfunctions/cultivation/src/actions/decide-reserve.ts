import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { RESERVE_FLOW } from '../../../../miniprogram/core/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type ReserveDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { applyTransition, type Requirement } from '../../../_lib/workflow';
import { reserveView } from '../area';

/** The contract requires the reason of every move. */
const given: Requirement<'CULTIVATION.INVALID_STATE'> = async () => ok(null);

/** The district (or the city) admits a nominee to the pool, inspects, appoints or withdraws them, with a reason. */
export const decideReserve: Handler<typeof cultivationContract.actions.decideReserve> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const r = await deps.store.collection<ReserveDoc>(C.reserveCadres).get(input.nominationId);
  if (!r) return err(appError('CULTIVATION.NOT_FOUND', 'no reserve-cadre record'));
  const unit = await getOrg(deps, r.unitId);
  if (!unit || !covers(actor, unit, ['districtAdmin', 'cityAdmin']))
    return err(appError('AUTH.OUT_OF_SCOPE', 'youth outside your scope'));
  const moved = await applyTransition(ctx, {
    collection: C.reserveCadres,
    table: RESERVE_FLOW,
    doc: r,
    event: input.event,
    entry: {
      at: now,
      action: input.event,
      actor: actor.openid,
      actorName: actor.displayName ?? '',
      comment: input.reason,
    },
    requirements: { reason: given },
    details: { reason: input.reason },
    invalidCode: 'CULTIVATION.INVALID_STATE',
  });
  return moved.ok ? ok(reserveView(moved.value, unit.name)) : moved;
};
