import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { appError, type CodedError } from '../../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../../miniprogram/core/result';
import { ADMIN_ROLES } from '../../../../miniprogram/core/scope';
import { C, type NominationKeyDoc, type OrgDoc, type YouthDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { covers, type Actor } from '../../../_lib/identity';
import { currentPeriod, getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { nominationOf, partyView, today } from '../area';
import { insertPartyRecord, newPartyRecord } from '../party-record';

/** The youth's nomination in the running this period, if any (the person's key `periodId:idHash`). */
async function runningNomination(deps: ServerDeps, periodId: string | null, idHash: string) {
  if (!periodId) return null;
  const key = await deps.store.collection<NominationKeyDoc>(C.nominationKeys).get(`${periodId}:${idHash}`);
  return key ? nominationOf(deps, key.nominationId) : null;
}

/** An active youth of a unit the cadre covers. */
async function activeYouth(
  deps: ServerDeps,
  actor: Actor,
  youthId: string,
): Promise<
  Result<
    { y: YouthDoc; unit: OrgDoc },
    CodedError<'CULTIVATION.NOT_FOUND' | 'AUTH.OUT_OF_SCOPE' | 'YOUTH.INVALID_STATE'>
  >
> {
  const y = await deps.store.collection<YouthDoc>(C.youths).get(youthId);
  if (!y) return err(appError('CULTIVATION.NOT_FOUND', 'no such youth'));
  const unit = await getOrg(deps, y.unitId);
  if (!unit || !covers(actor, unit, ADMIN_ROLES)) return err(appError('AUTH.OUT_OF_SCOPE', 'youth outside your scope'));
  if (y.status !== 'active') return err(appError('YOUTH.INVALID_STATE', 'an alumnus'));
  return ok({ y, unit });
}

/**
 * A cadre records the Party application (入党申请人) of an active youth of their unit's youth database (issue 13,
 * R6): through the youth's nomination when one is in the running (so a 好青年 keeps their place first), else a
 * record of its own, keyed by the youth record, with League membership as the unit states it. One record per
 * person (`partyKeys`); another unit's youth and an alumnus (校友) are refused.
 */
export const startPartyForYouth: Handler<typeof cultivationContract.actions.startPartyForYouth> = async (
  input,
  ctx,
) => {
  const { deps, actor, now } = ctx;
  const found = await activeYouth(deps, actor, input.youthId);
  if (!found.ok) return found;
  const { y, unit } = found.value;
  if (input.date > today(now)) return err(appError('CULTIVATION.FUTURE_DATE', 'a date after today'));
  const periodId = (await currentPeriod(deps, now))?._id ?? null;
  const n = await runningNomination(deps, periodId, y.idHash);
  const doc = n
    ? newPartyRecord({ kind: 'nomination', n }, input.date, actor, now)
    : newPartyRecord(
        { kind: 'registry', y, periodId: periodId ?? '', leagueMember: input.leagueMember },
        input.date,
        actor,
        now,
      );
  if (!(await insertPartyRecord(deps, doc, y.idHash)))
    return err(appError('CULTIVATION.PARTY_EXISTS', 'already recorded'));
  ctx.audit({
    target: `partyRecords/${doc._id}`,
    details: { event: 'apply', to: 'applicant', from: n ? 'nomination' : 'registry' },
  });
  return ok(partyView(doc, n, unit.name, now));
};
