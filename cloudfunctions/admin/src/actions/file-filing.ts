import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { overseerOf, sumOver } from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type FilingDoc } from '../../../_lib/collections';
import { filingGuardKey } from '../../../_lib/filing';
import { touch } from '../../../_lib/limits';
import { notifyRole } from '../../../_lib/notify';
import type { Handler } from '../../../_lib/router';
import { loadSubject, mayFile } from '../filing-subject';
import { filingView, unitCounts } from '../filing-view';

/** R4.4 a unit (or a district for its grassroots units) files its approved list, which then locks. */
export const file: Handler<typeof adminContract.actions.file> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const loaded = await loadSubject(ctx, input.filingId, mayFile);
  if (!loaded.ok) return loaded;
  const { periodId, subject, doc } = loaded.value;
  if (doc?.state === 'filed') return err(appError('FILING.ALREADY_FILED', 'already filed'));
  const counts = await unitCounts(deps, periodId, subject.unitIds);
  const open = sumOver(subject.unitIds, counts.open);
  if (open > 0) return err(appError('FILING.OBJECTIONS_PENDING', 'objections pending', { open }));
  const rows = sumOver(subject.unitIds, counts.approved);
  const fields = {
    state: 'filed' as const,
    approvedRows: rows,
    filedAt: now,
    filedBy: actor.openid,
    filedByName: actor.displayName,
    updatedAt: now,
  };
  // Every change to the list writes this guard too: an approval committing meanwhile makes this filing run again.
  await touch(deps, filingGuardKey(input.filingId), now);
  const filings = deps.store.collection<FilingDoc>(C.filings);
  if (doc) {
    if ((await filings.updateOne({ _id: doc._id, state: doc.state }, { $set: fields })) === 0)
      return err(appError('FILING.ALREADY_FILED', 'already filed'));
  } else {
    await filings.insert({
      _id: input.filingId,
      periodId,
      kind: subject.kind,
      orgId: subject.orgId,
      districtId: subject.districtId,
      reopenReason: null,
      scan: null,
      rowMismatch: false,
      ...fields,
    });
  }
  ctx.audit({ target: `filings/${input.filingId}`, details: { rows } });
  const over = overseerOf(subject, deps.cityOrgId);
  await notifyRole(ctx, { role: over.role, orgId: over.orgId }, 'filing.filed', { subject: subject.name, rows });
  const saved = await filings.get(input.filingId);
  return ok({ filing: await filingView(deps, periodId, subject, saved, '', counts) });
};
