import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { PARTY_STAGE_LABELS, PARTY_STAGES, pipelineOrder } from '../../../../miniprogram/core/cultivation';
import { ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PartyQuotaDoc, type PartyRecordDoc } from '../../../_lib/collections';
import type { DocFilter } from '../../../../miniprogram/core/scope';
import type { ServerDeps } from '../../../_lib/deps';
import { currentPeriod } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { cadreScope, paged, partyView, quotaKey, today, unitNames } from '../area';

/** The nominations approved in the current period within a scope: who is a 好青年 today. */
async function selectedNow(deps: ServerDeps, now: Date, filter: DocFilter): Promise<Set<string>> {
  const period = await currentPeriod(deps, now);
  if (!period) return new Set();
  const approved = await deps.store
    .collection<NominationDoc>(C.nominations)
    .find({ periodId: period._id, ...filter, status: 'approved' }, { projection: { _id: 1 } });
  return new Set(approved.map((n) => n._id));
}

/**
 * The Party pipeline of a unit, a district or the city — records started from a nomination and from the youth
 * database alike — with the 好青年 of the current period first (as of today, not as of the application), then the
 * further stage (R6.2).
 */
export const pipeline: Handler<typeof cultivationContract.actions.pipeline> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await cadreScope(deps, actor, input);
  if (!scope.ok) return scope;
  const { filter, level, unitIds, name } = scope.value;
  // The city asks by stage, so the `status` index serves it.
  const where = level === 'city' ? { status: { $in: [...PARTY_STAGES] } } : filter;
  const [found, selected] = await Promise.all([
    deps.store.collection<PartyRecordDoc>(C.partyRecords).find(where, { limit: 5000 }),
    selectedNow(deps, now, filter),
  ]);
  const all = found.map((r) => ({ ...r, selected: r.source !== 'registry' && selected.has(r._id) }));
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
    unitId: level === 'unit' && unitIds.length === 1 ? unitIds[0] : null,
  });
};
