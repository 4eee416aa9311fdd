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

/** A paused mentor takes new matches again. */
export const resumeMentor: Handler<typeof mentoringContract.actions.resumeMentor> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const mentor = await deps.store.collection<MentorDoc>(C.mentors).get(input.mentorId);
  if (!mentor) return err(appError('MENTORING.NOT_FOUND', 'mentor not found'));
  if (!coversMentor(deps, actor, mentor)) return err(appError('AUTH.OUT_OF_SCOPE', 'mentor outside your scope'));
  const moved = await applyTransition(ctx, {
    collection: C.mentors,
    table: MENTOR_FLOW,
    doc: mentor,
    event: 'resume',
    entry: { at: now, action: 'resume', actor: actor.openid, actorName: actor.displayName ?? '', comment: null },
    requirements: { reason: given },
    set: { pauseReason: null },
    invalidCode: 'MENTORING.INVALID_STATE',
  });
  return moved.ok ? ok(mentorView(moved.value, await districtNames(deps))) : moved;
};
