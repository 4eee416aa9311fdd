import type { EligibilityView, nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { checkEligibility } from '../../../../miniprogram/core/eligibility';
import { ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PeriodDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import type { Handler } from '../../../_lib/router';
import { toView } from '../view';
import { visible } from '../visibility';

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
