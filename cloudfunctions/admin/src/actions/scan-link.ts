import { chinaDate } from '../../../../miniprogram/core/china-time';
import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { loadSubject, mayFile, mayOversee } from '../filing-subject';

/** Long enough to download and open a scan on a phone, short enough that a forwarded link soon dies. */
export const SCAN_LINK_TTL_SECONDS = 300;

/**
 * 查看盖章扫描件 (issue 9 §7): a short-lived link to one file of a filing's
 * stamped scan, issued only to whoever files or oversees that list (issue 8
 * §10). The scan carries full ID numbers, so the link names its viewer and
 * expires in minutes, and each opening is on the audit trail (R9.1); the files themselves are never readable by
 * clients.
 */
export const scanLink: Handler<typeof adminContract.actions.scanLink> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const loaded = await loadSubject(ctx, input.filingId, (a, s) => mayFile(a, s) || mayOversee(a, s));
  if (!loaded.ok) return loaded;
  const { subject, doc } = loaded.value;
  const file = doc?.scan?.files[input.index];
  if (!doc?.scan || !file) return err(appError('FILE.INVALID', 'no such scan file', { problem: 'missing' }));
  const ext = file.fileId.split('.').pop() ?? 'pdf';
  const page = doc.scan.kind === 'photos' ? `-第${input.index + 1}页` : '';
  const fileName = `盖章汇总表-${subject.name}-${chinaDate(doc.scan.at).replace(/-/g, '')}${page}.${ext}`;
  const link = await deps.files.url(file.fileId, SCAN_LINK_TTL_SECONDS, { fileName, viewer: actor.openid });
  ctx.audit({
    target: `filings/${input.filingId}`,
    details: { orgId: subject.orgId, index: input.index, kind: doc.scan.kind },
  });
  return ok({ url: link.url, fileName, expiresAt: link.expiresAt.toISOString() });
};
