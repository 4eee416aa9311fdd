/**
 * What a youth may do now, answered with the rules the actions apply (issue 9 §13): the pages offer an action
 * only when it would be accepted, and otherwise say why with the code the action would refuse with.
 */
import type { ActionOption } from '../../miniprogram/core/contracts/nomination';
import { ACTIVE_STATUSES, NOMINATION_FLOW } from '../../miniprogram/core/nomination';
import { transitionFor } from '../../miniprogram/core/workflow';
import { C, type NominationDoc, type OrgDoc } from './collections';
import type { ServerDeps } from './deps';
import { unlocked } from './filing';

/** A nomination of the youth's still in the running in any period: it ties them to its unit (account.bindUnit). */
export async function activeNominationOf(deps: ServerDeps, openid: string): Promise<NominationDoc | null> {
  return deps.store
    .collection<NominationDoc>(C.nominations)
    .findOne({ youthOpenid: openid, status: { $in: [...ACTIVE_STATUSES] } });
}

/** `account.bindUnit` to another unit: refused while a nomination is in the running. */
export async function rebindOption(deps: ServerDeps, openid: string): Promise<ActionOption> {
  return (await activeNominationOf(deps, openid))
    ? { allowed: false, code: 'ACCOUNT.ALREADY_BOUND' }
    : { allowed: true };
}

/**
 * `nomination.withdraw` of `doc`: the transition table's row, and of its requirements the one that can refuse a
 * withdrawal (the list's filing lock, R4.4); the others (a place given back, the guard) never refuse.
 */
export async function withdrawOption(deps: ServerDeps, doc: NominationDoc, unit: OrgDoc): Promise<ActionOption> {
  const row = transitionFor(NOMINATION_FLOW, doc.status, 'withdraw');
  if (!row) return { allowed: false, code: 'NOMINATION.INVALID_STATE' };
  const requires: readonly string[] = row.requires ?? [];
  if (requires.includes('unlockedFiling') && !(await unlocked(deps, doc.periodId, unit)).ok)
    return { allowed: false, code: 'FILING.LOCKED' };
  return { allowed: true };
}
