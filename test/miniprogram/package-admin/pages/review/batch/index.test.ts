/** 批量通过 (issue 9): tick several, one confirmation, all approved — or none, with the refusal shown whole. */
import type { NominationDoc } from '../../../../../../cloudfunctions/_lib/collections';
import { FUNCTIONS } from '../../../../../../scripts/local/functions';
import {
  find,
  hostText,
  loadPage,
  openPage,
  tapButton,
  textOf,
  useBridge,
  type SimNode,
} from '../../../../../support/cloud-bridge';
import { addNominations } from '../../../../../support/nominees';

const bridge = useBridge({ openid: 'dev-unit-admin' });
const BATCH = loadPage('package-admin/pages/review/batch/index');

const rows = (page: SimNode<unknown>) => page.querySelectorAll('.row');
async function tick(page: SimNode<unknown>, i: number): Promise<void> {
  rows(page)[i].querySelector('.t-checkbox')!.dispatchEvent('tap');
  await bridge.idle();
}
const statuses = async () =>
  (await bridge.deps.store.collection<NominationDoc>('nominations').find({ unitId: 'yuecheng-tech' })).map(
    (n) => n.status,
  );
const setQuota = (quota: number) =>
  FUNCTIONS.admin.handle(
    { action: 'setQuota', data: { unitId: 'yuecheng-tech', quota, reason: '测试调整' } },
    { openid: 'dev-city-admin' },
    bridge.deps,
  );

describe('批量通过', () => {
  it('ticks three, confirms once, and all three are approved', async () => {
    await setQuota(5);
    await addNominations(bridge.deps, 'yuecheng-tech', 3, { status: 'submitted', seqStart: 500 });
    const page = await openPage(BATCH, bridge);
    expect(rows(page).length).toBe(4); // the seed's 李明 and three more
    expect(textOf(page)).toContain('本单位剩余名额5名');
    for (const i of [0, 1, 2]) await tick(page, i);
    expect(hostText(find(page, '.approve-batch'), '.t-button')).toContain('通过所选（3人）');
    await tapButton(page, '.approve-batch', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(
      expect.objectContaining({ title: '确认批量通过', content: expect.stringContaining('共3人，通过后不可撤销') }),
    );
    expect((await statuses()).filter((s) => s === 'approved')).toHaveLength(3);
    expect(rows(page).length).toBe(1);
  });

  it('warns before sending when the ticks exceed the places, and the refusal approves no one', async () => {
    await setQuota(1);
    await addNominations(bridge.deps, 'yuecheng-tech', 1, { status: 'submitted', seqStart: 600 });
    const page = await openPage(BATCH, bridge);
    await tick(page, 0);
    await tick(page, 1);
    expect(textOf(find(page, '.warning'))).toContain('剩余名额1名，已勾选2人');
    await tapButton(page, '.approve-batch', bridge);
    const alert = bridge.modal.mock.calls.map(([o]) => o as { title: string; content: string }).at(-1);
    expect(alert?.title).toBe('批量通过未完成');
    expect(alert?.content).toContain('本次未通过任何人');
    expect(await statuses()).not.toContain('approved');
  });

  it('says so when nothing waits for the caller', async () => {
    const [li] = await bridge.deps.store.collection<NominationDoc>('nominations').find({ youthOpenid: 'dev-youth-li' });
    const decided = await FUNCTIONS.nomination.handle(
      { action: 'review', data: { nominationId: li._id, decision: 'return', comment: '请补充事迹材料' } },
      { openid: 'dev-unit-admin' },
      bridge.deps,
    );
    expect(decided.ok).toBe(true);
    const page = await openPage(BATCH, bridge);
    expect(textOf(page)).toContain('暂无由您审核的待审核推荐');
  });
});
