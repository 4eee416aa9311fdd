/**
 * The moves every lifecycle action makes the same way: find the request behind the privacy wall (one the caller
 * may not read is "not found"), apply the table's row, answer the caller's view of it.
 */
import type { RequestDetailView } from '../../../miniprogram/core/contracts/services';
import { appError, type CodedError } from '../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import type { RequestEvent } from '../../../miniprogram/core/services';
import { C, type ServiceRequestDoc, type ServiceTypeDoc } from '../../_lib/collections';
import type { Actor } from '../../_lib/identity';
import type { ActionContext } from '../../_lib/router';
import { detailView, districtNames, readerOf, typeOf, type Reader } from './area';
import { moveRequest, type MoveCode, type MoveInput } from './request-flow';

export interface Found {
  req: ServiceRequestDoc;
  type: ServiceTypeDoc;
  reader: Reader;
}

export async function findReadable(
  ctx: ActionContext & { actor: Actor },
  requestId: string,
): Promise<Result<Found, CodedError<'SERVICE.NOT_FOUND'>>> {
  const req = await ctx.deps.store.collection<ServiceRequestDoc>(C.serviceRequests).get(requestId);
  const type = req ? await typeOf(ctx.deps, req.typeId) : null;
  const reader = req ? readerOf(ctx.deps, ctx.actor, req, type) : null;
  if (!req || !type || !reader) return err(appError('SERVICE.NOT_FOUND', 'no such request'));
  return ok({ req, type, reader });
}

export async function move(
  ctx: ActionContext & { actor: Actor },
  requestId: string,
  event: RequestEvent,
  input: MoveInput = {},
): Promise<Result<RequestDetailView, CodedError<MoveCode | 'SERVICE.NOT_FOUND'>>> {
  const found = await findReadable(ctx, requestId);
  if (!found.ok) return found;
  const { type } = found.value;
  const moved = await moveRequest(ctx, found.value.req, type, event, input);
  if (!moved.ok) return moved;
  return ok(detailView(ctx.deps, moved.value, type, await districtNames(ctx.deps), ctx.now, found.value.reader));
}
