import { addYears, chineseDate } from '../../../../../../miniprogram/core/china-time';
import { maskIdNumber } from '../../../../../../miniprogram/core/id-number';
import { PERSONAL_INFO_CONSENT_VERSION } from '../../../../../../miniprogram/core/profile';
import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import { demoIdNumber, demoPeriod } from '../../../../../../scripts/local/seed';
import {
  find,
  loadPage,
  openPage,
  tapButton,
  textOf,
  toastOf,
  typeInto,
  useBridge,
  type SimPage,
} from '../../../../../support/cloud-bridge';
import {
  afterAutosave,
  agreeConsent,
  attest,
  choose,
  consentDialog,
  DEEDS,
  field,
  fillForm,
  formOf,
  isDisabled,
  refuseConsent,
  tipOf,
} from '../../../../support/form-driver';

const bridge = useBridge({ openid: 'dev-youth-zhang' });
const FORM = loadPage('package-youth/pages/nomination/form/index');
const FORM_ROUTE = 'package-youth/pages/nomination/form/index';

/** The fields of the page's data these tests read. */
interface PageData {
  loadError: string;
  locked: boolean;
  valid: boolean;
}
const open = () => openPage<PageData>(FORM, bridge);

const ZHANG = { name: '张晓青', idNumber: demoIdNumber('330602', '1998-01-01', 24), phone: '13900001111' };
const PERSONAL_KEY = 'hqn.selfNomination.personal';

const dayBefore = (date: string): string =>
  new Date(Date.parse(`${date}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);

const submitCalls = () => bridge.calls.filter((c) => c.action === 'submitSelf');
const nominationsOf = (openid: string) =>
  bridge.deps.store.collection<{ _id: string } & Record<string, unknown>>('nominations').find({ youthOpenid: openid });

/** Opens the form and agrees to the consent dialog it shows on first use. */
async function openAgreed(): Promise<SimPage<PageData>> {
  const page = await open();
  await agreeConsent(page, bridge);
  return page;
}

describe('self-nomination form: consent (PIPL art. 29)', () => {
  it('asks on first open, records the agreement, and does not ask again', async () => {
    const page = await open();
    expect(consentDialog(page).visible).toBe(true);
    expect(page.data.locked).toBe(true);
    expect(isDisabled(page, 'id')).toBe(true);
    expect(isDisabled(page, 'phone')).toBe(true);

    await agreeConsent(page, bridge);
    expect(bridge.calls.find((c) => c.action === 'recordConsent')?.data).toEqual({
      purpose: 'personal_info',
      version: PERSONAL_INFO_CONSENT_VERSION,
      granted: true,
    });
    expect(consentDialog(page).visible).toBe(false);
    expect(page.data.locked).toBe(false);
    expect(isDisabled(page, 'id')).toBe(false);

    const again = await open();
    expect(consentDialog(again).visible).toBe(false);
    expect(again.data.locked).toBe(false);
    expect(bridge.calls.filter((c) => c.action === 'recordConsent')).toHaveLength(1);
  });

  it('asks again when the consent on file is for an older text', async () => {
    await bridge.deps.store.collection<{ _id: string } & Record<string, unknown>>('consents').insert({
      _id: 'dev-youth-zhang:personal_info',
      openid: 'dev-youth-zhang',
      purpose: 'personal_info',
      version: '2020-01-v0',
      granted: true,
      at: bridge.now,
      history: [],
    });
    const page = await open();
    expect(consentDialog(page).visible).toBe(true);
    expect(page.data.locked).toBe(true);
  });

  it('after a refusal: ID and phone locked with a notice, the rest still works and drafts still save', async () => {
    const page = await open();
    await refuseConsent(page, bridge);
    expect(bridge.calls.find((c) => c.action === 'recordConsent')?.data).toMatchObject({ granted: false });
    expect(consentDialog(page).visible).toBe(false);
    expect(isDisabled(page, 'id')).toBe(true);
    expect(isDisabled(page, 'phone')).toBe(true);
    expect(textOf(find(page, ['.consent', '.consent-refused']))).toContain(
      '您未同意《个人信息处理规则》，暂不能填写身份证号和手机号',
    );
    expect(tipOf(page, 'id')).toBe('同意《个人信息处理规则》后方可填写');

    await typeInto(page, field('name'), '张晓青', bridge);
    await choose(page, '.edu-master', bridge);
    await afterAutosave(bridge);
    const drafts = await bridge.deps.store
      .collection<{ _id: string; fields: Record<string, unknown> }>('drafts')
      .find({});
    expect(drafts).toHaveLength(1);
    expect(drafts[0].fields).toMatchObject({ name: '张晓青', education: 'master' });
    expect(textOf(page.querySelector('.draft-saved')!)).toMatch(/^草稿已保存 \d\d:\d\d$/);
    expect(page.data.valid).toBe(false);

    // The notice reopens the rules; agreeing unlocks the numbers.
    await tapButton(page, ['.consent', '.consent-open'], bridge);
    expect(consentDialog(page).visible).toBe(true);
    await agreeConsent(page, bridge);
    expect(isDisabled(page, 'id')).toBe(false);
  });
});

describe('self-nomination form: instant feedback', () => {
  it('explains a bad check digit, the age limit of the period, and derives birth date and sex', async () => {
    const { cutoffBirthDate } = demoPeriod(bridge.now);
    const page = await openAgreed();

    await typeInto(page, field('id'), '33060219980101', bridge);
    expect(tipOf(page, 'id')).toBe('请输入18位身份证号（已输入14位）');

    await typeInto(
      page,
      field('id'),
      `${ZHANG.idNumber.slice(0, 17)}${ZHANG.idNumber[17] === '1' ? '2' : '1'}`,
      bridge,
    );
    expect(tipOf(page, 'id')).toBe('身份证号校验位不正确，请核对最后一位');
    expect(formOf(page).view.fields.idNumber.status).toBe('error');

    await typeInto(page, field('id'), demoIdNumber('330602', dayBefore(cutoffBirthDate), 12), bridge);
    expect(tipOf(page, 'id')).toBe(`${chineseDate(cutoffBirthDate)}（含）以后出生方可参加本期选培`);

    // The cutoff day itself is eligible; digit 17 odd = male.
    await typeInto(page, field('id'), demoIdNumber('330602', cutoffBirthDate, 13), bridge);
    expect(tipOf(page, 'id')).toBe(`出生日期：${chineseDate(cutoffBirthDate)}，性别：男`);
    expect(formOf(page).view.fields.idNumber.status).toBe('success');
  });

  it('offers only the degrees the education allows', async () => {
    const page = await openAgreed();
    expect(textOf(find(page, ['.form', '.degree-hint']))).toBe('请先选择学历');

    await choose(page, '.edu-associate', bridge);
    expect(formOf(page).view.degrees).toEqual(['none']);
    expect(formOf(page).form.degree).toBe('none'); // the only choice is taken
    expect(find(page, '.form').querySelector('.degree-bachelor')).toBeUndefined();

    await choose(page, '.edu-master', bridge);
    expect(formOf(page).view.degrees).toEqual(['master', 'bachelor', 'none']);
    await choose(page, '.degree-master', bridge);
    expect(formOf(page).form.degree).toBe('master');

    // A master's degree does not fit undergraduate study: the choice is cleared.
    await choose(page, '.edu-bachelor', bridge);
    expect(formOf(page).view.degrees).toEqual(['bachelor', 'none']);
    expect(formOf(page).form.degree).toBe('');
  });

  it('keeps submit disabled while one attestation is unticked', async () => {
    const page = await openAgreed();
    await fillForm(page, bridge, ZHANG, { except: ['moral'] });
    expect(formOf(page).form.attestations).toEqual({ political: true, moral: false, contribution: true });
    expect(page.data.valid).toBe(false);
    await tapButton(page, '.submit', bridge);
    expect(submitCalls()).toHaveLength(0);

    await attest(page, 'moral', bridge);
    expect(page.data.valid).toBe(true);
  });

  it('counts the deeds as they are typed against the 50–1500 rule', async () => {
    const page = await openAgreed();
    const counter = () => [
      textOf(find(page, ['.form', '.deeds-counter__tip'])),
      textOf(find(page, ['.form', '.deeds-counter__count'])),
    ];
    expect(counter()).toEqual(['请填写50–1500字', '0/1500']);
    await typeInto(page, field('deeds'), '参与数字化改革项目', bridge);
    expect(counter()).toEqual(['还需至少41字', '9/1500']);
    await typeInto(page, field('deeds'), DEEDS, bridge);
    expect(counter()).toEqual(['字数符合要求', `${DEEDS.length}/1500`]);
  });

  it('flags a bad phone number and the on-staff requirement', async () => {
    const page = await openAgreed();
    await typeInto(page, field('phone'), '12345678901', bridge);
    expect(tipOf(page, 'phone')).toBe('手机号格式不正确');

    // The whole row is the tap target (issue 9 §14: the switch alone is 28 px high; it only shows the state).
    find(page, ['.form', '.on-staff-row']).querySelector('.t-cell')!.dispatchEvent('tap');
    await bridge.idle();
    expect(formOf(page).form.onStaff).toBe(false);
    expect(textOf(find(page, ['.form', '.on-staff-error']))).toBe('须为本单位在编人员方可参加选培');

    find(page, ['.form', '.on-staff-row']).querySelector('.t-cell')!.dispatchEvent('tap');
    await bridge.idle();
    expect(formOf(page).form.onStaff).toBe(true);
  });
});

describe('self-nomination form: drafts', () => {
  it('saves a draft about 800 ms after typing, without the ID number and phone, which stay on the phone', async () => {
    const page = await openAgreed();
    await fillForm(page, bridge, ZHANG);
    expect(bridge.calls.filter((c) => c.action === 'saveDraft')).toHaveLength(0); // debounced
    await afterAutosave(bridge);

    const saves = bridge.calls.filter((c) => c.action === 'saveDraft');
    expect(saves).toHaveLength(1);
    expect(JSON.stringify(saves[0].data)).not.toContain(ZHANG.idNumber);
    expect(JSON.stringify(saves[0].data)).not.toContain(ZHANG.phone);
    expect(bridge.storage.get(PERSONAL_KEY)).toEqual({ idNumber: ZHANG.idNumber, phone: ZHANG.phone });
    expect(textOf(page.querySelector('.draft-saved')!)).toMatch(/^草稿已保存 \d\d:\d\d$/);
  });

  it('restores the server draft and the numbers kept on the phone when the page is opened again', async () => {
    const first = await openAgreed();
    await fillForm(first, bridge, ZHANG);
    first.triggerPageLifeTime('hide'); // leaving the page saves at once
    await bridge.idle();

    const page = await open();
    expect(consentDialog(page).visible).toBe(false);
    expect(formOf(page).form).toMatchObject({
      name: ZHANG.name,
      idNumber: ZHANG.idNumber,
      phone: ZHANG.phone,
      education: 'bachelor',
      degree: 'bachelor',
      politicalStatus: 'league_member',
      post: '软件工程师',
      deeds: DEEDS,
      attestations: { political: true, moral: true, contribution: true },
    });
    expect(textOf(page.querySelector('.draft-saved')!)).toMatch(/^草稿已保存 \d\d:\d\d$/);
    expect(page.data.valid).toBe(true);
  });
});

/** The simulated `wx` of the page tests, for stubbing the media and storage APIs. */
const wxGlobal = () =>
  (globalThis as unknown as { wx: Record<string, unknown> & { cloud: Record<string, unknown> } }).wx;

describe('self-nomination form: submit', () => {
  it('submits after confirmation, goes to "my nomination", and the record has every field', async () => {
    const page = await openAgreed();
    await fillForm(page, bridge, ZHANG);
    await tapButton(page, '.submit', bridge);

    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '确认提交' }));
    expect(bridge.nav.redirectTo).toHaveBeenCalledWith({ url: '/package-youth/pages/nomination/mine/index' });
    const saved = await nominationsOf('dev-youth-zhang');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({
      status: 'submitted',
      channel: 'self',
      name: '张晓青',
      idNumberMasked: maskIdNumber(ZHANG.idNumber),
      phoneMasked: '139****1111',
      birthDate: '1998-01-01',
      education: 'bachelor',
      degree: 'bachelor',
      politicalStatus: 'league_member',
      duty: '研发部副主任',
      post: '软件工程师',
      title: '工程师',
      skillLevel: '高级工',
      onStaff: true,
      attestations: { political: true, moral: true, contribution: true },
      deeds: DEEDS,
      showcaseConsent: false,
    });
    // The phone forgets the numbers; the server forgets the draft.
    expect(bridge.storage.has(PERSONAL_KEY)).toBe(false);
    await expect(bridge.deps.store.collection('drafts').count({})).resolves.toBe(0);
  });

  it('records the showcase consent when the youth switches it on (R8.1)', async () => {
    const page = await openAgreed();
    await fillForm(page, bridge, ZHANG);
    find(page, ['.form', '.showcase-row']).querySelector('.t-cell')!.dispatchEvent('tap');
    await bridge.idle();
    await tapButton(page, '.submit', bridge);
    const [saved] = await nominationsOf('dev-youth-zhang');
    expect(saved).toMatchObject({ showcaseConsent: true });
  });

  it('uploads an optional photo to cloud storage and keeps its file id on the record', async () => {
    const cloud = wxGlobal().cloud;
    // Stored where the function looks (the bridge's file store), under the path the phone chose.
    const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(1000, 5)]);
    const upload = jest.fn(async ({ cloudPath }: { cloudPath: string }) => ({
      fileID: (await bridge.deps.files.put(cloudPath, JPEG, 'image/jpeg')).fileId,
    }));
    cloud.uploadFile = upload;
    wxGlobal().chooseMedia = jest.fn(async () => ({
      tempFiles: [{ tempFilePath: 'wxfile://tmp/photo.jpg', size: 120_000 }],
    }));
    const page = await openAgreed();
    await fillForm(page, bridge, ZHANG);
    await tapButton(page, ['.form', '.photo-upload'], bridge);
    expect(upload).toHaveBeenCalledWith(expect.objectContaining({ filePath: 'wxfile://tmp/photo.jpg' }));
    await tapButton(page, '.submit', bridge);
    const [saved] = await nominationsOf('dev-youth-zhang');
    // Under the youth's own prefix (account.uploadPath): the only place the function accepts a photo from.
    expect(upload).toHaveBeenCalledWith(
      expect.objectContaining({ cloudPath: expect.stringMatching(/^uploads\/[0-9a-f]{24}\/photos-[a-z0-9]+\.jpg$/) }),
    );
    expect((saved as unknown as { photoFileId: string }).photoFileId).toMatch(
      /^local:\/\/uploads-[0-9a-f]{24}-photos-[a-z0-9]+\.jpg$/,
    );
  });

  it('refuses a photo over 5 MB with a clear message', async () => {
    wxGlobal().chooseMedia = jest.fn(async () => ({
      tempFiles: [{ tempFilePath: 'wxfile://big.jpg', size: 6 * 1024 * 1024 }],
    }));
    const page = await openAgreed();
    await tapButton(page, ['.form', '.photo-upload'], bridge);
    expect((find(page, '.form').data as { photoError: string }).photoError).toBe('照片不能超过 5 MB');
  });

  it('a double tap creates one nomination', async () => {
    const page = await openAgreed();
    await fillForm(page, bridge, ZHANG);
    const button = find(page, ['.submit', '.t-button']);
    button.dispatchEvent('tap');
    button.dispatchEvent('tap');
    await bridge.idle();

    await expect(nominationsOf('dev-youth-zhang')).resolves.toHaveLength(1);
    expect(submitCalls()).toHaveLength(1);
    expect(bridge.nav.redirectTo).toHaveBeenCalledTimes(1);
  });

  it('a retry after a lost answer reuses the request id, so the server keeps one nomination', async () => {
    const page = await openAgreed();
    await fillForm(page, bridge, ZHANG);
    bridge.loseNextAnswer();
    await tapButton(page, '.submit', bridge);
    expect(toastOf(page).message).toBe('网络异常，请检查网络后重试');
    expect(bridge.nav.redirectTo).not.toHaveBeenCalled();

    await tapButton(page, '.submit', bridge);
    const [first, second] = submitCalls();
    expect(second.requestId).toBe(first.requestId);
    expect(bridge.nav.redirectTo).toHaveBeenCalledWith({ url: '/package-youth/pages/nomination/mine/index' });
    await expect(nominationsOf('dev-youth-zhang')).resolves.toHaveLength(1);
  });

  it('does nothing when the youth cancels the confirmation', async () => {
    const page = await openAgreed();
    await fillForm(page, bridge, ZHANG);
    bridge.cancelModals();
    await tapButton(page, '.submit', bridge);
    expect(submitCalls()).toHaveLength(0);
    expect(bridge.nav.redirectTo).not.toHaveBeenCalled();
  });

  it('shows a server verdict under the field it concerns until the field changes', async () => {
    const page = await openAgreed();
    // The city tightened the period's rules after the page loaded: the server is the authority (R2.5).
    const period = demoPeriod(bridge.now);
    const stricter = addYears(period.cutoffBirthDate, 10);
    await bridge.deps.store
      .collection('periods')
      .updateOne({ _id: period._id }, { $set: { cutoffBirthDate: stricter } });

    await fillForm(page, bridge, { ...ZHANG, idNumber: demoIdNumber('330602', dayBefore(stricter), 24) });
    await tapButton(page, '.submit', bridge);

    const message = `${chineseDate(stricter)}（含）以后出生方可参加本期选培`;
    expect(tipOf(page, 'id')).toBe(message);
    expect(formOf(page).view.fields.idNumber.status).toBe('error');
    expect(toastOf(page)).toMatchObject({ visible: true, message });
    expect(page.data.valid).toBe(false);
    expect(bridge.nav.redirectTo).not.toHaveBeenCalled();

    await typeInto(page, field('id'), demoIdNumber('330602', '2005-01-01', 24), bridge);
    expect(formOf(page).view.fields.idNumber.status).toBe('success');
  });

  it('shows a form-level server error (someone already nominated with this ID) in Chinese', async () => {
    const page = await openAgreed();
    await fillForm(page, bridge, {
      name: '李明',
      idNumber: demoIdNumber('330602', '1995-03-15', 123),
      phone: '13800001234',
    });
    await tapButton(page, '.submit', bridge);
    expect(textOf(page.querySelector('.form-error')!)).toBe('本期已存在该人员的推荐，不能重复提交');
    expect(toastOf(page).message).toBe('本期已存在该人员的推荐，不能重复提交');
  });
});

// Issue 9 §15: the guidance names each missing item, and the name given when binding is already there.
describe('self-nomination form: guidance', () => {
  const missingOf = (page: SimPage<PageData>) => page.querySelectorAll('.missing__item').map((n) => textOf(n));

  it('starts with the name the youth gave when binding, and lists each item still missing', async () => {
    const page = await openAgreed();
    expect(formOf(page).form.name).toBe('张晓青');
    expect(missingOf(page)).toEqual([
      '身份证号',
      '手机号',
      '学历',
      '学位',
      '政治面貌',
      '岗位',
      '典型事迹（至少50字）',
      '确认：政治素质过硬',
      '确认：道德品行良好',
      '确认：业绩贡献突出',
    ]);
    expect(textOf(page)).not.toContain('请按提示填写完整、确认三项标准后提交');
  });

  it('shrinks the list as items are filled, and names what is wrong as well as what is empty', async () => {
    const page = await openAgreed();
    await typeInto(page, field('id'), '330602199801010000', bridge);
    await typeInto(page, field('phone'), ZHANG.phone, bridge);
    const missing = missingOf(page);
    expect(missing).toContain('身份证号有误');
    expect(missing).not.toContain('手机号');
  });

  it('asks for the consent first while it is not given', async () => {
    const page = await open();
    await refuseConsent(page, bridge);
    expect(missingOf(page)[0]).toBe('同意《个人信息处理规则》');
  });

  it('lists nothing once the form can be submitted', async () => {
    const page = await openAgreed();
    await fillForm(page, bridge, ZHANG);
    expect(page.data.valid).toBe(true);
    expect(page.querySelector('.missing')).toBeUndefined();
  });
});

describe('self-nomination form: states', () => {
  it('tells a youth who already has a nomination under review to view it instead', async () => {
    bridge.setOpenid('dev-youth-li');
    const page = await open();
    expect(textOf(page)).toContain('您本期已提交推荐（待审核），不能重复提交。');
    expect(page.querySelector('.consent')).toBeUndefined(); // nothing to consent to here
    await tapButton(page, '.view-mine', bridge);
    expect(bridge.nav.redirectTo).toHaveBeenCalledWith({ url: '/package-youth/pages/nomination/mine/index' });
  });

  it('prefills a returned nomination from the record, except the numbers, and shows the reason', async () => {
    const [li] = await bridge.deps.store.collection('nominations').find({ youthOpenid: 'dev-youth-li' });
    await FUNCTIONS.nomination.handle(
      { action: 'review', data: { nominationId: li._id, decision: 'return', comment: '岗位请写全称' } },
      { openid: 'dev-unit-admin' },
      bridge.deps,
    );
    bridge.setOpenid('dev-youth-li');
    // Opened from 我的推荐 (修改后重新提交): that page is below this one.
    const stack = [
      { route: 'pages/home/index' },
      { route: 'package-youth/pages/nomination/mine/index' },
      { route: FORM_ROUTE },
    ];
    const pages = jest.spyOn(globalThis as unknown as { getCurrentPages: () => unknown[] }, 'getCurrentPages');
    pages.mockReturnValue(stack);
    const page = await open();
    expect(textOf(page.querySelector('.returned')!)).toContain('单位退回修改：岗位请写全称');
    expect(formOf(page).form).toMatchObject({
      name: '李明',
      post: '研发工程师',
      education: 'bachelor',
      degree: 'bachelor',
      attestations: { political: true, moral: true, contribution: true },
      idNumber: '',
      phone: '',
    });
    expect(formOf(page).form.deeds.length).toBeGreaterThanOrEqual(50);

    // The youth re-enters the numbers and resubmits: the same record, now resubmitted.
    await typeInto(page, field('id'), demoIdNumber('330602', '1995-03-15', 123), bridge);
    await typeInto(page, field('phone'), '13800001234', bridge);
    await typeInto(page, field('post'), '研发中心软件研发工程师', bridge);
    await tapButton(page, '.submit', bridge);
    const saved = await nominationsOf('dev-youth-li');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ status: 'submitted', post: '研发中心软件研发工程师' });
    // Issue 9 §12: back to that 我的推荐 (which reloads on show), not a second one on top of it.
    expect(bridge.nav.navigateBack).toHaveBeenCalledWith(expect.objectContaining({ delta: 1 }));
    expect(bridge.nav.redirectTo).not.toHaveBeenCalled();
    pages.mockRestore();
  });

  it('asks an unbound user to bind a unit first', async () => {
    bridge.setOpenid('dev-youth-new');
    const page = await open();
    expect(textOf(page)).toContain('请先绑定所在单位');
    await tapButton(page, '.bind-unit', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-youth/pages/account/bind-unit/index' }),
    );
  });

  it('explains that the window has closed and keeps submit disabled', async () => {
    const deadline = new Date(Date.now() - 86_400_000);
    await bridge.deps.store
      .collection('periods')
      .updateOne({ _id: demoPeriod(bridge.now)._id }, { $set: { nominationDeadline: deadline.toISOString() } });
    const page = await openAgreed();
    const day = new Date(deadline.getTime() + 8 * 3_600_000).toISOString().slice(0, 10);
    expect(textOf(page.querySelector('.closed')!)).toBe(`本期推荐已截止（截止时间：${chineseDate(day)}）`);
    await fillForm(page, bridge, ZHANG);
    await tapButton(page, '.submit', bridge);
    expect(submitCalls()).toHaveLength(0);
  });

  it('shows the network error and loads again on retry', async () => {
    bridge.setOffline(true);
    const page = await open();
    expect(textOf(page)).toContain('网络异常，请检查网络后重试');
    bridge.setOffline(false);
    await tapButton(page, ['.page-state', '.retry'], bridge);
    expect(page.data.loadError).toBe('');
    expect(find(page, field('id'))).toBeTruthy();
  });
});

describe('self-nomination into a filed, locked list (issue 9 §3)', () => {
  it('tells the youth before submitting that the record will wait for the list to reopen', async () => {
    const filed = await FUNCTIONS.admin.handle(
      {
        action: 'file',
        data: { filingId: `${demoPeriod(bridge.now)._id}:district:yuecheng`, emptyReason: '本期暂无推荐人选' },
      },
      { openid: 'dev-district-admin' },
      bridge.deps,
    );
    expect(filed.ok).toBe(true);
    const page = await openPage(FORM, bridge);
    expect(textOf(find(page, '.held-notice'))).toContain(
      '本单位本期名单已备案锁定。您仍可提交，提交后将显示“待重新开放”',
    );
  });

  it('says nothing of the kind while the list is open', async () => {
    const page = await openPage(FORM, bridge);
    expect(page.querySelector('.held-notice')).toBeUndefined();
  });
});
