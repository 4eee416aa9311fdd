import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { SECTOR_LABELS, SECTORS } from '../../../../miniprogram/core/mentoring';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { expertiseList } from '../area';

/** The sectors and the city's expertise list, for the profile and goals forms. */
export const options: Handler<typeof mentoringContract.actions.options> = async (_input, ctx) =>
  ok({ sectors: SECTORS.map((id) => ({ id, label: SECTOR_LABELS[id] })), expertise: await expertiseList(ctx.deps) });
