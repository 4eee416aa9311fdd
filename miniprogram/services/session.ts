/**
 * The caller's identity and scope, fetched once per launch (`account.me`) and
 * kept in memory for the app's lifetime, so pages and components never ask
 * for it themselves. Actions that change roles or the binding hand the new
 * account over (`adoptSession`) or ask again (`refreshSession`). Only roles,
 * organisation names, the display name and the consent flag are kept — never
 * an ID number or a phone. A failed answer is not kept: the next caller asks
 * again. The current period is not part of it: two pages need it, and its
 * window moves with the clock.
 */
import type { GrantView, MeOutput } from '../core/contracts/account';
import type { OrgLevel, Role } from '../core/org';
import { ADMIN_LEVEL, widestGrant, type AdminRole } from '../core/scope';
import { call, callerKey, type CallResult } from './cloud';
import { errorText } from './error-text';

export interface Session {
  registered: boolean;
  displayName: string;
  roles: GrantView[];
  /** The unit a youth bound to: its name and district's name, nothing about the person. */
  unit: { id: string; name: string; districtName: string } | null;
  /** The personal-information consent on record (PIPL art. 29): which text, the answer, and when (ISO). */
  consent: { version: string; granted: boolean; at: string } | null;
}

/** What the session keeps of an account: named fields only, so nothing added to `me` later is cached unseen. */
export function sessionOf(me: MeOutput): Session {
  return {
    registered: me.registered,
    displayName: me.displayName ?? '',
    roles: me.roles.map(({ role, orgId, orgName }) => ({ role, orgId, orgName })),
    unit: me.unit ? { id: me.unit.id, name: me.unit.name, districtName: me.unit.districtName } : null,
    consent: me.consent ? { version: me.consent.version, granted: me.consent.granted, at: me.consent.at } : null,
  };
}

type Answer = Promise<CallResult<Session>>;

/** The launch's answer, for the persona it was asked for (the browser preview switches persona in place). */
let cached: { key: string; answer: Answer } | null = null;

function fetchSession(key: string): Answer {
  const answer: Answer = call('account', 'me', {}).then((res) => {
    if (res.ok) return { ok: true, data: sessionOf(res.data) };
    if (cached?.answer === answer) cached = null;
    return res;
  });
  cached = { key, answer };
  return answer;
}

/** The caller's session: one `account.me` per launch, shared by every page (concurrent callers share the call). */
export function loadSession(): Answer {
  const key = callerKey();
  return cached && cached.key === key ? cached.answer : fetchSession(key);
}

/** Asks again, after an action that changed roles or the binding without answering the account (e.g. a claim). */
export function refreshSession(): Answer {
  return fetchSession(callerKey());
}

/** An action answered the caller's new account (bindUnit, redeemInvite, recordConsent): that is the session now. */
export function adoptSession(me: MeOutput): Session {
  const session = sessionOf(me);
  cached = { key: callerKey(), answer: Promise.resolve({ ok: true, data: session }) };
  return session;
}

/** Forgets the session (a new launch: the test bridge between tests). */
export function resetSession(): void {
  cached = null;
}

export const hasRole = (s: Session, roles: readonly Role[]): boolean => s.roles.some((g) => roles.includes(g.role));

export const grantOf = (s: Session, role: Role): GrantView | undefined => s.roles.find((g) => g.role === role);

/** A cadre's widest administrative grant (core/scope.ts decides which), as the admin pages show it. */
export interface AdminScope {
  role: AdminRole;
  level: OrgLevel;
  orgId: string;
  orgName: string;
  /** A district admin's own district (they also file its 其他基层领域 list); '' otherwise. */
  districtId: string;
}

export function adminScope(s: Session): AdminScope | null {
  const grant = widestGrant(s.roles);
  if (!grant) return null;
  const level = ADMIN_LEVEL[grant.role];
  const districtId = level === 'district' ? grant.orgId : '';
  return { role: grant.role, level, orgId: grant.orgId, orgName: grant.orgName, districtId };
}

/** `forbidden`: the caller is known and holds no admin role (a retry cannot help; `session` says who they are). */
export type ScopeResult =
  { ok: true; scope: AdminScope; session: Session } | { ok: false; message: string; forbidden?: Session };

/** Who is asking, as an admin; a Chinese refusal for anyone else. The server still checks every call. */
export async function loadAdminScope(): Promise<ScopeResult> {
  const res = await loadSession();
  if (!res.ok) return { ok: false, message: res.message };
  const scope = adminScope(res.data);
  if (scope) return { ok: true, scope, session: res.data };
  return { ok: false, message: errorText('AUTH.FORBIDDEN'), forbidden: res.data };
}
