import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { assignOptimal, scoreMatrix, scorePair, totalScore } from '../../../../miniprogram/core/matching';
import { ok } from '../../../../miniprogram/core/result';
import { C, type MatchDoc } from '../../../_lib/collections';
import { orgNames } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import {
  areaScope,
  districtNames,
  mentorCandidate,
  mentorsOf,
  periodId,
  poolOf,
  unitChains,
  youthCandidate,
} from '../area';
import { moveMatch } from '../match-flow';

/**
 * Batch matching for a district or the city: the optimal assignment of the pool to the group's free places (most
 * youths, then the highest total score), written as drafts for the admin to review, edit and publish. A new run
 * replaces the scope's earlier drafts.
 */
export const batchMatch: Handler<typeof mentoringContract.actions.batchMatch> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await areaScope(deps, actor, input.districtId);
  if (!scope.ok) return scope;
  const period = await periodId(deps, now);
  if (!period.ok) return period;
  const matches = deps.store.collection<MatchDoc>(C.matches);
  for (const old of await matches.find({ periodId: period.value, status: 'draft', ...scope.value.filter })) {
    const dropped = await moveMatch(ctx, old, 'discard');
    if (!dropped.ok) throw new Error('draft changed meanwhile');
  }
  const [pool, mentors, names] = await Promise.all([
    poolOf(deps, period.value, scope.value),
    mentorsOf(deps, scope.value),
    districtNames(deps),
  ]);
  const chains = await unitChains(
    deps,
    pool.map((p) => p.nomination.unitId),
  );
  const youths = pool.map((p) => youthCandidate(p.nomination, p.mentee, chains.get(p.nomination.unitId) ?? []));
  const candidates = mentors.map(mentorCandidate);
  const problem = scoreMatrix(youths, candidates, names);
  const assignment = assignOptimal(problem);
  const units = await orgNames(
    deps,
    pool.map((p) => p.nomination.unitId),
  );
  const batchId = deps.randomId(12);
  let drafted = 0;
  for (const [i, p] of pool.entries()) {
    const j = assignment[i];
    if (j < 0) continue;
    const n = p.nomination;
    const m = mentors[j];
    const { score, reasons } = scorePair(candidates[j], youths[i], names);
    await matches.insert({
      _id: `${batchId}:${i}`,
      periodId: n.periodId,
      nominationId: n._id,
      youthOpenid: n.youthOpenid,
      youthName: n.name,
      unitId: n.unitId,
      unitName: units.get(n.unitId) ?? '',
      districtId: n.districtId,
      mentorId: m._id,
      mentorName: m.name,
      mentorOrg: m.orgName,
      score,
      reasons,
      status: 'draft',
      batchId,
      createdBy: actor.openid,
      createdAt: now,
      updatedAt: now,
      reason: null,
      history: [],
    });
    drafted += 1;
  }
  const total = totalScore(problem, assignment);
  ctx.audit({
    target: `matches/batch:${batchId}`,
    details: { scope: scope.value.orgId, youths: pool.length, mentors: mentors.length, drafted, score: total.score },
  });
  return ok({ batchId, drafted, unmatched: pool.length - drafted, totalScore: total.score });
};
