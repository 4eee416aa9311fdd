import type { EligibilityView, nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { checkEligibility } from '../../../../miniprogram/core/eligibility';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type OrgDoc, type PeriodDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { covers, type Actor } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { toView } from '../view';

const REVIEWERS = ['unitAdmin', 'districtAdmin', 'cityAdmin'] as const;

/** The record if the actor may see it: its own youth, or a reviewer whose scope covers the unit. */
async function visible(
  deps: ServerDeps,
  actor: Actor,
  id: string,
  reviewersOnly: boolean,
): Promise<
  Result<
    { doc: NominationDoc; unit: OrgDoc },
    ReturnType<typeof appError<'NOMINATION.NOT_FOUND' | 'AUTH.OUT_OF_SCOPE'>>
  >
> {
  const doc = await deps.store.collection<NominationDoc>(C.nominations).get(id);
  const unit = doc ? await getOrg(deps, doc.unitId) : null;
  if (!doc || !unit || doc.status === 'withdrawn') return err(appError('NOMINATION.NOT_FOUND', 'nomination not found'));
  const own = !reviewersOnly && doc.youthOpenid === actor.openid;
  if (!own && !covers(actor, unit, REVIEWERS))
    return err(appError('AUTH.OUT_OF_SCOPE', 'nomination outside your scope'));
  return ok({ doc, unit });
}

export const get: Handler<typeof nominationContract.actions.get> = async (input, ctx) => {
  const found = await visible(ctx.deps, ctx.actor, input.nominationId, false);
  if (!found.ok) return found;
  const { doc, unit } = found.value;
  return ok({
    nomination: toView(doc, unit.name, ctx.now),
    eligibility: await eligibilityToday(ctx.deps, doc, ctx.now),
  });
};

async function eligibilityToday(deps: ServerDeps, doc: NominationDoc, now: Date): Promise<EligibilityView> {
  const period = await deps.store.collection<PeriodDoc>(C.periods).get(doc.periodId);
  if (!period) return { eligible: false, age: null, code: 'PERIOD.NOT_FOUND', params: {} };
  const candidate = {
    idNumber: deps.crypto.decrypt(doc.idNumberEnc),
    onStaff: doc.onStaff,
    attestations: doc.attestations,
  };
  const verdict = checkEligibility(candidate, period, now);
  return verdict.ok
    ? { eligible: true, age: verdict.value.age, code: null, params: {} }
    : { eligible: false, age: null, code: verdict.error.code, params: verdict.error.params };
}

/** R9.1 the audited view: one full value, to a reviewer in scope, with the reason recorded. */
export const reveal: Handler<typeof nominationContract.actions.reveal> = async (input, ctx) => {
  const found = await visible(ctx.deps, ctx.actor, input.nominationId, true);
  if (!found.ok) return found;
  const { doc } = found.value;
  // A nominee sees their own record masked, never through the reviewers' audited view (issue 8 §5).
  if (doc.youthOpenid === ctx.actor.openid)
    return err(appError('NOMINATION.OWN_RECORD', 'the nominee cannot reveal their own record'));
  const value = ctx.deps.crypto.decrypt(input.field === 'idNumber' ? doc.idNumberEnc : doc.phoneEnc);
  ctx.audit({ target: `nominations/${doc._id}`, details: { revealed: input.field, reason: input.reason } });
  return ok({ value });
};
