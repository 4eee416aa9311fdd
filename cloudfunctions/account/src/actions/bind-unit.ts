import type { accountContract } from '../../../../miniprogram/core/contracts/account';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AccountDoc } from '../../../_lib/collections';
import { loadActor } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { activeNominationOf } from '../../../_lib/youth-options';
import { describeActor } from '../actor-view';

/** A youth picks the unit they work in; the unit's admin then reviews their nomination. */
export const bindUnit: Handler<typeof accountContract.actions.bindUnit> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const org = await getOrg(deps, input.unitId);
  if (!org) return err(appError('ORG.NOT_FOUND', 'unit not found'));
  if (org.level !== 'unit') return err(appError('ORG.NOT_A_UNIT', 'only units can be joined'));
  const current = actor.grants.find((g) => g.role === 'youth');
  if (current && current.orgId !== org._id) {
    // Moving unit would orphan a nomination under review: the unit admin handles that case.
    if (await activeNominationOf(deps, actor.openid))
      return err(appError('ACCOUNT.ALREADY_BOUND', 'an active nomination ties the youth to the unit'));
  }
  const grants = [...actor.storedGrants.filter((g) => g.role !== 'youth'), { role: 'youth' as const, orgId: org._id }];
  const accounts = deps.store.collection<AccountDoc>(C.accounts);
  if (actor.registered) {
    await accounts.updateOne(
      { _id: actor.openid },
      { $set: { grants, displayName: input.displayName, updatedAt: now } },
    );
  } else {
    await accounts.insert({
      _id: actor.openid,
      displayName: input.displayName,
      grants,
      createdAt: now,
      updatedAt: now,
    });
  }
  ctx.audit({ target: `orgs/${org._id}`, details: { role: 'youth' } });
  return ok(await describeActor(deps, await loadActor(deps, actor.openid)));
};
