/** The facts the ledger and coverage share: a scope's 好青年 with their measures' coverage. */
import type { LedgerRow } from '../../../miniprogram/core/contracts/cultivation';
import type { DocFilter } from '../../../miniprogram/core/scope';
import { C, type MeasureDoc, type NominationDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { coverageOf, unitNames as namesOf } from './area';

export async function scopeFacts(
  deps: ServerDeps,
  periodId: string,
  filter: DocFilter,
  now: Date,
): Promise<{ rows: Array<LedgerRow & { unitId: string }>; pending: number; unitNames: Map<string, string> }> {
  const [youths, measures] = await Promise.all([
    deps.store
      .collection<NominationDoc>(C.nominations)
      .find(
        { periodId, ...filter, status: 'approved' },
        { sort: { name: 1, _id: 1 }, projection: { name: 1, unitId: 1 } },
      ),
    deps.store
      .collection<MeasureDoc>(C.measures)
      .find({ periodId, ...filter }, { projection: { nominationId: 1, kind: 1, status: 1, startDate: 1 } }),
  ]);
  const byYouth = new Map<string, MeasureDoc[]>();
  for (const m of measures) byYouth.set(m.nominationId, [...(byYouth.get(m.nominationId) ?? []), m]);
  const names = await namesOf(
    deps,
    youths.map((y) => y.unitId),
  );
  const rows = youths.map((y) => {
    const own = byYouth.get(y._id) ?? [];
    return {
      nominationId: y._id,
      name: y.name,
      unitId: y.unitId,
      unitName: names.get(y.unitId) ?? '',
      measures: own.filter((m) => m.status === 'confirmed').length,
      pending: own.filter((m) => m.status === 'pending').length,
      ...coverageOf(own, now),
    };
  });
  return { rows, pending: measures.filter((m) => m.status === 'pending').length, unitNames: names };
}
