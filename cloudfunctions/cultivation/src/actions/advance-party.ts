import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { PARTY_FLOW, PARTY_STAGE_LABELS } from '../../../../miniprogram/core/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PartyRecordDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import type { Handler } from '../../../_lib/router';
import { getOrg } from '../../../_lib/queries';
import { applyTransition } from '../../../_lib/workflow';
import { coversYouth, leagueMemberOf, nominationOf, partyView, today } from '../area';
import { checkStep, partyRequirements, stepOf } from '../party-step';

/** The record and its nomination; a record started from the youth database has none (League membership is on it). */
async function recordOf(deps: ServerDeps, id: string): Promise<{ r: PartyRecordDoc; n: NominationDoc | null } | null> {
  const r = await deps.store.collection<PartyRecordDoc>(C.partyRecords).get(id);
  if (!r) return null;
  if (r.source === 'registry') return { r, n: null };
  const n = await nominationOf(deps, id);
  return n ? { r, n } : null;
}

/**
 * One step of Party development (R6) through the table (core/cultivation.ts `PARTY_FLOW`): 推优 by the League
 * (a League member; a place of the unit's separate quota for a 好青年 where the unit has one), then activist —
 * refused for a youth aged 28 or under who was not recommended, the age counted from the birth date on today's
 * China date on the server — then 发展对象, 预备党员, 正式党员. Each step keeps its date and who recorded it.
 */
export const advanceParty: Handler<typeof cultivationContract.actions.advanceParty> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const found = await recordOf(deps, input.nominationId);
  if (!found) return err(appError('CULTIVATION.NOT_FOUND', 'no Party development record'));
  const { r, n } = found;
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
      leagueMember: leagueMemberOf(r, n),
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
