import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { ok } from '../../../../miniprogram/core/result';
import { currentPeriod } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { planImport, previewRows } from '../import-plan';

/**
 * What an import would change (issue 14): counts of new, changed and unchanged rows, the first changes, every
 * row's errors, and the units whose approvals would exceed their new limits. Writes nothing.
 */
export const previewImport: Handler<typeof registryContract.actions.previewImport> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  const planned = await planImport(deps, actor, input, period);
  if (!planned.ok) return planned;
  const p = planned.value;
  return ok({
    kind: p.kind,
    total: p.total,
    counts: p.plan.counts,
    errors: p.plan.errors,
    changes: previewRows(p),
    overQuota: p.kind === 'orgs' ? p.overQuota : [],
  });
};
