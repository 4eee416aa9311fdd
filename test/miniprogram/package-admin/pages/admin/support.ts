/** Arrange helpers for the admin page tests: the real actions, called as the personas would. */
import { C, type AccountDoc } from '../../../../../cloudfunctions/_lib/collections';
import { FUNCTIONS } from '../../../../../scripts/local/functions';
import { find, hostText, textOf, type Bridge, type SimNode } from '../../../../support/cloud-bridge';

export const UNIT_ADMIN = 'dev-unit-admin';
export const DISTRICT_ADMIN = 'dev-district-admin';
export const CITY_ADMIN = 'dev-city-admin';

/** Calls a function as `openid`; a failure fails the arrangement loudly. */
export async function arrange<T = unknown>(
  bridge: Bridge,
  openid: string,
  fn: 'admin' | 'nomination' | 'notice' | 'account',
  action: string,
  data: unknown,
): Promise<T> {
  const res = await FUNCTIONS[fn].handle({ action, data }, { openid }, bridge.deps);
  if (!res.ok) throw new Error(`arrange ${fn}.${action} failed: ${res.error.code}`);
  return res.data as T;
}

export const approve = (bridge: Bridge, nominationId: string, openid = UNIT_ADMIN) =>
  arrange(bridge, openid, 'nomination', 'review', {
    nominationId,
    decision: 'approve',
    confirm: { onStaff: true, attestations: true },
  });

/** Another unit's admin (the seed has one only, for yuecheng-tech). */
export async function unitAdminOf(bridge: Bridge, unitId: string): Promise<string> {
  const openid = `test-admin-${unitId}`;
  const now = bridge.now;
  await bridge.deps.store.collection<AccountDoc>(C.accounts).insert({
    _id: openid,
    displayName: `${unitId}管理员`,
    grants: [{ role: 'unitAdmin', orgId: unitId }],
    createdAt: now,
    updatedAt: now,
  });
  return openid;
}

export const setQuota = (bridge: Bridge, unitId: string, quota: number) =>
  arrange(bridge, DISTRICT_ADMIN, 'admin', 'setQuota', { unitId, quota, reason: '测试调整' });

/** A member of the public objects to a youth in the notice. */
export const object = (bridge: Bridge, nominationId: string, content = '该同志不是本单位在编人员，请核实。') =>
  arrange<{ objectionId: string }>(bridge, 'someone-public', 'notice', 'object', { nominationId, content });

/** The labels of an `chips` row. */
export function chipLabels(page: SimNode<unknown>, host: string): string[] {
  return find(page, host)
    .querySelectorAll('.chip')
    .map((c) => textOf(c));
}

/** Taps the chip with `label` in an `chips` row. */
export async function tapChip(page: SimNode<unknown>, host: string, label: string, bridge: Bridge): Promise<void> {
  const chip = find(page, host)
    .querySelectorAll('.chip')
    .find((c) => textOf(c) === label);
  if (!chip) throw new Error(`no chip ${label} in ${host}`);
  chip.dispatchEvent('tap');
  await bridge.idle();
}

/** Taps a TDesign cell by the class on its `<t-cell>` tag. */
export async function tapCell(page: SimNode<unknown>, selector: string, bridge: Bridge): Promise<void> {
  const cell = find(page, selector);
  (cell.querySelector('.t-cell') ?? cell).dispatchEvent('tap');
  await bridge.idle();
}

export const cellText = (cell: SimNode): string => hostText(cell, '.t-cell');

/** Taps the `index`-th TDesign button with `selector` (buttons repeated in a list). */
export async function tapNth(page: SimNode<unknown>, selector: string, index: number, bridge: Bridge): Promise<void> {
  const host = page.querySelectorAll(selector)[index];
  if (!host) throw new Error(`no ${selector}[${index}]`);
  (host.querySelector('.t-button') ?? host).dispatchEvent('tap');
  await bridge.idle();
}

/** Waits out a 300 ms search debounce. */
export async function settleSearch(bridge: Bridge): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 350));
  await bridge.idle();
}
