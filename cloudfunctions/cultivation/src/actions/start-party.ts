import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { leagueBirthday } from '../../../../miniprogram/core/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type PartyRecordDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { getOrg } from '../../../_lib/queries';
import { partyView, today, youthInScope } from '../area';

/**
 * A cadre records a youth's application to join the Party (入党申请人, with its date): the start of the
 * youth's Party development record. One record per youth: its id is the nomination's.
 */
export const startParty: Handler<typeof cultivationContract.actions.startParty> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const youth = await youthInScope(deps, actor, input.nominationId, false);
  if (!youth.ok) return youth;
  if (input.date > today(now)) return err(appError('CULTIVATION.FUTURE_DATE', 'a date after today'));
  const n = youth.value;
  const records = deps.store.collection<PartyRecordDoc>(C.partyRecords);
  if (await records.get(n._id)) return err(appError('CULTIVATION.PARTY_EXISTS', 'already recorded'));
  const doc: PartyRecordDoc = {
    _id: n._id,
    periodId: n.periodId,
    unitId: n.unitId,
    districtId: n.districtId,
    youthOpenid: n.youthOpenid,
    name: n.name,
    birthDate: n.birthDate,
    leagueBirthday: leagueBirthday(n.birthDate),
    selected: n.status === 'approved',
    status: 'applicant',
    leagueOrg: null,
    steps: [
      {
        event: 'apply',
        date: input.date,
        leagueOrg: null,
        note: null,
        by: actor.openid,
        byName: actor.displayName ?? '',
        at: now,
      },
    ],
    warnedFor: null,
    updatedAt: now,
    history: [],
  };
  // A concurrent start inserts the same id: the transaction runs again and finds the record.
  await records.insert(doc);
  ctx.audit({ target: `partyRecords/${doc._id}`, details: { event: 'apply', to: 'applicant' } });
  return ok(partyView(doc, n, (await getOrg(deps, n.unitId))?.name ?? '', now));
};
