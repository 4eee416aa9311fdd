import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import type { Handler } from '../../../_lib/router';
import { moveMentor } from '../mentor-flow';

/** An admin pauses a mentor with a reason: no new matches; their current pairs go on. */
export const pauseMentor: Handler<typeof mentoringContract.actions.pauseMentor> = (input, ctx) =>
  moveMentor(ctx, input.mentorId, 'pause', input.reason);
