import * as z from 'zod/mini';
import { ROLES, type Org, type Role, type UnitCategory } from '../org';
import type { PeriodRules, WindowState } from '../period';
import { empty, id, page, pageSize, text, type Paged } from './common';
import { action, defineContract } from './define';
import { AccessReason, BindUnitInput, RedeemInviteInput } from './forms';

export interface GrantView {
  role: Role;
  orgId: string;
  orgName: string;
}

export interface MeOutput {
  registered: boolean;
  displayName: string | null;
  roles: GrantView[];
  /** The unit a youth bound to, if any. */
  unit: { id: string; name: string; districtName: string } | null;
  /** The personal-information consent on record, if any (PIPL art. 29). */
  consent: { version: string; granted: boolean; at: string } | null;
}

export interface UnitView {
  id: string;
  name: string;
  category: UnitCategory;
  districtId: string;
  youthCount: number;
}

export interface PeriodView extends PeriodRules {
  window: WindowState;
}

/** Who holds a role the caller may take away at one organisation, and its unused invitations (issue 8 §7). */
export interface RoleHoldersView {
  org: { id: string; name: string; level: Org['level'] };
  holders: Array<{ openid: string; displayName: string; role: Role }>;
  invites: Array<{ id: string; role: Role; createdAt: string; expiresAt: string }>;
}

export const RevokeRoleInput = z.strictObject({ openid: id, role: z.enum(ROLES), orgId: id, reason: AccessReason });
export const CancelInviteInput = z.strictObject({
  inviteId: z.string().check(z.regex(/^[0-9a-f]{16,128}$/)),
  reason: AccessReason,
});

export const accountContract = defineContract('account', {
  me: action<MeOutput>()({ input: empty, access: 'identified', write: false, errors: [] }),
  currentPeriod: action<PeriodView>()({ input: empty, access: 'public', write: false, errors: ['PERIOD.NOT_FOUND'] }),
  listDistricts: action<Pick<Org, '_id' | 'name'>[]>()({ input: empty, access: 'public', write: false, errors: [] }),
  listUnits: action<Paged<UnitView>>()({
    input: z.strictObject({ districtId: id, keyword: z.optional(text(30, 0)), page, pageSize }),
    access: 'public',
    write: false,
    errors: ['ORG.NOT_FOUND'],
  }),
  bindUnit: action<MeOutput>()({
    input: BindUnitInput,
    access: 'identified',
    write: true,
    errors: ['ORG.NOT_FOUND', 'ORG.NOT_A_UNIT', 'ACCOUNT.ALREADY_BOUND'],
  }),
  issueInvite: action<{ code: string; expiresAt: string }>()({
    input: z.strictObject({ role: z.enum(ROLES), orgId: id }),
    access: ['cityAdmin', 'districtAdmin'],
    write: true,
    // The code rests nowhere, not even in the idempotency record: a retry issues a fresh one (issue 8 §11).
    replay: false,
    errors: ['AUTH.FORBIDDEN', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND'],
  }),
  uploadPath: action<{ prefix: string }>()({ input: empty, access: 'identified', write: false, errors: [] }),
  roleHolders: action<RoleHoldersView>()({
    input: z.strictObject({ orgId: id }),
    access: ['cityAdmin', 'districtAdmin'],
    write: false,
    errors: ['ORG.NOT_FOUND', 'AUTH.OUT_OF_SCOPE'],
  }),
  revokeRole: action<{ revoked: true }>()({
    input: RevokeRoleInput,
    access: ['cityAdmin', 'districtAdmin'],
    write: true,
    errors: ['AUTH.FORBIDDEN', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'ROLE.NOT_FOUND'],
  }),
  cancelInvite: action<{ cancelled: true }>()({
    input: CancelInviteInput,
    access: ['cityAdmin', 'districtAdmin'],
    write: true,
    errors: ['AUTH.FORBIDDEN', 'AUTH.OUT_OF_SCOPE', 'ORG.NOT_FOUND', 'INVITE.INVALID', 'INVITE.USED'],
  }),
  /** Separate, versioned consent to processing the ID number and phone; refusing keeps the rest of the app usable. */
  recordConsent: action<MeOutput>()({
    input: z.strictObject({
      purpose: z.literal('personal_info'),
      version: z.string().check(z.regex(/^[A-Za-z0-9.-]{1,20}$/)),
      granted: z.boolean(),
    }),
    access: 'identified',
    write: true,
    errors: ['CONSENT.REQUIRED'],
  }),
  /**
   * PIPL art. 47: withdraw the consent to processing the ID number and phone. Nominations still in the running
   * are withdrawn and queued for erasure; one on a filed list keeps only its sealed ID number for that list.
   */
  withdrawConsent: action<{ account: MeOutput; withdrawn: number; keptOnFiledList: number }>()({
    input: empty,
    access: 'identified',
    write: true,
    errors: ['CONSENT.NOT_GIVEN'],
  }),
  redeemInvite: action<MeOutput>()({
    input: RedeemInviteInput,
    access: 'identified',
    write: true,
    errors: ['INVITE.INVALID', 'INVITE.USED', 'INVITE.EXPIRED', 'INVITE.TOO_MANY_ATTEMPTS'],
  }),
});

export type AccountContract = typeof accountContract;
