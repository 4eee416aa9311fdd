import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { overseerOf, rowCountMismatch } from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type FilingDoc } from '../../../_lib/collections';
import { notifyRole } from '../../../_lib/notify';
import type { Handler } from '../../../_lib/router';
import { verifyUpload } from '../../../_lib/uploads';
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
  // The server verifies what it records (issue 8 §10): the caller's own uploads, of the kind's type and size,
  // and the SHA-256 it computes itself; a hash the phone computed differently means the upload is not what was picked.
  const files: Array<{ fileId: string; sha256: string }> = [];
  for (const f of input.files) {
    const checked = await verifyUpload(deps, actor.openid, f.fileId, input.kind === 'pdf' ? ['pdf'] : ['jpg', 'png']);
    if (!checked.ok) return checked;
    if (checked.value.sha256 !== f.sha256)
      return err(appError('FILE.INVALID', 'uploaded bytes differ from the picked file', { problem: 'hash' }));
    files.push({ fileId: f.fileId, sha256: checked.value.sha256 });
  }
  const mismatch = rowCountMismatch(input.confirmedRows, doc.approvedRows);
  const scan = {
    kind: input.kind,
    files,
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
      sha256: files.map((f) => f.sha256),
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
