/**
 * The match table's requirements bound to the server (core/mentoring.ts MATCH_FLOW): a place of the mentor's
 * capacity taken or given back by a compare-and-set on `load`, the youth taken or given back through their
 * mentoring record's `openMatchId`, both inside the action's transaction.
 */
import { appError, type CodedError, type ErrorCode } from '../../../miniprogram/core/errors';
import { barrier, BARRIER_LABELS } from '../../../miniprogram/core/matching';
import {
  MATCH_FLOW,
  type MatchEvent,
  type MatchRequirement,
  type MatchStatus,
} from '../../../miniprogram/core/mentoring';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import type { TransitionTable } from '../../../miniprogram/core/workflow';
import { C, type MatchDoc, type MenteeDoc, type MentorDoc, type NominationDoc } from '../../_lib/collections';
import type { ActionContext } from '../../_lib/router';
import { applyTransition, type Requirement } from '../../_lib/workflow';
import { mentorCandidate, unitChains, youthCandidate } from './area';

const TABLE: TransitionTable<MatchStatus, MatchEvent, MatchRequirement> = MATCH_FLOW;

export type MatchMoveCode =
  | 'MENTORING.INVALID_STATE'
  | 'MENTORING.NOT_FOUND'
  | 'MENTORING.NOT_PARTY'
  | 'MENTORING.OVER_CAPACITY'
  | 'MENTORING.YOUTH_MATCHED'
  | 'MENTORING.BARRED'
  | 'INPUT.INVALID';

export async function moveMatch(
  ctx: ActionContext & { actor: { openid: string; displayName: string | null } },
  match: MatchDoc,
  event: MatchEvent,
  comment: string | null = null,
): Promise<Result<MatchDoc, CodedError<MatchMoveCode>>> {
  const { deps, now, actor } = ctx;
  const mentors = deps.store.collection<MentorDoc>(C.mentors);
  const mentees = deps.store.collection<MenteeDoc>(C.mentees);
  const fail = <X extends ErrorCode>(code: X, message: string, details?: Record<string, unknown>) =>
    err(appError(code, message, details));
  const requirements: Record<MatchRequirement, Requirement<MatchMoveCode>> = {
    mentorParty: async () =>
      actor.openid === match.mentorId ? ok(null) : fail('MENTORING.NOT_PARTY', 'not the mentor of this match'),
    party: async () =>
      actor.openid === match.mentorId || (match.youthOpenid !== null && actor.openid === match.youthOpenid)
        ? ok(null)
        : fail('MENTORING.NOT_PARTY', 'not a party of this match'),
    reason: async () =>
      comment
        ? ok(null)
        : fail('INPUT.INVALID', 'a reason is required', { issues: [{ path: 'reason', code: 'required' }] }),
    takeMentor: async () => {
      const mentor = await mentors.get(match.mentorId);
      if (!mentor) return fail('MENTORING.NOT_FOUND', 'mentor not found');
      const nomination = await deps.store.collection<NominationDoc>(C.nominations).get(match.nominationId);
      if (!nomination || nomination.status !== 'approved')
        return fail('MENTORING.INVALID_STATE', 'the youth is no longer selected');
      // The rules are asked again at publication: the profile may have changed since the draft.
      const chains = await unitChains(deps, [nomination.unitId]);
      const y = youthCandidate(nomination, null, chains.get(nomination.unitId) ?? []);
      const barred = barrier(mentorCandidate(mentor), y);
      if (barred === 'full') return fail('MENTORING.OVER_CAPACITY', 'mentor at capacity');
      if (barred) return fail('MENTORING.BARRED', barred, { reason: BARRIER_LABELS[barred] });
      const taken = await mentors.updateOne(
        { _id: mentor._id, load: mentor.load, status: 'active' },
        { $inc: { load: 1 }, $set: { updatedAt: now } },
      );
      return taken === 1 ? ok(null) : fail('MENTORING.OVER_CAPACITY', 'mentor changed meanwhile');
    },
    takeYouth: async () => {
      const mentee = await mentees.get(match.nominationId);
      if (mentee?.openMatchId) return fail('MENTORING.YOUTH_MATCHED', 'the youth has an open match');
      if (!mentee) {
        await mentees.insert({
          _id: match.nominationId,
          periodId: match.periodId,
          openid: match.youthOpenid,
          sector: null,
          goals: [],
          note: '',
          openMatchId: match._id,
          updatedAt: now,
        });
        return ok(null);
      }
      const taken = await mentees.updateOne(
        { _id: mentee._id, openMatchId: null },
        { $set: { openMatchId: match._id, updatedAt: now } },
      );
      return taken === 1 ? ok(null) : fail('MENTORING.YOUTH_MATCHED', 'the youth was matched meanwhile');
    },
    releaseMentor: async () => {
      await mentors.updateOne(
        { _id: match.mentorId, load: { $gt: 0 } },
        { $inc: { load: -1 }, $set: { updatedAt: now } },
      );
      return ok(null);
    },
    releaseYouth: async () => {
      await mentees.updateOne(
        { _id: match.nominationId, openMatchId: match._id },
        { $set: { openMatchId: null, updatedAt: now } },
      );
      return ok(null);
    },
  };
  return applyTransition(ctx, {
    collection: C.matches,
    table: TABLE,
    doc: match,
    event,
    entry: { at: now, action: event, actor: actor.openid, actorName: actor.displayName ?? '', comment },
    requirements,
    set: comment ? { reason: comment } : {},
    invalidCode: 'MENTORING.INVALID_STATE',
  });
}
