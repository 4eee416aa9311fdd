import type { cultivationContract, LedgerRow } from '../../../../miniprogram/core/contracts/cultivation';
import { ok } from '../../../../miniprogram/core/result';
import type { Handler } from '../../../_lib/router';
import { cadreScope, paged, periodIdNow } from '../area';
import { scopeFacts } from '../coverage-facts';

/**
 * The cultivation ledger of a unit (or a district, the city): each 好青年 with their measures, whether they talked
 * with the unit head in the last six months, and whether a year passed without a measure — `idle` and `noTalk`
 * narrow it to the youths a unit should act on.
 */
export const ledger: Handler<typeof cultivationContract.actions.ledger> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await cadreScope(deps, actor, input);
  if (!scope.ok) return scope;
  const period = await periodIdNow(deps, now);
  if (!period.ok) return period;
  const { rows } = await scopeFacts(deps, period.value, scope.value.filter, now);
  const filter = input.filter ?? 'all';
  const chosen: LedgerRow[] = rows.filter((r) => filter === 'all' || (filter === 'idle' ? r.idle : !r.talkedRecently));
  return ok(paged(chosen, input.page, input.pageSize));
};
