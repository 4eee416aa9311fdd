import type { adminContract } from '../../../../miniprogram/core/contracts/admin';
import { chinaDate, chinaEndOfDay } from '../../../../miniprogram/core/china-time';
import { appError } from '../../../../miniprogram/core/errors';
import { canFile, filerRole, filingId, filingSubjects, type FilingSubject } from '../../../../miniprogram/core/filing';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AccountDoc, type FilingDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { takeSlot } from '../../../_lib/limits';
import { notifyRole } from '../../../_lib/notify';
import { currentPeriod } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { districtsIn, resolveScope, unitsIn } from '../../../_lib/scope';

/** The counter that lets a list be reminded once a China day (issue 9 §9). */
const remindKey = (filingId: string, day: string) => `remind:${filingId}:${day}`;

async function hasFiler(deps: ServerDeps, s: FilingSubject): Promise<boolean> {
  const holder = await deps.store
    .collection<AccountDoc>(C.accounts)
    .findOne({ grants: { $elemMatch: { role: filerRole(s.kind), orgId: s.orgId } } });
  return holder !== null;
}

/**
 * One tap: every list in scope that has not been filed gets a reminder in the outbox, once a China day (a counter
 * per list and day, taken in the transaction: repeated or concurrent taps never send twice). The answer names the
 * lists reminded, those that could not be (no admin account yet) and those already reminded today; the caller's
 * own list is never among them (issue 9 §9).
 */
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
  const today = chinaDate(now);
  const deadline = chinaDate(new Date(period.filingDeadline));
  const result = {
    reminded: [] as Array<{ name: string; admins: number }>,
    noAdmin: [] as string[],
    already: [] as string[],
  };
  const late = filingSubjects(units, districts).filter(
    (s) => !filed.has(filingId(period._id, s)) && !canFile(actor.grants, s),
  );
  for (const s of late) {
    if (!(await hasFiler(deps, s))) {
      result.noAdmin.push(s.name);
      continue;
    }
    const key = remindKey(filingId(period._id, s), today);
    if (!(await takeSlot(deps, key, 1, { now, expiresAt: chinaEndOfDay(today) }))) {
      result.already.push(s.name);
      continue;
    }
    const admins = await notifyRole(ctx, { role: filerRole(s.kind), orgId: s.orgId }, 'filing.late', {
      subject: s.name,
      deadline,
    });
    result.reminded.push({ name: s.name, admins });
  }
  ctx.audit({
    target: `filings/${period._id}`,
    details: { reminded: result.reminded.length, noAdmin: result.noAdmin.length, scope: scope.value.orgId },
  });
  return ok(result);
};
