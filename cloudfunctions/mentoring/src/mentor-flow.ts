/**
 * The mentor table (core/mentoring.ts MENTOR_FLOW) bound to the server: an admin pauses a mentor with a reason or
 * resumes them, within their scope. `pauseMentor` and `resumeMentor` are this one move with different events.
 */
import type { MentorView } from '../../../miniprogram/core/contracts/mentoring';
import { appError, type CodedError } from '../../../miniprogram/core/errors';
import { MENTOR_FLOW, type MentorEvent } from '../../../miniprogram/core/mentoring';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import { C, type MentorDoc } from '../../_lib/collections';
import type { ActionContext } from '../../_lib/router';
import { applyTransition, type Requirement } from '../../_lib/workflow';
import { coversMentor, districtNames, mentorView } from './area';

/** The contract requires the reason where the table does; nothing more to check. */
const given: Requirement<'MENTORING.INVALID_STATE'> = async () => ok(null);

export async function moveMentor(
  ctx: ActionContext & { actor: { openid: string; displayName: string | null } },
  mentorId: string,
  event: MentorEvent,
  reason: string | null,
): Promise<Result<MentorView, CodedError<'MENTORING.NOT_FOUND' | 'MENTORING.INVALID_STATE' | 'AUTH.OUT_OF_SCOPE'>>> {
  const { deps, actor, now } = ctx;
  const mentor = await deps.store.collection<MentorDoc>(C.mentors).get(mentorId);
  if (!mentor) return err(appError('MENTORING.NOT_FOUND', 'mentor not found'));
  if (!coversMentor(deps, ctx.actor, mentor)) return err(appError('AUTH.OUT_OF_SCOPE', 'mentor outside your scope'));
  const moved = await applyTransition(ctx, {
    collection: C.mentors,
    table: MENTOR_FLOW,
    doc: mentor,
    event,
    entry: { at: now, action: event, actor: actor.openid, actorName: actor.displayName ?? '', comment: reason },
    requirements: { reason: given },
    set: { pauseReason: reason },
    invalidCode: 'MENTORING.INVALID_STATE',
  });
  return moved.ok ? ok(mentorView(moved.value, await districtNames(deps))) : moved;
}
