import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type ParticipationDoc } from '../../../_lib/collections';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { participationView } from '../participation';

/** A youth records a volunteer or public-welfare organisation they joined and their service hours (R7.3). */
export const recordVolunteering: Handler<typeof servicesContract.actions.recordVolunteering> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const unitId = actor.grants.find((g) => g.role === 'youth')?.orgId;
  const unit = unitId ? await getOrg(deps, unitId) : null;
  if (!unit) return err(appError('ACCOUNT.NOT_BOUND', 'bind a unit first'));
  const doc: ParticipationDoc = {
    _id: deps.randomId(),
    openid: actor.openid,
    youthName: actor.displayName ?? '',
    unitId: unit._id,
    districtId: unit.districtId,
    kind: 'volunteer',
    name: input.name,
    hours: Math.round(input.hours * 10) / 10,
    recordedBy: actor.openid,
    at: now,
  };
  await deps.store.collection<ParticipationDoc>(C.participation).insert(doc);
  ctx.audit({ target: `participation/${doc._id}`, details: { kind: 'volunteer', hours: doc.hours } });
  return ok(participationView(doc));
};
