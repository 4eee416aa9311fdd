import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { chinaDate, isValidIsoDate } from '../../../../miniprogram/core/china-time';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type ParticipationDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import type { Handler } from '../../../_lib/router';
import { participationView } from '../participation';

/** A cadre records a youth's accident-insurance enrolment or joint credit-incentive status (R7.3), in scope. */
export const recordCoverage: Handler<typeof servicesContract.actions.recordCoverage> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const today = chinaDate(now);
  if (input.on !== undefined && !(isValidIsoDate(input.on) && input.on <= today))
    return err(appError('INPUT.INVALID', 'a date up to today', { issues: [{ path: 'on', code: 'too_big' }] }));
  const n = await deps.store.collection<NominationDoc>(C.nominations).get(input.nominationId);
  if (!n || !n.youthOpenid || n.status !== 'approved')
    return err(appError('NOMINATION.NOT_FOUND', 'no selected youth'));
  const org =
    n.districtId === null
      ? { _id: deps.cityOrgId, level: 'city' as const, districtId: null }
      : { _id: n.districtId, level: 'district' as const, districtId: n.districtId };
  if (!covers(actor, org, ['cityAdmin', 'districtAdmin'])) return err(appError('AUTH.OUT_OF_SCOPE', 'not yours'));
  const doc: ParticipationDoc = {
    _id: deps.randomId(),
    openid: n.youthOpenid,
    youthName: n.name,
    unitId: n.unitId,
    districtId: n.districtId,
    kind: input.kind,
    name: input.name,
    hours: 0,
    recordedBy: actor.openid,
    at: now,
    on: input.on ?? today,
  };
  await deps.store.collection<ParticipationDoc>(C.participation).insert(doc);
  ctx.audit({ target: `participation/${doc._id}`, details: { kind: input.kind, nominationId: n._id } });
  return ok(participationView(doc));
};
