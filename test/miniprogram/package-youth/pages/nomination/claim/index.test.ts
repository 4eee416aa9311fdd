import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import { demoForm, demoIdNumber } from '../../../../../../scripts/local/seed';
import { find, loadPage, openPage, tapButton, textOf, typeInto, useBridge } from '../../../../../support/cloud-bridge';
import { agreeConsent, consentDialog, refuseConsent } from '../../../../support/form-driver';
import { currentSession, meCalls } from '../../../../support/session';

const bridge = useBridge({ openid: 'dev-youth-new' });
const CLAIM = loadPage('package-youth/pages/nomination/claim/index');

interface ClaimData {
  locked: boolean;
  code: string;
  canSubmit: boolean;
}

const WANG = { name: '王青', idNumber: demoIdNumber('330602', '1997-07-07', 31), phone: '13700007777', post: '技术员' };

/** The unit admin enters 组织推荐 through the real API; the code is what the admin hands over. */
async function unitNominates(): Promise<string> {
  const res = await FUNCTIONS.nomination.handle(
    { action: 'nominateByUnit', data: { unitId: 'yuecheng-tech', form: demoForm(WANG), consentObtained: true } },
    { openid: 'dev-unit-admin' },
    bridge.deps,
  );
  if (!res.ok) throw new Error(`arrange failed: ${res.error.code}`);
  return (res.data as { claimCode: string }).claimCode;
}

const claimCalls = () => bridge.calls.filter((c) => c.action === 'claim');

describe('claim a unit recommendation', () => {
  it('asks for the consent first; a wrong code is refused plainly; the right one leads to "my nomination"', async () => {
    const code = await unitNominates();
    const page = await openPage<ClaimData>(CLAIM, bridge);
    expect(consentDialog(page).visible).toBe(true);
    await agreeConsent(page, bridge);
    expect(page.data.locked).toBe(false);

    const wrong = code === 'AAAAAAAAAAA' ? 'BBBBBBBBBBB' : 'AAAAAAAAAAA';
    await typeInto(page, '.field-code', wrong, bridge);
    await typeInto(page, '.field-id', WANG.idNumber, bridge);
    await tapButton(page, '.claim-submit', bridge);
    expect(textOf(page.querySelector('.claim-error')!)).toBe('认领码或身份证号不正确，请核对单位提供的认领码');
    expect(bridge.nav.redirectTo).not.toHaveBeenCalled();

    // Typed in lower case with a space: cleaned to the 8 upper-case characters.
    await typeInto(page, '.field-code', ` ${code.toLowerCase()}`, bridge);
    expect(page.data.code).toBe(code);
    expect(page.querySelector('.claim-error')).toBeUndefined();
    await tapButton(page, '.claim-submit', bridge);

    expect(bridge.nav.redirectTo).toHaveBeenCalledWith({ url: '/package-youth/pages/nomination/mine/index' });
    const [doc] = await bridge.deps.store.collection('nominations').find({ name: '王青' });
    expect(doc).toMatchObject({ youthOpenid: 'dev-youth-new', channel: 'unit', status: 'submitted' });
    const account = await bridge.deps.store.collection('accounts').get('dev-youth-new');
    expect(account).toMatchObject({ grants: [{ role: 'youth', orgId: 'yuecheng-tech' }] });
    // The claim binds the youth to the unit: the session is asked again, once, and holds the binding.
    expect(meCalls(bridge)).toBe(2);
    expect((await currentSession()).roles.map((g) => g.role)).toEqual(['youth']);
    expect(meCalls(bridge)).toBe(2);
  });

  it('refuses the right code with someone else’s ID number, with the same plain message', async () => {
    const code = await unitNominates();
    const page = await openPage<ClaimData>(CLAIM, bridge);
    await agreeConsent(page, bridge);
    await typeInto(page, '.field-code', code, bridge);
    await typeInto(page, '.field-id', demoIdNumber('330602', '1997-07-07', 33), bridge);
    await tapButton(page, '.claim-submit', bridge);
    expect(textOf(page.querySelector('.claim-error')!)).toBe('认领码或身份证号不正确，请核对单位提供的认领码');
  });

  it('keeps the ID number locked and the claim disabled after a refusal', async () => {
    const code = await unitNominates();
    const page = await openPage<ClaimData>(CLAIM, bridge);
    await refuseConsent(page, bridge);
    expect(textOf(find(page, ['.consent', '.consent-refused']))).toContain('暂不能认领');
    expect((find(page, '.field-id').data as { disabled?: boolean }).disabled).toBe(true);
    await typeInto(page, '.field-code', code, bridge);
    expect(page.data.canSubmit).toBe(false);
    await tapButton(page, '.claim-submit', bridge);
    expect(claimCalls()).toHaveLength(0);
  });

  it('checks the ID number as it is typed', async () => {
    const page = await openPage<ClaimData>(CLAIM, bridge);
    await agreeConsent(page, bridge);
    await typeInto(page, '.field-id', `${WANG.idNumber.slice(0, 17)}${WANG.idNumber[17] === '1' ? '2' : '1'}`, bridge);
    expect(textOf(find(page, ['.field-id', '.t-input__tips']))).toBe('身份证号校验位不正确，请核对最后一位');
    expect(page.data.canSubmit).toBe(false);
  });
});
