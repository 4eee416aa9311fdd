import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { MEASURE_FLOW } from '../../../../miniprogram/core/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MeasureDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { applyTransition, type Requirement } from '../../../_lib/workflow';
import { coversYouth, measureView } from '../area';

/** The contract requires the reason of a decline; nothing more to check. */
const given: Requirement<'CULTIVATION.INVALID_STATE'> = async () => ok(null);

/** The unit confirms a youth's own record, or declines it with a reason the youth reads. */
export const decideMeasure: Handler<typeof cultivationContract.actions.decideMeasure> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const m = await deps.store.collection<MeasureDoc>(C.measures).get(input.measureId);
  if (!m) return err(appError('CULTIVATION.NOT_FOUND', 'no such record'));
  if (!(await coversYouth(deps, actor, m))) return err(appError('AUTH.OUT_OF_SCOPE', 'record outside your scope'));
  const moved = await applyTransition(ctx, {
    collection: C.measures,
    table: MEASURE_FLOW,
    doc: m,
    event: input.decision,
    entry: {
      at: now,
      action: input.decision,
      actor: actor.openid,
      actorName: actor.displayName ?? '',
      comment: input.reason ?? null,
    },
    requirements: { reason: given },
    set: { reason: input.decision === 'decline' ? (input.reason ?? null) : null },
    invalidCode: 'CULTIVATION.INVALID_STATE',
  });
  if (!moved.ok) return moved;
  if (m.youthOpenid)
    ctx.notify({
      kind: 'measure.decided',
      params: { title: m.title, confirmed: input.decision === 'confirm', reason: input.reason ?? null },
      to: m.youthOpenid,
    });
  return ok(measureView(moved.value));
};
