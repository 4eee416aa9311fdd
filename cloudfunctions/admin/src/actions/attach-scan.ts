import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { overseerOf, rowCountMismatch } from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type FilingDoc } from '../../../_lib/collections';
import { notifyRole } from '../../../_lib/notify';
import type { Handler } from '../../../_lib/router';
import { loadSubject, mayFile } from '../filing-subject';
import { filingView } from '../filing-view';

/**
 * R4.5 the stamped table: one PDF or photos one a page (the input schema holds
 * the shape), each file's hash, the pages, the uploader; the confirmed row
 * count is checked against the filed data.
 */
export const attachScan: Handler<typeof adminContract.actions.attachScan> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const loaded = await loadSubject(ctx, input.filingId, mayFile);
  if (!loaded.ok) return loaded;
  const { periodId, subject, doc } = loaded.value;
  if (doc?.state !== 'filed')
    return err(appError('FILING.NOT_FILED', 'file the list before attaching the stamped table'));
  const mismatch = rowCountMismatch(input.confirmedRows, doc.approvedRows);
  const scan = {
    kind: input.kind,
    files: input.files.map(({ fileId, sha256 }) => ({ fileId, sha256 })),
    pageCount: input.pageCount,
    confirmedRows: input.confirmedRows,
    uploadedBy: actor.openid,
    uploadedByName: actor.displayName ?? '',
    at: now,
  };
  const filings = deps.store.collection<FilingDoc>(C.filings);
  await filings.updateOne({ _id: doc._id }, { $set: { scan, rowMismatch: mismatch, updatedAt: now } });
  ctx.audit({
    target: `filings/${doc._id}`,
    details: {
      kind: input.kind,
      files: input.files.length,
      sha256: input.files.map((f) => f.sha256),
      pageCount: input.pageCount,
      confirmedRows: input.confirmedRows,
      mismatch,
    },
  });
  if (mismatch) {
    const over = overseerOf(subject, deps.cityOrgId);
    await notifyRole(ctx, { role: over.role, orgId: over.orgId }, 'filing.rowMismatch', {
      subject: subject.name,
      confirmed: input.confirmedRows,
      filed: doc.approvedRows,
    });
  }
  return ok({ filing: await filingView(deps, periodId, subject, await filings.get(doc._id), '') });
};
