/** What a step of Party development checks before and while it moves (`advanceParty`). */
import type { PartyEvent } from '../../../miniprogram/core/cultivation';
import { leagueRouteGap } from '../../../miniprogram/core/cultivation';
import { appError, type CodedError } from '../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import { C, type NominationDoc, type PartyQuotaDoc, type PartyRecordDoc, type PartyStep } from '../../_lib/collections';
import type { Actor } from '../../_lib/identity';
import type { ServerDeps } from '../../_lib/deps';
import type { Requirement } from '../../_lib/workflow';
import { quotaKey } from './area';

type StepCode = 'CULTIVATION.FUTURE_DATE' | 'CULTIVATION.DATE_ORDER' | 'CULTIVATION.LEAGUE_ORG';

/** The step's date lies between the previous step and today; 推优 names the League organisation. */
export function checkStep(
  r: PartyRecordDoc,
  input: { event: PartyEvent; date: string; leagueOrg?: string },
  today: string,
): Result<null, CodedError<StepCode>> {
  if (input.date > today) return err(appError('CULTIVATION.FUTURE_DATE', 'a date after today'));
  const last = r.steps[r.steps.length - 1]?.date ?? '';
  if (input.date < last) return err(appError('CULTIVATION.DATE_ORDER', 'before the previous step', { last }));
  if (input.event === 'recommend' && !input.leagueOrg)
    return err(appError('CULTIVATION.LEAGUE_ORG', 'the recommending League organisation'));
  return ok(null);
}

/**
 * Whether the youth is a 好青年 at this step: the record's nomination approved now (a youth selected after the
 * record started counts; one whose approval was undone does not). A record from the youth database has none.
 */
async function selectedNow(deps: ServerDeps, r: PartyRecordDoc): Promise<boolean> {
  if (r.source === 'registry') return false;
  const n = await deps.store.collection<NominationDoc>(C.nominations).get(r._id);
  return n?.status === 'approved';
}

type RequirementCode = 'CULTIVATION.NOT_LEAGUE_MEMBER' | 'CULTIVATION.NOT_RECOMMENDED' | 'CULTIVATION.QUOTA_FULL';

/**
 * The table's requirements: `leagueMember`; `quota`, a place of the unit's separate quota for the step's year
 * taken by a conditional increment, for a 好青年 where the unit has one; `leagueRoute`, R6.1 on today's China date.
 */
export function partyRequirements(
  deps: ServerDeps,
  r: PartyRecordDoc,
  p: { leagueMember: boolean; year: number; today: string; now: Date },
): Record<'leagueMember' | 'quota' | 'leagueRoute', Requirement<RequirementCode>> {
  return {
    leagueMember: async () =>
      p.leagueMember ? ok(null) : err(appError('CULTIVATION.NOT_LEAGUE_MEMBER', 'not a League member')),
    quota: async () => {
      if (!(await selectedNow(deps, r))) return ok(null);
      const quotas = deps.store.collection<PartyQuotaDoc>(C.partyQuotas);
      const q = await quotas.get(quotaKey(p.year, r.unitId));
      if (!q) return ok(null);
      const taken =
        q.used < q.limit
          ? await quotas.updateOne(
              { _id: q._id, limit: q.limit, used: { $lt: q.limit } },
              { $inc: { used: 1 }, $set: { updatedAt: p.now } },
            )
          : 0;
      return taken === 1
        ? ok(null)
        : err(appError('CULTIVATION.QUOTA_FULL', 'separate quota used up', { limit: q.limit, year: p.year }));
    },
    leagueRoute: async () => {
      const gap = leagueRouteGap(
        { birthDate: r.birthDate, leagueMember: p.leagueMember, recommended: r.status === 'recommended' },
        p.today,
      );
      if (gap === 'not_league_member') return err(appError('CULTIVATION.NOT_LEAGUE_MEMBER', 'aged 28 or under'));
      if (gap === 'not_recommended') return err(appError('CULTIVATION.NOT_RECOMMENDED', 'aged 28 or under'));
      return ok(null);
    },
  };
}

/** The step as the record keeps it: the League organisation only for 推优. */
export function stepOf(
  input: { event: PartyEvent; date: string; leagueOrg?: string; note?: string },
  actor: Actor,
  now: Date,
): PartyStep & { event: PartyEvent } {
  return {
    event: input.event,
    date: input.date,
    leagueOrg: input.event === 'recommend' ? (input.leagueOrg ?? null) : null,
    note: input.note ?? null,
    by: actor.openid,
    byName: actor.displayName ?? '',
    at: now,
  };
}
