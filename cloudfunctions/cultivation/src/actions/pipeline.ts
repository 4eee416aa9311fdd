import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { PARTY_STAGE_LABELS, PARTY_STAGES, pipelineOrder } from '../../../../miniprogram/core/cultivation';
import { ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PartyQuotaDoc, type PartyRecordDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { cadreScope, paged, partyView, quotaKey, today, unitNames } from '../area';

/** The Party pipeline of a unit, a district or the city: the 好青年 first, then the further stage (R6.2). */
export const pipeline: Handler<typeof cultivationContract.actions.pipeline> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await cadreScope(deps, actor, input);
  if (!scope.ok) return scope;
  const { filter, level, unitIds, name } = scope.value;
  // The city asks by stage, so the `status` index serves it.
  const where = level === 'city' ? { status: { $in: [...PARTY_STAGES] } } : filter;
  const all = await deps.store.collection<PartyRecordDoc>(C.partyRecords).find(where, { limit: 5000 });
  const counts = PARTY_STAGES.map((stage) => ({
    stage,
    label: PARTY_STAGE_LABELS[stage],
    count: all.filter((r) => r.status === stage).length,
  }));
  const chosen = all
    .filter((r) => !input.stage || r.status === input.stage)
    .sort((a, b) => pipelineOrder({ ...a, stage: a.status }, { ...b, stage: b.status }));
  const page = paged(chosen, input.page, input.pageSize);
  const [noms, names] = await Promise.all([
    page.items.length === 0
      ? Promise.resolve([] as NominationDoc[])
      : deps.store
          .collection<NominationDoc>(C.nominations)
          .find({ _id: { $in: page.items.map((r) => r._id) } }, { projection: { politicalStatus: 1 } }),
    unitNames(
      deps,
      page.items.map((r) => r.unitId),
    ),
  ]);
  const byId = new Map(noms.map((x) => [x._id, x]));
  const year = Number(today(now).slice(0, 4));
  const q =
    level === 'unit' && unitIds.length === 1
      ? await deps.store.collection<PartyQuotaDoc>(C.partyQuotas).get(quotaKey(year, unitIds[0]))
      : null;
  return ok({
    ...page,
    items: page.items.map((r) => partyView(r, byId.get(r._id) ?? null, names.get(r.unitId) ?? '', now)),
    scopeName: name,
    counts,
    quota: q ? { year: q.year, limit: q.limit, used: q.used } : null,
  });
};
