import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { filingId, filingSubjects } from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type FilingDoc } from '../../../_lib/collections';
import { currentPeriod, jurisdictionLabels } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { districtsIn, resolveScope, unitsIn } from '../../../_lib/scope';
import { filingView, unitCounts } from '../filing-view';

/** The city and each district see who has filed and who has not. */
export const filings: Handler<typeof adminContract.actions.filings> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scope = await resolveScope(deps, actor, input);
  if (!scope.ok) return scope;
  const [units, districts] = await Promise.all([unitsIn(deps, scope.value), districtsIn(deps, scope.value)]);
  const docs = await deps.store.collection<FilingDoc>(C.filings).find({ periodId: period._id });
  const byId = new Map(docs.map((d) => [d._id, d]));
  const all = filingSubjects(units, districts).filter(
    (s) => !input.state || (byId.get(filingId(period._id, s))?.state ?? 'open') === input.state,
  );
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const slice = all.slice((page - 1) * pageSize, page * pageSize);
  const label = await jurisdictionLabels(
    deps,
    slice.map((s) => s.districtId),
  );
  const counts = await unitCounts(
    deps,
    period._id,
    slice.flatMap((s) => s.unitIds),
  );
  const items = await Promise.all(
    slice.map((s) =>
      filingView(deps, period._id, s, byId.get(filingId(period._id, s)) ?? null, label(s.districtId), counts),
    ),
  );
  return ok({ items, page, pageSize, total: all.length, hasMore: page * pageSize < all.length });
};
