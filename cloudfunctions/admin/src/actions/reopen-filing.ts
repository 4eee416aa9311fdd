import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { filerRole } from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type FilingDoc } from '../../../_lib/collections';
import { notifyRole } from '../../../_lib/notify';
import type { Handler } from '../../../_lib/router';
import { loadSubject, mayOversee } from '../filing-subject';
import { filingView } from '../filing-view';

/** Changes to a filed list need the district or the city to reopen it, with a reason. */
export const reopen: Handler<typeof adminContract.actions.reopen> = async (input, ctx) => {
  const { deps, now } = ctx;
  const loaded = await loadSubject(ctx, input.filingId, mayOversee);
  if (!loaded.ok) return loaded;
  const { periodId, subject, doc } = loaded.value;
  if (doc?.state !== 'filed') return err(appError('FILING.NOT_FILED', 'not filed'));
  const filings = deps.store.collection<FilingDoc>(C.filings);
  const changed = await filings.updateOne(
    { _id: doc._id, state: 'filed' },
    { $set: { state: 'reopened', reopenReason: input.reason, updatedAt: now } },
  );
  if (changed === 0) return err(appError('FILING.NOT_FILED', 'not filed'));
  ctx.audit({ target: `filings/${doc._id}`, details: { reason: input.reason } });
  const role = filerRole(subject.kind);
  await notifyRole(ctx, { role, orgId: subject.orgId }, 'filing.reopened', {
    subject: subject.name,
    reason: input.reason,
  });
  return ok({ filing: await filingView(deps, periodId, subject, await filings.get(doc._id), '') });
};
