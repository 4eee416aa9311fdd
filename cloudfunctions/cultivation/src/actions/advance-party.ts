import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { leagueRouteGap, PARTY_FLOW, PARTY_STAGE_LABELS } from '../../../../miniprogram/core/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type PartyQuotaDoc, type PartyRecordDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { getOrg } from '../../../_lib/queries';
import { applyTransition } from '../../../_lib/workflow';
import { coversYouth, nominationOf, partyView, quotaKey, today } from '../area';

/**
 * One step of Party development (R6) through the table (core/cultivation.ts `PARTY_FLOW`): 推优 by the League
 * (a League member; a place of the unit's separate quota for a 好青年 where the unit has one, taken by a
 * conditional increment), then activist — refused for a youth aged 28 or under who was not recommended, the age
 * counted from the birth date on today's China date on the server — then 发展对象, 预备党员, 正式党员.
 */
export const advanceParty: Handler<typeof cultivationContract.actions.advanceParty> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const records = deps.store.collection<PartyRecordDoc>(C.partyRecords);
  const r = await records.get(input.nominationId);
  const n = await nominationOf(deps, input.nominationId);
  if (!r || !n) return err(appError('CULTIVATION.NOT_FOUND', 'no Party development record'));
  if (!(await coversYouth(deps, actor, r))) return err(appError('AUTH.OUT_OF_SCOPE', 'youth outside your scope'));
  const t = today(now);
  if (input.date > t) return err(appError('CULTIVATION.FUTURE_DATE', 'a date after today'));
  const last = r.steps[r.steps.length - 1]?.date ?? '';
  if (input.date < last) return err(appError('CULTIVATION.DATE_ORDER', 'before the previous step', { last }));
  if (input.event === 'recommend' && !input.leagueOrg)
    return err(appError('CULTIVATION.LEAGUE_ORG', 'the recommending League organisation'));
  const leagueMember = n.politicalStatus === 'league_member';
  const year = Number(input.date.slice(0, 4));
  const moved = await applyTransition(ctx, {
    collection: C.partyRecords,
    table: PARTY_FLOW,
    doc: r,
    event: input.event,
    entry: {
      at: now,
      action: input.event,
      actor: actor.openid,
      actorName: actor.displayName ?? '',
      comment: input.note ?? null,
    },
    requirements: {
      leagueMember: async () =>
        leagueMember ? ok(null) : err(appError('CULTIVATION.NOT_LEAGUE_MEMBER', 'not a League member')),
      quota: async () => {
        if (!r.selected) return ok(null);
        const quotas = deps.store.collection<PartyQuotaDoc>(C.partyQuotas);
        const q = await quotas.get(quotaKey(year, r.unitId));
        if (!q) return ok(null);
        const taken =
          q.used < q.limit
            ? await quotas.updateOne(
                { _id: q._id, limit: q.limit, used: { $lt: q.limit } },
                { $inc: { used: 1 }, $set: { updatedAt: now } },
              )
            : 0;
        return taken === 1
          ? ok(null)
          : err(appError('CULTIVATION.QUOTA_FULL', 'separate quota used up', { limit: q.limit, year }));
      },
      leagueRoute: async () => {
        const gap = leagueRouteGap(
          { birthDate: r.birthDate, leagueMember, recommended: r.status === 'recommended' },
          t,
        );
        if (gap === 'not_league_member') return err(appError('CULTIVATION.NOT_LEAGUE_MEMBER', 'aged 28 or under'));
        if (gap === 'not_recommended') return err(appError('CULTIVATION.NOT_RECOMMENDED', 'aged 28 or under'));
        return ok(null);
      },
    },
    set: {
      steps: [
        ...r.steps,
        {
          event: input.event,
          date: input.date,
          leagueOrg: input.event === 'recommend' ? (input.leagueOrg ?? null) : null,
          note: input.note ?? null,
          by: actor.openid,
          byName: actor.displayName ?? '',
          at: now,
        },
      ],
      ...(input.event === 'recommend' ? { leagueOrg: input.leagueOrg ?? null } : {}),
    },
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
