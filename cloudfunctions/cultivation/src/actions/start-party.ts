import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { getOrg } from '../../../_lib/queries';
import { partyView, today, youthInScope } from '../area';
import { insertPartyRecord, newPartyRecord } from '../party-record';

/**
 * A cadre records a youth's application to join the Party (入党申请人, with its date): the start of the
 * youth's Party development record. One record per person (`partyKeys`): its id is the nomination's.
 */
export const startParty: Handler<typeof cultivationContract.actions.startParty> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const youth = await youthInScope(deps, actor, input.nominationId, false);
  if (!youth.ok) return youth;
  if (input.date > today(now)) return err(appError('CULTIVATION.FUTURE_DATE', 'a date after today'));
  const n = youth.value;
  const doc = newPartyRecord({ kind: 'nomination', n }, input.date, actor, now);
  if (!(await insertPartyRecord(deps, doc, n.idHash)))
    return err(appError('CULTIVATION.PARTY_EXISTS', 'already recorded'));
  ctx.audit({ target: `partyRecords/${doc._id}`, details: { event: 'apply', to: 'applicant' } });
  return ok(partyView(doc, n, (await getOrg(deps, n.unitId))?.name ?? '', now));
};
