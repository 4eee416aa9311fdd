import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { ok } from '../../../../miniprogram/core/result';
import { C, type MentoringSettingDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { EXPERTISE_ID, optionsView } from '../area';

/** The city maintains the list of expertise areas; profiles and goals already saved keep what they chose. */
export const saveExpertise: Handler<typeof mentoringContract.actions.saveExpertise> = async (input, ctx) => {
  const items = [...new Set(input.items)];
  const settings = ctx.deps.store.collection<MentoringSettingDoc>(C.mentoringSettings);
  const doc = { items, updatedBy: ctx.actor.openid, updatedAt: ctx.now };
  if (await settings.get(EXPERTISE_ID)) await settings.updateOne({ _id: EXPERTISE_ID }, { $set: doc });
  else await settings.insert({ _id: EXPERTISE_ID, ...doc });
  ctx.audit({ target: `mentoringSettings/${EXPERTISE_ID}`, details: { count: items.length } });
  return ok(await optionsView(ctx.deps));
};
