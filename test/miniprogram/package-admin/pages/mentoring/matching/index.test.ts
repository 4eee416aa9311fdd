import { find, loadPage, openPage, tapButton, textOf, toastOf, useBridge } from '../../../../../support/cloud-bridge';
import { tapNth } from '../../admin/support';
import { CITY_ADMIN, nameOf, selectedYouths } from '../../../../package-mentor/support';

const bridge = useBridge({ openid: CITY_ADMIN });
const MATCHING = loadPage('package-admin/pages/mentoring/matching/index');

interface MatchingData {
  tab: string;
  summary: string;
  total: number;
  items: Array<{ id: string; youth: string; mentor: string; open: boolean; suggestions: unknown[] }>;
}
const open = () => openPage<MatchingData>(MATCHING, bridge);
const drafts = () => bridge.deps.store.collection<{ _id: string; status: string }>('matches');

describe('结对管理', () => {
  it('runs the batch after a confirmation, lists the drafts with why, and publishes them all', async () => {
    const [a] = await selectedYouths(bridge, 2);
    const page = await open();
    expect(textOf(page)).toContain('暂无结对草案，可点击“一键匹配”生成');
    await tapButton(page, '.batch', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '一键匹配' }));
    expect(page.data.summary).toBe('已生成 2 条草案，总匹配分 180；0 人暂无可用导师名额');
    expect(textOf(page)).toContain(`${await nameOf(bridge, a)} · 越城区智造科技有限公司`);
    expect(textOf(page)).toContain('导师：王导师 · 绍兴银行（90 分）');
    expect(textOf(page)).toContain('同属金融系统 · 同在越城区 · 擅长金融服务');

    await tapButton(page, '.publish', bridge);
    expect(page.data.summary).toBe('已发布 2 条结对，已通知导师和青年');
    expect(await drafts().count({ status: 'published' })).toBe(2);
    expect(page.data.items).toHaveLength(0);
  });

  it('does nothing when the admin cancels the batch', async () => {
    await selectedYouths(bridge, 1);
    bridge.cancelModals();
    const page = await open();
    await tapButton(page, '.batch', bridge);
    expect(bridge.calls.map((c) => c.action)).not.toContain('batchMatch');
  });

  it('changes a draft’s mentor from the suggestions, and removes a draft after a confirmation', async () => {
    await selectedYouths(bridge, 2);
    const page = await open();
    await tapButton(page, '.batch', bridge);
    await tapNth(page, '.suggest', 0, bridge);
    expect(page.data.items[0].open).toBe(true);
    expect(textOf(page)).toContain('刘教授 · 绍兴文理学院');
    const index = (page.data.items[0].suggestions as Array<{ mentorName: string }>).findIndex(
      (s) => s.mentorName === '刘教授',
    );
    await tapNth(page, '.pick', index, bridge);
    expect(page.data.items[0].mentor).toBe('刘教授 · 绍兴文理学院');
    expect(toastOf(page).message).toBe('已更换导师');

    await tapNth(page, '.discard', 1, bridge);
    expect(page.data.items).toHaveLength(1);
    expect(await drafts().count({ status: 'discarded' })).toBeGreaterThanOrEqual(1);
  });

  it('proposes a mentor for one youth of the pool', async () => {
    const [a] = await selectedYouths(bridge, 1);
    const page = await open();
    find(page, '.tabs').querySelectorAll('.t-tabs__item')[1].dispatchEvent('tap');
    await bridge.idle();
    expect(page.data.tab).toBe('pool');
    expect(textOf(page)).toContain('希望提升：金融服务');
    await tapNth(page, '.suggest', 0, bridge);
    await tapNth(page, '.pick', 0, bridge);
    expect(toastOf(page).message).toBe('已加入结对草案');
    expect(page.data.items).toHaveLength(0);
    expect(await drafts().count({ status: 'draft', nominationId: a })).toBe(1);
  });
});
