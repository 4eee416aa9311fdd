import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import type { Handler } from '../../../_lib/router';
import { moveMentor } from '../mentor-flow';

/** A paused mentor takes new matches again. */
export const resumeMentor: Handler<typeof mentoringContract.actions.resumeMentor> = (input, ctx) =>
  moveMentor(ctx, input.mentorId, 'resume', null);
