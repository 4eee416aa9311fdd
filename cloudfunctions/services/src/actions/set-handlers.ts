import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AccountDoc, type ServiceTypeDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { catalogueEntry, typeOf } from '../area';

/**
 * Who handles a type at one organisation: the city's for the city, a district's (set by its own admin or the
 * city) for the district. A handler is an admin account of that organisation.
 */
export const setHandlers: Handler<typeof servicesContract.actions.setHandlers> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const type = await typeOf(deps, input.typeId);
  if (!type) return err(appError('SERVICE.TYPE_UNKNOWN', 'no such type'));
  const org = await getOrg(deps, input.orgId);
  if (!org || org.level === 'unit') return err(appError('ORG.NOT_FOUND', 'the city or a district'));
  if (!covers(actor, org, ['cityAdmin', 'districtAdmin'])) return err(appError('AUTH.OUT_OF_SCOPE', 'not yours'));
  const role = org.level === 'city' ? 'cityAdmin' : 'districtAdmin';
  const openids = [...new Set(input.openids)];
  const accounts = openids.length
    ? await deps.store.collection<AccountDoc>(C.accounts).find({ _id: { $in: openids } })
    : [];
  const valid = accounts.filter((a) => a.grants.some((g) => g.role === role && g.orgId === org._id));
  if (valid.length !== openids.length) return err(appError('SERVICE.HANDLER_INVALID', 'not an admin there', { role }));
  const handlers = [
    ...type.handlers.filter((h) => h.orgId !== org._id),
    ...valid.map((a) => ({ orgId: org._id, openid: a._id, name: a.displayName ?? '' })),
  ];
  const col = deps.store.collection<ServiceTypeDoc>(C.serviceTypes);
  const doc = { ...type, handlers, updatedBy: actor.openid, updatedAt: now };
  if (await col.get(type._id))
    await col.updateOne({ _id: type._id }, { $set: { handlers, updatedBy: actor.openid, updatedAt: now } });
  else await col.insert(doc);
  ctx.audit({ target: `serviceTypes/${type._id}`, details: { orgId: org._id, handlers: openids.length } });
  return ok(await catalogueEntry(deps, doc));
};
