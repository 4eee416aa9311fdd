import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { PARTY_FLOW, PARTY_STAGE_LABELS } from '../../../../miniprogram/core/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type PartyRecordDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { getOrg } from '../../../_lib/queries';
import { applyTransition } from '../../../_lib/workflow';
import { coversYouth, nominationOf, partyView, today } from '../area';
import { checkStep, partyRequirements, stepOf } from '../party-step';

/**
 * One step of Party development (R6) through the table (core/cultivation.ts `PARTY_FLOW`): 推优 by the League
 * (a League member; a place of the unit's separate quota for a 好青年 where the unit has one), then activist —
 * refused for a youth aged 28 or under who was not recommended, the age counted from the birth date on today's
 * China date on the server — then 发展对象, 预备党员, 正式党员. Each step keeps its date and who recorded it.
 */
export const advanceParty: Handler<typeof cultivationContract.actions.advanceParty> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const r = await deps.store.collection<PartyRecordDoc>(C.partyRecords).get(input.nominationId);
  const n = await nominationOf(deps, input.nominationId);
  if (!r || !n) return err(appError('CULTIVATION.NOT_FOUND', 'no Party development record'));
  if (!(await coversYouth(deps, actor, r))) return err(appError('AUTH.OUT_OF_SCOPE', 'youth outside your scope'));
  const t = today(now);
  const checked = checkStep(r, input, t);
  if (!checked.ok) return checked;
  const step = stepOf(input, actor, now);
  const moved = await applyTransition(ctx, {
    collection: C.partyRecords,
    table: PARTY_FLOW,
    doc: r,
    event: input.event,
    entry: { at: now, action: input.event, actor: actor.openid, actorName: step.byName, comment: step.note },
    requirements: partyRequirements(deps, r, {
      leagueMember: n.politicalStatus === 'league_member',
      year: Number(input.date.slice(0, 4)),
      today: t,
      now,
    }),
    set: { steps: [...r.steps, step], ...(step.leagueOrg ? { leagueOrg: step.leagueOrg } : {}) },
    details: { date: input.date },
    invalidCode: 'CULTIVATION.INVALID_STATE',
  });
  if (!moved.ok) return moved;
  if (r.youthOpenid)
    ctx.notify({
      kind: 'party.advanced',
      params: { stage: PARTY_STAGE_LABELS[moved.value.status] },
      to: r.youthOpenid,
    });
  return ok(partyView(moved.value, n, (await getOrg(deps, r.unitId))?.name ?? '', now));
};
