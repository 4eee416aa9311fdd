import type { nominationContract } from '../../../../miniprogram/core/contracts/nomination';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { isOwnUpload } from '../../../_lib/uploads';
import { visible } from '../visibility';

/** Long enough to show the picture, short enough that a copied link soon dies. */
const PHOTO_LINK_TTL_SECONDS = 600;

/**
 * The nominee's photo through a short-lived link (issue 8 §10): to the youth
 * and to reviewers in scope for a record; or one of the caller's own uploads
 * (a draft's photo). Files are never readable by clients directly.
 */
export const photoLink: Handler<typeof nominationContract.actions.photoLink> = async (input, ctx) => {
  const { deps, actor } = ctx;
  let fileId: string | null = null;
  if (input.nominationId) {
    const found = await visible(deps, actor, input.nominationId, false);
    if (!found.ok) return found;
    fileId = found.value.doc.photoFileId;
  } else if (input.fileId && isOwnUpload(deps, actor.openid, input.fileId)) {
    fileId = input.fileId;
  }
  if (!fileId) return err(appError('FILE.INVALID', 'no photo', { problem: 'missing' }));
  const link = await deps.files.url(fileId, PHOTO_LINK_TTL_SECONDS, { viewer: actor.openid });
  return ok({ url: link.url, expiresAt: link.expiresAt.toISOString() });
};
