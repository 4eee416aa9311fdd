import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { MENTOR_FLOW } from '../../../../miniprogram/core/mentoring';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MentorDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { applyTransition, type Requirement } from '../../../_lib/workflow';
import { coversMentor, districtNames, mentorView } from '../area';

/** The contract requires the reason; nothing more to check. */
const given: Requirement<'MENTORING.INVALID_STATE'> = async () => ok(null);

/** An admin pauses a mentor with a reason: no new matches; their current pairs go on. */
export const pauseMentor: Handler<typeof mentoringContract.actions.pauseMentor> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const mentor = await deps.store.collection<MentorDoc>(C.mentors).get(input.mentorId);
  if (!mentor) return err(appError('MENTORING.NOT_FOUND', 'mentor not found'));
  if (!coversMentor(deps, actor, mentor)) return err(appError('AUTH.OUT_OF_SCOPE', 'mentor outside your scope'));
  const moved = await applyTransition(ctx, {
    collection: C.mentors,
    table: MENTOR_FLOW,
    doc: mentor,
    event: 'pause',
    entry: { at: now, action: 'pause', actor: actor.openid, actorName: actor.displayName ?? '', comment: input.reason },
    requirements: { reason: given },
    set: { pauseReason: input.reason },
    invalidCode: 'MENTORING.INVALID_STATE',
  });
  return moved.ok ? ok(mentorView(moved.value, await districtNames(deps))) : moved;
};
