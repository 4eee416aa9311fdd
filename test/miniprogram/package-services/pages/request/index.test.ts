import type { ServiceRequestDoc } from '../../../../../cloudfunctions/_lib/collections';
import {
  find,
  loadPage,
  openPage,
  tap,
  tapButton,
  textOf,
  toastOf,
  typeInto,
  useBridge,
} from '../../../../support/cloud-bridge';
import { uploadAs, JPEG, PDF } from '../../../../support/uploads';
import { arrange, HANDLER, housingRequest, YOUTH } from '../../support';

const bridge = useBridge({ openid: HANDLER });
const REQUEST = loadPage('package-services/pages/request/index');

interface Data {
  detail: { status: string; actions: Array<{ id: string }>; timeline: Array<{ label: string; comment: string }> };
  textError: string;
}
const open = (id: string) => openPage<Data>(REQUEST, bridge, { id });
const actionIds = (page: { data: Data }) => page.data.detail.actions.map((a) => a.id);

describe('服务申请详情', () => {
  it('the handler accepts after a confirmation, posts a note and resolves; each step is in the timeline', async () => {
    const id = await housingRequest(bridge);
    const page = await open(id);
    expect(textOf(page)).toContain('刚来绍兴工作，想申请人才公寓');
    expect(textOf(page)).toContain('预算范围2000–4000元/月');
    expect(actionIds(page)).toEqual(['accept', 'decline']);
    await tapButton(page, '.action--accept', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '受理申请' }));
    expect(page.data.detail.status).toBe('已受理');
    expect(toastOf(page).message).toBe('已受理，申请人已收到通知');
    await tapButton(page, '.action--note', bridge);
    await tapButton(page, '.send', bridge);
    expect(page.data.textError).toBe('请填写办理进展（至少4个字）');
    await typeInto(page, '.text', '已联系人才公寓运营方，下周三看房', bridge);
    await tapButton(page, '.send', bridge);
    expect(page.data.detail.status).toBe('办理中');
    await tapButton(page, '.action--resolve', bridge);
    await typeInto(page, '.text', '已安排入住越城区人才公寓', bridge);
    await tapButton(page, '.send', bridge);
    expect(page.data.detail.status).toBe('已办结');
    expect(textOf(page)).toContain('办理结果');
    expect(page.data.detail.timeline.map((t) => t.label)).toEqual(['办结', '办理进展', '受理', '提交申请']);
  });

  it('the youth rates the resolution (a rating is required) or sees why it cannot be reopened', async () => {
    const id = await housingRequest(bridge);
    await arrange(bridge, HANDLER, 'accept', { requestId: id });
    await arrange(bridge, HANDLER, 'resolve', { requestId: id, text: '已安排入住越城区人才公寓' });
    bridge.setOpenid(YOUTH);
    const page = await open(id);
    expect(actionIds(page)).toEqual(['confirm', 'reopen']);
    await tapButton(page, '.action--confirm', bridge);
    await tapButton(page, '.send', bridge);
    expect(page.data.textError).toBe('请选择满意度');
    const stars = page.querySelectorAll('.star');
    stars[4].dispatchEvent('tap');
    await bridge.idle();
    await typeInto(page, '.text', '办得很快', bridge);
    await tapButton(page, '.send', bridge);
    expect(page.data.detail.status).toBe('已评价');
    expect(textOf(page)).toContain('满意度 5 星 办得很快');
    const doc = await bridge.deps.store.collection<ServiceRequestDoc>('serviceRequests').get(id);
    expect(doc?.rating).toBe(5);
  });

  it('someone who may not read it is told it was not found', async () => {
    const id = await housingRequest(bridge);
    bridge.setOpenid('dev-youth-li');
    const page = await open(id);
    expect(textOf(page)).toContain('未找到该服务申请');
    await tap(page, '.page-state', bridge);
  });

  it('shows the attached photos through short-lived links to the handler and the youth, and opens the PDF', async () => {
    const photo = await uploadAs(bridge.deps, YOUTH, JPEG, 'jpg');
    const pdf = await uploadAs(bridge.deps, YOUTH, PDF, 'pdf');
    const { id } = await arrange<{ id: string }>(bridge, YOUTH, 'submit', {
      typeId: 'housing',
      description: '附上租房合同和房屋照片',
      fields: { mode: '租房', district: '越城区', budget: '2000–4000元/月' },
      attachments: [photo.fileId, pdf.fileId],
    });
    const wx = (globalThis as unknown as { wx: Record<string, unknown> }).wx;
    const downloads: string[] = [];
    wx.downloadFile = jest.fn((o: { url: string; success: (r: { tempFilePath: string }) => void }) => {
      downloads.push(o.url);
      o.success({ tempFilePath: 'wxfile://tmp/doc.pdf' });
    });
    wx.openDocument = jest.fn((o: { success: () => void }) => o.success());
    wx.previewImage = jest.fn();
    for (const who of [HANDLER, YOUTH]) {
      bridge.setOpenid(who);
      const page = await open(id);
      const list = find(page, '.attachment-list');
      const rows = (list.data as { rows: Array<{ label: string; url: string; kind: string }> }).rows;
      expect(rows.map((r) => r.label)).toEqual(['照片 1', 'PDF 文件 1']);
      expect(rows[0].url).toBeTruthy();
      expect(rows[1].url).toBe(''); // asked for when opened
      list.querySelectorAll('.item')[0].dispatchEvent('tap');
      await bridge.idle();
      expect(wx.previewImage).toHaveBeenLastCalledWith({ urls: [rows[0].url], current: rows[0].url });
      list.querySelectorAll('.item')[1].dispatchEvent('tap');
      await bridge.idle();
      expect(wx.openDocument).toHaveBeenLastCalledWith(expect.objectContaining({ fileType: 'pdf' }));
    }
    expect(downloads).toHaveLength(2);
    expect(bridge.calls.filter((c) => c.action === 'attachmentLink')).toHaveLength(4);
  });
});
