/**
 * Drives the shared nomination form (components/nomination-form) and the
 * consent dialog (package-youth/components/personal-consent) the way a person does: typing,
 * tapping choices, ticking the attestations.
 */
import { ATTESTATIONS, type Attestation } from '../../../miniprogram/core/profile';
import { find, tap, tapButton, typeInto, type Bridge, type SimNode } from '../../support/cloud-bridge';

export const FORM = '.form';
export const field = (name: string): string[] => [FORM, `.field-${name}`];

export interface FormData {
  form: {
    name: string;
    idNumber: string;
    phone: string;
    education: string;
    degree: string;
    politicalStatus: string;
    post: string;
    deeds: string;
    onStaff: boolean;
    showcaseConsent: boolean;
    attestations: Record<Attestation, boolean>;
  };
  view: {
    fields: Record<string, { tip: string; status: string }>;
    attestations: Record<Attestation, string>;
    degrees: string[];
    deedsCount: number;
    valid: boolean;
  };
}

/** The form component's own data. */
export const formOf = (page: SimNode<unknown>): FormData => find(page, FORM).data as unknown as FormData;

/** The message under a field (t-input's tips) as rendered. */
export function tipOf(page: SimNode<unknown>, name: string): string {
  const tips = find(page, field(name)).querySelector('.t-input__tips');
  return (tips?.dom?.textContent ?? '').trim();
}

/** Whether a t-input is disabled. */
export const isDisabled = (page: SimNode<unknown>, name: string): boolean =>
  (find(page, field(name)).data as { disabled?: boolean }).disabled === true;

const CONSENT = ['.consent', '.consent-dialog'];
export const consentDialog = (page: SimNode<unknown>): { visible: boolean } =>
  find(page, '.consent').data as unknown as { visible: boolean };

export async function agreeConsent(page: SimNode<unknown>, bridge: Bridge): Promise<void> {
  await tapButton(page, [...CONSENT, '.t-dialog__button--confirm'], bridge);
}

export async function refuseConsent(page: SimNode<unknown>, bridge: Bridge): Promise<void> {
  await tapButton(page, [...CONSENT, '.t-dialog__button--cancel'], bridge);
}

export async function choose(page: SimNode<unknown>, choice: string, bridge: Bridge): Promise<void> {
  await tap(page, [FORM, choice], bridge);
}

/** Ticks (or unticks) one of the three attestations (R2.3). */
export async function attest(page: SimNode<unknown>, name: Attestation, bridge: Bridge): Promise<void> {
  find(page, [FORM, `.attest-${name}`])
    .querySelector('.t-checkbox')!
    .dispatchEvent('tap');
  await bridge.idle();
}

export const DEEDS =
  '牵头完成车间生产线数字化改造，主持开发设备远程运维平台，使设备故障响应时间缩短百分之四十；带领青年突击队攻坚关键工艺。';

export interface Person {
  name: string;
  idNumber: string;
  phone: string;
  post?: string;
}

/** Fills every required field; `except` leaves attestations unticked. */
export async function fillForm(
  page: SimNode<unknown>,
  bridge: Bridge,
  p: Person,
  options: { except?: Attestation[] } = {},
): Promise<void> {
  await typeInto(page, field('name'), p.name, bridge);
  await typeInto(page, field('id'), p.idNumber, bridge);
  await typeInto(page, field('phone'), p.phone, bridge);
  await choose(page, '.edu-bachelor', bridge);
  await choose(page, '.degree-bachelor', bridge);
  await choose(page, '.political-league_member', bridge);
  await typeInto(page, field('duty'), '研发部副主任', bridge);
  await typeInto(page, field('post'), p.post ?? '软件工程师', bridge);
  await typeInto(page, field('title'), '工程师', bridge);
  await typeInto(page, field('skill-level'), '高级工', bridge);
  for (const a of ATTESTATIONS) if (!options.except?.includes(a)) await attest(page, a, bridge);
  await typeInto(page, field('deeds'), DEEDS, bridge);
}

/** Waits past the autosave delay (800 ms) and for the calls it made. */
export async function afterAutosave(bridge: Bridge): Promise<void> {
  await new Promise((resolve) => setTimeout(resolve, 900));
  await bridge.idle();
}
