import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PartyRecordDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { getOrg } from '../../../_lib/queries';
import { coverageOf, coversYouth, measuresOf, measureView, nominationOf, ownRecord, partyView } from '../area';

/**
 * One youth's cultivation: every measure newest first (with the ones waiting for the unit and those it declined),
 * coverage, and the Party development record. A youth reads their own; a cadre any youth of the units they cover.
 */
export const timeline: Handler<typeof cultivationContract.actions.timeline> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  let n: NominationDoc | null;
  let canManage = false;
  if (input.nominationId) {
    n = await nominationOf(deps, input.nominationId);
    if (!n) return err(appError('CULTIVATION.NOT_FOUND', 'no such youth'));
    canManage = await coversYouth(deps, actor, n);
    if (!canManage && n.youthOpenid !== actor.openid)
      return err(appError('AUTH.OUT_OF_SCOPE', 'youth outside your scope'));
  } else {
    n = await ownRecord(deps, actor.openid);
    if (!n) return err(appError('CULTIVATION.NOT_SELECTED', 'not a 好青年'));
  }
  const [measures, party, unit] = await Promise.all([
    measuresOf(deps, n._id),
    deps.store.collection<PartyRecordDoc>(C.partyRecords).get(n._id),
    getOrg(deps, n.unitId),
  ]);
  const unitName = unit?.name ?? '';
  return ok({
    nominationId: n._id,
    name: n.name,
    unitName,
    selected: n.status === 'approved',
    canManage,
    coverage: coverageOf(measures, now),
    measures: measures.map(measureView),
    party: party ? partyView(party, n, unitName, now) : null,
  });
};
