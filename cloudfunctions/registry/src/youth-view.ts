/** A youth record as every page sees it: masked numbers, the age instead of the birth date (R9.1). */
import { chinaDate, fullYears } from '../../../miniprogram/core/china-time';
import type { YouthRecordView } from '../../../miniprogram/core/contracts/registry';
import { ALUMNI_TEXT, isStale, lastRefusal, STATUS_TEXT } from '../../../miniprogram/core/registry';
import { C, type PendingChange, type PeriodDoc, type YouthDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { orgNames } from '../../_lib/queries';

/** The change waiting for the new unit, with that unit's name and the post's start date if the youth gave one. */
function pendingView(change: PendingChange, names: Map<string, string>): YouthRecordView['pendingChange'] {
  return {
    unitId: change.unitId,
    unitName: names.get(change.unitId) ?? '',
    post: change.post,
    postSince: change.postSince ?? null,
  };
}

export async function youthViews(deps: ServerDeps, docs: YouthDoc[], now: Date): Promise<YouthRecordView[]> {
  const names = await orgNames(
    deps,
    docs.flatMap((d) => [d.unitId, ...(d.pendingChange ? [d.pendingChange.unitId] : [])]),
  );
  const periodIds = [...new Set(docs.flatMap((d) => d.selectedPeriods))];
  const periods =
    periodIds.length > 0 ? await deps.store.collection<PeriodDoc>(C.periods).find({ _id: { $in: periodIds } }) : [];
  const periodName = new Map(periods.map((p) => [p._id, p.name]));
  return docs.map((d) => {
    const refused = lastRefusal(d.history ?? []);
    return {
      id: d._id,
      name: d.name,
      unitId: d.unitId,
      unitName: names.get(d.unitId) ?? '',
      status: d.status,
      statusText: d.alumni ? `${STATUS_TEXT[d.status]}（${ALUMNI_TEXT[d.alumni.reason]}）` : STATUS_TEXT[d.status],
      alumniReason: d.alumni?.reason ?? null,
      idNumberMasked: d.idNumberMasked,
      phoneMasked: d.phoneMasked,
      age: fullYears(d.birthDate, chinaDate(now)),
      post: d.post,
      postSince: d.postSince ?? null,
      lastConfirmedAt: d.lastConfirmedAt.toISOString(),
      stale: d.status === 'active' && isStale(d.lastConfirmedAt, now),
      selected: d.selectedPeriods.map((p) => periodName.get(p) ?? p),
      pendingChange: d.pendingChange ? pendingView(d.pendingChange, names) : null,
      changeRefused: refused ? { reason: refused.reason, at: refused.at.toISOString() } : null,
    };
  });
}

export async function youthView(deps: ServerDeps, doc: YouthDoc, now: Date): Promise<YouthRecordView> {
  return (await youthViews(deps, [doc], now))[0];
}
