import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AgreementDoc, type MeetingDoc } from '../../../_lib/collections';
import { randomId } from '../../../_lib/ids';
import type { Handler } from '../../../_lib/router';
import { ownAgreement } from '../agreement-flow';
import { timelineOf } from '../cycle-flow';

const OPEN = ['unsigned', 'signing', 'active'];

/** Either party logs a meeting (date, form, summary) while the pair works together. */
export const logMeeting: Handler<typeof mentoringContract.actions.logMeeting> = async (input, ctx) => {
  const { deps, now } = ctx;
  const own = await ownAgreement(deps, ctx.actor, input.agreementId);
  if (!own.ok) return own;
  const { a, party } = own.value;
  if (!OPEN.includes(a.status)) return err(appError('MENTORING.INVALID_STATE', 'the pair is closed'));
  const meeting: MeetingDoc = {
    _id: randomId(),
    agreementId: a._id,
    date: input.date,
    form: input.form,
    summary: input.summary,
    by: ctx.actor.openid,
    byParty: party,
    at: now,
  };
  await deps.store.collection<MeetingDoc>(C.meetings).insert(meeting);
  const agreements = deps.store.collection<AgreementDoc>(C.agreements);
  await agreements.updateOne({ _id: a._id }, { $inc: { meetings: 1 }, $set: { lastStepAt: now, updatedAt: now } });
  ctx.audit({ target: `meetings/${meeting._id}`, details: { agreementId: a._id } });
  return ok(await timelineOf(deps, (await agreements.get(a._id)) as AgreementDoc, ctx.actor, now));
};
