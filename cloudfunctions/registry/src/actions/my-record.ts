import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { confirmationDue } from '../../../../miniprogram/core/registry';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { ownYouthRecord } from '../../../_lib/own-youth-record';
import { youthView } from '../youth-view';

/** The youth's own record, and whether the yearly confirmation (确认或更正本人信息) is due. */
export const myRecord: Handler<typeof registryContract.actions.myRecord> = async (_input, ctx) => {
  const doc = await ownYouthRecord(ctx.deps, ctx.actor.openid);
  if (!doc) return ok({ record: null, confirmDue: false });
  return ok({ record: await youthView(ctx.deps, doc, ctx.now), confirmDue: confirmationDue(doc, ctx.now) });
};
