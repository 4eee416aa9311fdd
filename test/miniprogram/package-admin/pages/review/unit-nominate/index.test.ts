import { C, type NominationDoc, type YouthDoc } from '../../../../../../cloudfunctions/_lib/collections';
import { addYears, chineseDate } from '../../../../../../miniprogram/core/china-time';
import { demoIdNumber, demoPeriod } from '../../../../../../scripts/local/seed';
import { find, loadPage, openPage, tapButton, textOf, toastOf, useBridge } from '../../../../../support/cloud-bridge';
import { fillForm, formOf, tipOf } from '../../../../support/form-driver';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const UNIT_NOMINATE = loadPage('package-admin/pages/review/unit-nominate/index');

interface PageData {
  valid: boolean;
  consentObtained: boolean;
  result: { claimCode: string } | null;
}
const open = () => openPage<PageData>(UNIT_NOMINATE, bridge);

const WANG = { name: '王青', idNumber: demoIdNumber('330602', '1997-07-07', 31), phone: '13700007777' };
const nominateCalls = () => bridge.calls.filter((c) => c.action === 'nominateByUnit');

async function tickConsentObtained(page: Awaited<ReturnType<typeof open>>): Promise<void> {
  find(page, '.consent-obtained').querySelector('.t-checkbox')!.dispatchEvent('tap');
  await bridge.idle();
}

describe('组织推荐 (unit recommendation)', () => {
  it('nominates a youth of the admin’s own unit and shows the claim code once, with a copy button', async () => {
    const clipboard = jest.spyOn(
      (globalThis as unknown as { wx: { setClipboardData(o: object): void } }).wx,
      'setClipboardData',
    );
    const page = await open();
    expect(textOf(page.querySelector('.unit-name')!)).toBe('越城区智造科技有限公司');
    // The admin's form needs no personal-information dialog: the admin attests the youth's consent instead.
    expect(page.querySelector('.consent')).toBeUndefined();
    expect(formOf(page).view.fields.idNumber.tip).toBe('');

    await fillForm(page, bridge, WANG);
    expect(page.data.valid).toBe(true);
    await tapButton(page, '.submit', bridge);
    expect(nominateCalls()).toHaveLength(0); // the consent attestation is required

    await tickConsentObtained(page);
    await tapButton(page, '.submit', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认提交组织推荐' }));
    expect(nominateCalls()[0].data).toMatchObject({ unitId: 'yuecheng-tech', consentObtained: true });

    const code = textOf(page.querySelector('.claim-code')!);
    expect(code).toMatch(/^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{11}$/); // core/one-time-code.ts
    expect(textOf(page)).toContain('请将认领码交给本人，在小程序『认领单位推荐』中输入');
    const [doc] = await bridge.deps.store
      .collection<{ _id: string; claimCodeHash: string }>('nominations')
      .find({ name: '王青' });
    expect(doc).toMatchObject({ channel: 'unit', status: 'submitted', youthOpenid: null, unitId: 'yuecheng-tech' });
    // Stored only as a keyed hash: the page is the one place the code is ever shown.
    expect(doc.claimCodeHash).toBe(bridge.deps.crypto.hash(`claim:${code}`));
    expect(JSON.stringify(doc)).not.toContain(code);

    await tapButton(page, '.copy-code', bridge);
    expect(clipboard).toHaveBeenCalledWith(expect.objectContaining({ data: code }));

    await tapButton(page, '.next', bridge);
    expect(page.data.result).toBeNull();
    expect(textOf(page)).not.toContain(code);
    expect(formOf(page).form.name).toBe('');
    expect(page.data.consentObtained).toBe(false);

    const again = await open();
    expect(textOf(again)).not.toContain(code);
  });

  it('starts from a youth of the imported list (issue 14): the form is filled from the record', async () => {
    const record = (await bridge.deps.store.collection<YouthDoc>(C.youths).get('demo-youth-2')) as YouthDoc;
    const idNumber = bridge.deps.crypto.decrypt(record.idNumberEnc);
    const phone = bridge.deps.crypto.decrypt(record.phoneEnc);
    const page = await openPage<PageData>(UNIT_NOMINATE, bridge, { youthId: 'demo-youth-2' });
    expect(formOf(page).form).toMatchObject({ name: record.name, idNumber, phone, post: record.post });
    expect(textOf(page)).toContain(`已从青年名册填入${record.name}的姓名、身份证号、手机号和岗位`);
    await fillForm(page, bridge, { name: record.name, idNumber, phone, post: record.post });
    await tickConsentObtained(page);
    await tapButton(page, '.submit', bridge);
    expect(page.data.result).not.toBeNull();
    const [doc] = await bridge.deps.store.collection<NominationDoc>(C.nominations).find({ name: record.name });
    expect(doc).toMatchObject({ channel: 'unit', status: 'submitted', unitId: 'yuecheng-tech' });
  });

  it('shows a server verdict under the field it concerns', async () => {
    const page = await open();
    // The city tightened the period's rules after the page loaded: the server is the authority (R2.5).
    const period = demoPeriod(bridge.now);
    const stricter = addYears(period.cutoffBirthDate, 10);
    await bridge.deps.store
      .collection('periods')
      .updateOne({ _id: period._id }, { $set: { cutoffBirthDate: stricter } });
    await fillForm(page, bridge, WANG);
    await tickConsentObtained(page);
    await tapButton(page, '.submit', bridge);
    expect(tipOf(page, 'id')).toBe(`${chineseDate(stricter)}（含）以后出生方可参加本期选培`);
    expect(page.data.result).toBeNull();
  });

  it('says where the record holding this ID number is (unit and status, never who entered it; issue 8 §6)', async () => {
    const page = await open();
    await fillForm(page, bridge, {
      name: '李明',
      idNumber: demoIdNumber('330602', '1995-03-15', 123),
      phone: '13800001234',
    });
    await tickConsentObtained(page);
    await tapButton(page, '.submit', bridge);
    const told =
      '该身份证号本期已在“越城区智造科技有限公司”有推荐记录（待审核），不能重复推荐。' +
      '如该记录冒用了他人身份证号，请联系区县团委核实后作废';
    expect(textOf(page.querySelector('.form-error')!)).toBe(told);
    expect(toastOf(page).message).toBe(told);
    expect(page.data.result).toBeNull();
  });

  it('is not offered to anyone but a unit admin: no other unit can be chosen', async () => {
    bridge.setOpenid('dev-district-admin');
    const page = await open();
    expect(textOf(find(page, ['.page-state', '.load-error']))).toBe('组织推荐仅限单位管理员使用');
    expect(page.querySelector('.form')).toBeUndefined();

    bridge.setOpenid('dev-youth-zhang');
    const youth = await open();
    expect(youth.querySelector('.form')).toBeUndefined();
  });
});
