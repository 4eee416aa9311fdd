import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { attachmentKind } from '../area';
import { findReadable } from '../moves';

/** Long enough to look at a photo or open a document, short enough that a copied link soon dies. */
const LINK_TTL_SECONDS = 600;

/**
 * One photo or document attached to a request, through a short-lived link (README, "Files, links and their
 * expiry"): behind the same wall as the request — its youth, its handlers, or (a type that is not sensitive) an
 * admin over its owner; anyone else learns nothing (`SERVICE.NOT_FOUND`).
 */
export const attachmentLink: Handler<typeof servicesContract.actions.attachmentLink> = async (input, ctx) => {
  const found = await findReadable(ctx, input.requestId);
  if (!found.ok) return found;
  const fileId = found.value.req.attachments[input.index];
  if (!fileId) return err(appError('FILE.INVALID', 'no such attachment', { problem: 'missing' }));
  const link = await ctx.deps.files.url(fileId, LINK_TTL_SECONDS, { viewer: ctx.actor.openid });
  return ok({ url: link.url, expiresAt: link.expiresAt.toISOString(), kind: attachmentKind(fileId) });
};
