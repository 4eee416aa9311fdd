import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { chinaDate } from '../../../../miniprogram/core/china-time';
import { appError } from '../../../../miniprogram/core/errors';
import { filerRole, filingId, filingSubjects } from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type FilingDoc } from '../../../_lib/collections';
import { notifyRole } from '../../../_lib/notify';
import { currentPeriod } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { districtsIn, resolveScope, unitsIn } from '../../../_lib/scope';

/** One tap: every subject in scope that has not filed gets a reminder in the outbox. */
export const remindLate: Handler<typeof adminContract.actions.remindLate> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scope = await resolveScope(deps, actor, input);
  if (!scope.ok) return scope;
  const [units, districts] = await Promise.all([unitsIn(deps, scope.value), districtsIn(deps, scope.value)]);
  const filed = new Set(
    (
      await deps.store
        .collection<FilingDoc>(C.filings)
        .find({ periodId: period._id, state: 'filed' }, { projection: { _id: 1 } })
    ).map((f) => f._id),
  );
  const deadline = chinaDate(new Date(period.filingDeadline));
  let reminded = 0;
  for (const s of filingSubjects(units, districts).filter((x) => !filed.has(filingId(period._id, x)))) {
    const role = filerRole(s.kind);
    reminded += await notifyRole(ctx, { role, orgId: s.orgId }, 'filing.late', { subject: s.name, deadline });
  }
  ctx.audit({ target: `filings/${period._id}`, details: { reminded, scope: scope.value.orgId } });
  return ok({ reminded });
};
