import type { ServiceRequestDoc } from '../../../../../cloudfunctions/_lib/collections';
import {
  loadPage,
  openPage,
  tap,
  tapButton,
  textOf,
  toastOf,
  typeInto,
  useBridge,
} from '../../../../support/cloud-bridge';
import { JPEG, PDF } from '../../../../support/uploads';

const bridge = useBridge({ openid: 'dev-youth-zhang' });
const FORM = loadPage('package-services/pages/form/index');

interface FormData {
  needsConsent: boolean;
  fields: Array<{ key: string; value: string; error: string }>;
  descriptionError: string;
  attachments: Array<{ key: string; state: string; stateText: string; fileId: string }>;
}

const wxGlobal = () =>
  (globalThis as unknown as { wx: Record<string, unknown> & { cloud: Record<string, unknown> } }).wx;

/** Picks the housing fields and a description. */
async function fillHousing(page: Awaited<ReturnType<typeof open>>) {
  for (const value of ['租房', '越城区', '2000–4000元/月']) {
    page
      .querySelectorAll('.choice')
      .find((c) => textOf(c) === value)!
      .dispatchEvent('tap');
    await bridge.idle();
  }
  await typeInto(page, '.description', '附上租房合同和房屋照片', bridge);
}
const open = (query: Record<string, string>) => openPage<FormData>(FORM, bridge, query);

describe('服务申请 (the request form)', () => {
  it('housing in a few taps: choose each field, describe, confirm — then the request opens', async () => {
    const page = await open({ type: 'housing' });
    expect(textOf(page)).toContain('1个工作日内受理，10个工作日内办结');
    await tapButton(page, '.submit', bridge);
    expect(page.data.fields.map((f) => f.error)).toEqual(['请选择或填写', '请选择或填写', '请选择或填写']);
    expect(page.data.descriptionError).toBe('请简要描述您的需求（至少5个字）');
    expect(bridge.calls.map((c) => c.action)).not.toContain('submit');
    for (const value of ['租房', '越城区', '2000–4000元/月']) {
      const choice = page.querySelectorAll('.choice').find((c) => textOf(c) === value);
      choice!.dispatchEvent('tap');
      await bridge.idle();
    }
    await typeInto(page, '.description', '刚来绍兴工作，想申请人才公寓', bridge);
    await tapButton(page, '.submit', bridge);
    const saved = await bridge.deps.store.collection<ServiceRequestDoc>('serviceRequests').find({});
    expect(saved).toHaveLength(1);
    expect(bridge.nav.redirectTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: `/package-services/pages/request/index?id=${saved[0]._id}` }),
    );
  });

  it('a sensitive type asks its own consent first; refusing goes back', async () => {
    const page = await open({ type: 'children' });
    expect(page.data.needsConsent).toBe(true);
    expect(textOf(page)).toContain('仅本服务的经办人可以查看，其他管理员只能看到申请数量');
    expect(page.querySelector('.submit')).toBeUndefined();
    await tapButton(page, '.consent-no', bridge);
    expect(bridge.nav.navigateBack).toHaveBeenCalled();
    await tapButton(page, '.consent-yes', bridge);
    expect(page.data.needsConsent).toBe(false);
    expect(bridge.calls.find((c) => c.action === 'consent')?.data).toEqual({ typeId: 'children', granted: true });
    expect(page.querySelector('.submit')).toBeDefined();
  });

  it('a cancelled confirmation sends nothing; an unknown type says so', async () => {
    const page = await open({ type: 'skills' });
    await tap(page, '.choice', bridge);
    await typeInto(page, '.description', '想考数字技能证书', bridge);
    bridge.cancelModals();
    await tapButton(page, '.submit', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('submit');
    const other = await open({ type: 'nope' });
    expect(textOf(other)).toContain('该服务类型暂不可申请');
  });

  it('attaches photos and a PDF: uploaded as picked, one removed before sending, the rest on the request', async () => {
    // The phone's cloud storage is the bridge's file store: what the function downloads and checks.
    let failNext = false;
    const upload = jest.fn(async ({ cloudPath }: { cloudPath: string }) => {
      if (failNext) {
        failNext = false;
        throw new Error('network');
      }
      const bytes = cloudPath.endsWith('.pdf') ? PDF : Buffer.concat([JPEG, Buffer.from(cloudPath)]);
      return { fileID: (await bridge.deps.files.put(cloudPath, bytes, '')).fileId };
    });
    wxGlobal().cloud.uploadFile = upload;
    wxGlobal().chooseMedia = jest.fn(async () => ({
      tempFiles: [
        { tempFilePath: 'wxfile://tmp/a.jpg', size: 200_000 },
        { tempFilePath: 'wxfile://tmp/b.png', size: 300_000 },
      ],
    }));
    wxGlobal().chooseMessageFile = jest.fn(async () => ({
      tempFiles: [{ path: 'wxfile://tmp/contract.pdf', size: 900_000, name: '租房合同.pdf' }],
    }));
    const page = await open({ type: 'housing' });
    await fillHousing(page);
    await tapButton(page, '.add-photos', bridge);
    expect(page.data.attachments.map((a) => a.stateText)).toEqual(['已上传', '已上传']);
    expect(upload).toHaveBeenCalledWith(
      expect.objectContaining({
        cloudPath: expect.stringMatching(/^uploads\/[0-9a-f]{24}\/attachments-[a-z0-9]+\.png$/),
      }),
    );
    failNext = true;
    await tapButton(page, '.add-pdf', bridge);
    expect(page.data.attachments[2].state).toBe('failed');
    expect(textOf(page)).toContain('点击重试');
    expect(page.querySelector('.add-photos')).toBeUndefined(); // three is the most
    await tapButton(page, '.submit', bridge);
    expect(toastOf(page).message).toBe('附件还在上传或上传失败，请稍候、重试或删除');
    page.querySelectorAll('.attachment__main')[2].dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.attachments[2].stateText).toBe('已上传');
    const removed = page.data.attachments[0].fileId;
    await tapButton(page, '.remove-attachment', bridge);
    expect(page.data.attachments).toHaveLength(2);
    await tapButton(page, '.submit', bridge);
    const [saved] = await bridge.deps.store.collection<ServiceRequestDoc>('serviceRequests').find({});
    expect(saved.attachments).toEqual(page.data.attachments.map((a) => a.fileId));
    expect(saved.attachments).not.toContain(removed);
  });

  it('refuses a photo over 5 MB and a PDF over 10 MB, with a clear message', async () => {
    wxGlobal().chooseMedia = jest.fn(async () => ({
      tempFiles: [{ tempFilePath: 'wxfile://tmp/big.jpg', size: 6 * 1024 * 1024 }],
    }));
    const page = await open({ type: 'housing' });
    await tapButton(page, '.add-photos', bridge);
    expect(toastOf(page).message).toBe('每张照片不能超过 5 MB');
    expect(page.data.attachments).toEqual([]);
    wxGlobal().chooseMessageFile = jest.fn(async () => ({
      tempFiles: [{ path: 'wxfile://tmp/x.pdf', size: 11 * 1024 * 1024, name: '大文件.pdf' }],
    }));
    await tapButton(page, '.add-pdf', bridge);
    expect(toastOf(page).message).toBe('PDF 文件不能超过 10 MB');
  });
});
