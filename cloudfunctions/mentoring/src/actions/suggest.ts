import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { explain, suggest as rank } from '../../../../miniprogram/core/matching';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MenteeDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import {
  areaScope,
  selectedInScope,
  districtNames,
  mentorCandidate,
  mentorsOf,
  unitChains,
  youthCandidate,
} from '../area';

/** The five best mentors for one selected youth without a mentor, each with why, from the admin's group. */
export const suggest: Handler<typeof mentoringContract.actions.suggest> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const n = await selectedInScope(deps, actor, input.nominationId);
  if (!n) return err(appError('NOMINATION.NOT_FOUND', 'no selected youth by that id in your scope'));
  const mentee = await deps.store.collection<MenteeDoc>(C.mentees).get(n._id);
  if (mentee?.openMatchId) return err(appError('MENTORING.YOUTH_MATCHED', 'the youth has a mentor'));
  const scope = await areaScope(deps, actor, undefined);
  if (!scope.ok) return scope;
  const [mentors, chains, names] = await Promise.all([
    mentorsOf(deps, scope.value),
    unitChains(deps, [n.unitId]),
    districtNames(deps),
  ]);
  const y = youthCandidate(n, mentee, chains.get(n.unitId) ?? []);
  const ranked = rank(y, mentors.map(mentorCandidate), names);
  const orgs = new Map(mentors.map((m) => [m._id, m.orgName]));
  return ok(
    ranked.map((s) => ({
      mentorId: s.mentor.id,
      mentorName: s.mentor.name,
      mentorOrg: orgs.get(s.mentor.id) ?? '',
      load: s.mentor.load,
      capacity: s.mentor.capacity,
      score: s.score,
      explanation: explain(s.reasons),
    })),
  );
};
