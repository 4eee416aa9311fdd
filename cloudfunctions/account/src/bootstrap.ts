/**
 * The first city admin, without anyone knowing an OPENID: `npm run deploy`
 * prints a one-time bootstrap code and puts only its keyed hash and expiry in
 * the account function's `HQN_BOOTSTRAP_CODE` (`<hash>@<expiry ISO>`). The
 * person types it where invitation codes go (account.redeemInvite) and
 * becomes city admin. The path is closed for good once any account holds the
 * city-admin role, and each code is taken once, by id, in the transaction
 * (`_lib/limits.ts`), so two people racing with the same code cannot both win.
 */
import type { MeOutput } from '../../../miniprogram/core/contracts/account';
import { appError, type CodedError } from '../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import { C, type AccountDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { loadActor, type Actor } from '../../_lib/identity';
import { takeSlot } from '../../_lib/limits';
import type { AuditEntry } from '../../_lib/router';
import { describeActor } from './actor-view';

type BootstrapError = CodedError<'INVITE.USED' | 'INVITE.EXPIRED'>;

/** What the variable holds, or null when it is unset or malformed. */
export function parseBootstrap(value: string | null | undefined): { hash: string; expiresAt: Date } | null {
  const m = /^([0-9a-f]{32})@(.+)$/.exec(value?.trim() ?? '');
  const expiresAt = m ? new Date(m[2]) : null;
  return m && expiresAt && !Number.isNaN(expiresAt.getTime()) ? { hash: m[1], expiresAt } : null;
}

/** The keyed hash of a bootstrap code, as the deploy computes it (scripts/deploy/plan.ts `bootstrapVariable`). */
export function bootstrapHash(deps: ServerDeps, code: string): string {
  return deps.crypto.hash(`bootstrap:${code}`);
}

/**
 * Redeems `code` as the bootstrap code; null when it is not the configured
 * one (the caller then answers as for an unknown invitation, INVITE.INVALID).
 */
export async function redeemBootstrap(
  ctx: { deps: ServerDeps; actor: Actor; now: Date; audit(entry: AuditEntry): void },
  code: string,
  displayName: string,
): Promise<Result<MeOutput, BootstrapError> | null> {
  const { deps, actor, now } = ctx;
  const boot = parseBootstrap(deps.bootstrapCode);
  const hash = bootstrapHash(deps, code);
  if (!boot || boot.hash !== hash) return null;
  if (boot.expiresAt.getTime() < now.getTime()) return err(appError('INVITE.EXPIRED', 'bootstrap code expired'));
  const accounts = deps.store.collection<AccountDoc>(C.accounts);
  // Closed once a city admin exists: from then on city admins are invited by city admins.
  if (await accounts.findOne({ 'grants.role': 'cityAdmin' })) {
    return err(appError('INVITE.USED', 'bootstrap path closed: a city admin exists'));
  }
  if (!(await takeSlot(deps, `bootstrap:${hash}`, 1, { now, expiresAt: null }))) {
    return err(appError('INVITE.USED', 'bootstrap code already used'));
  }
  const grant = { role: 'cityAdmin' as const, orgId: deps.cityOrgId };
  if (actor.registered) {
    const kept = actor.storedGrants.filter((g) => !(g.role === grant.role && g.orgId === grant.orgId));
    await accounts.updateOne(
      { _id: actor.openid },
      { $set: { grants: [...kept, grant], displayName, updatedAt: now } },
    );
  } else {
    await accounts.insert({ _id: actor.openid, displayName, grants: [grant], createdAt: now, updatedAt: now });
  }
  ctx.audit({ target: `bootstrap/${hash}`, details: { ...grant, via: 'bootstrap-code' } });
  return ok(await describeActor(deps, await loadActor(deps, actor.openid)));
}
