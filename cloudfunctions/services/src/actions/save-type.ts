import type { servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import { C, type ServiceTypeDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { catalogueEntry, typeOf } from '../area';

/**
 * The city adds or changes a type: its name, owner, time limit in working days, fields and sensitivity. Its
 * handlers stay (setHandlers); requests already made keep the deadlines they were given.
 */
export const saveType: Handler<typeof servicesContract.actions.saveType> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const col = deps.store.collection<ServiceTypeDoc>(C.serviceTypes);
  const saved = await col.get(input.id);
  const current = saved ?? (await typeOf(deps, input.id));
  const { id, ...fields } = input;
  const doc: ServiceTypeDoc = {
    _id: id,
    ...fields,
    fields: input.fields.map((f) =>
      f.kind === 'choice'
        ? { ...f, options: f.options ?? [] }
        : { key: f.key, label: f.label, kind: f.kind, required: f.required },
    ),
    handlers: current?.handlers ?? [],
    updatedBy: actor.openid,
    updatedAt: now,
  };
  const { _id, ...rest } = doc;
  if (saved) await col.updateOne({ _id }, { $set: rest });
  else await col.insert(doc);
  ctx.audit({
    target: `serviceTypes/${id}`,
    details: { created: !saved, sensitive: input.sensitive, limitDays: input.limitDays },
  });
  return ok(await catalogueEntry(deps, doc));
};
