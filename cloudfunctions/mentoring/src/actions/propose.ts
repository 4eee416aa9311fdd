import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MatchDoc, type MenteeDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { districtNames, draftPair, matchView, selectedInScope } from '../area';
import { moveMatch } from '../match-flow';

const unitName = async (deps: ServerDeps, id: string) => (await getOrg(deps, id))?.name ?? '';

/** The admin picks a suggested mentor for one youth: a draft to publish (an earlier draft of the youth is dropped). */
export const propose: Handler<typeof mentoringContract.actions.propose> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const n = await selectedInScope(deps, actor, input.nominationId);
  if (!n) return err(appError('NOMINATION.NOT_FOUND', 'no selected youth by that id in your scope'));
  const mentee = await deps.store.collection<MenteeDoc>(C.mentees).get(n._id);
  if (mentee?.openMatchId) return err(appError('MENTORING.YOUTH_MATCHED', 'the youth has a mentor'));
  const pair = await draftPair(deps, n, input.mentorId, null);
  if (!pair.ok) return pair;
  const matches = deps.store.collection<MatchDoc>(C.matches);
  for (const old of await matches.find({ nominationId: n._id, status: 'draft' })) {
    const dropped = await moveMatch(ctx, old, 'discard');
    if (!dropped.ok) return err(appError('MENTORING.YOUTH_MATCHED', 'an earlier draft changed meanwhile'));
  }
  const doc: MatchDoc = {
    _id: deps.randomId(16),
    periodId: n.periodId,
    nominationId: n._id,
    youthOpenid: n.youthOpenid,
    youthName: n.name,
    unitId: n.unitId,
    unitName: await unitName(deps, n.unitId),
    districtId: n.districtId,
    ...pair.value,
    status: 'draft',
    batchId: null,
    createdBy: actor.openid,
    createdAt: now,
    updatedAt: now,
    reason: null,
    history: [],
  };
  await matches.insert(doc);
  ctx.audit({ target: `matches/${doc._id}`, details: { event: 'propose', mentorId: doc.mentorId, score: doc.score } });
  return ok(matchView(doc, await districtNames(deps), mentee));
};
