import type { EligibilityView, nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { checkEligibility } from '../../../../miniprogram/core/eligibility';
import { ok } from '../../../../miniprogram/core/result';
import { decides } from '../../../../miniprogram/core/review';
import { ADMIN_ROLES } from '../../../../miniprogram/core/scope';
import { C, type NominationDoc, type OrgDoc, type PeriodDoc } from '../../../_lib/collections';
import { covers, type Actor } from '../../../_lib/identity';
import { quotasOf, reviewerOf } from '../../../_lib/reviewers';
import type { ServerDeps } from '../../../_lib/deps';
import type { Handler } from '../../../_lib/router';
import { toView } from '../view';
import { visible } from '../visibility';

export const get: Handler<typeof nominationContract.actions.get> = async (input, ctx) => {
  const found = await visible(ctx.deps, ctx.actor, input.nominationId, false);
  if (!found.ok) return found;
  const { doc, unit } = found.value;
  const reviewer = covers(ctx.actor, unit, ADMIN_ROLES);
  return ok({
    nomination: toView(doc, unit.name, ctx.now),
    eligibility: await eligibilityToday(ctx.deps, doc, ctx.now),
    review: reviewer ? await reviewOf(ctx.deps, ctx.actor, unit, doc.periodId, ctx.now) : null,
  });
};

/** Who decides, whether the caller does, and the unit's places (issue 9 §2, §5). */
async function reviewOf(deps: ServerDeps, actor: Actor, unit: OrgDoc, periodId: string, now: Date) {
  const period = await deps.store.collection<PeriodDoc>(C.periods).get(periodId);
  const level = await reviewerOf(deps, unit);
  const q = period ? (await quotasOf(deps, period, [unit], now)).get(unit._id) : undefined;
  return {
    level,
    mayDecide: decides(actor.grants, unit, level),
    quota: { limit: q?.limit ?? 0, used: q?.used ?? 0 },
  };
}

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
