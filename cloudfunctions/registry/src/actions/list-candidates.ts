import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { ACTIVE_STATUSES, STATUS_LABELS } from '../../../../miniprogram/core/nomination';
import { ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type NominationKeyDoc, type YouthDoc } from '../../../_lib/collections';
import { currentPeriod } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import { youthViews } from '../youth-view';

/**
 * The unit's imported youth list (issue 14: "import their youth list for organisational recommendation"), most
 * recently confirmed first, each with their nomination of the current period if one runs (found by the person's
 * uniqueness key, the keyed hash both records share), so the unit admin starts a 组织推荐 only for the others.
 */
export const candidates: Handler<typeof registryContract.actions.candidates> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await resolveScope(deps, actor, { unitId: input.unitId });
  if (!scope.ok) return scope;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const filter = { unitId: input.unitId, status: 'active' };
  const youths = deps.store.collection<YouthDoc>(C.youths);
  const [docs, total, period] = await Promise.all([
    youths.find(filter, { sort: { lastConfirmedAt: -1, _id: 1 }, skip: (page - 1) * pageSize, limit: pageSize }),
    youths.count(filter),
    currentPeriod(deps, now),
  ]);
  const running = new Map<string, string>();
  if (period && docs.length > 0) {
    const keys = deps.store.collection<NominationKeyDoc>(C.nominationKeys);
    const held = await Promise.all(docs.map((d) => keys.get(`${period._id}:${d.idHash}`)));
    const ids = held.flatMap((k) => (k ? [k.nominationId] : []));
    const records =
      ids.length > 0
        ? await deps.store
            .collection<NominationDoc>(C.nominations)
            .find({ _id: { $in: ids } }, { projection: { idHash: 1, status: 1 } })
        : [];
    for (const r of records) if (ACTIVE_STATUSES.includes(r.status)) running.set(r.idHash, STATUS_LABELS[r.status]);
  }
  const views = await youthViews(deps, docs, now);
  const items = views.map((v, i) => ({ ...v, nomination: running.get(docs[i].idHash) ?? null }));
  return ok({ items, page, pageSize, total, hasMore: page * pageSize < total });
};
