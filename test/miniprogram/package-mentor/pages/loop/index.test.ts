import type { AgreementDoc } from '../../../../../cloudfunctions/_lib/collections';
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
import { activePair, MENTOR } from '../../support';

// A whole cycle across personas: many calls and renders, slow on a loaded machine.
jest.setTimeout(30_000);

const bridge = useBridge({ openid: MENTOR });
const LOOP = loadPage('package-mentor/pages/loop/index');

interface LoopData {
  t: { cycles: Array<{ n: number; status: string; mine: boolean }>; meetings: unknown[] } | null;
}
const open = (id: string) => openPage<LoopData>(LOOP, bridge, { id });

describe('培养记录', () => {
  it('runs one cycle on the pages: tasks, report, evaluation, acknowledgement, plan; the next cycle opens', async () => {
    const id = await activePair(bridge);
    let page = await open(id);
    expect(textOf(page)).toContain('第 1 周期');
    expect(textOf(page)).toContain('布置学习任务 · 导师');
    await tapButton(page, '.step-submit', bridge);
    expect(toastOf(page).message).toBe('请填写至少一项学习任务（每行一项）');
    await typeInto(page, '.tasks', '阅读案例选编\n走访一家企业', bridge);
    await tapButton(page, '.step-submit', bridge);
    expect(textOf(page)).toContain('学习任务：阅读案例选编；走访一家企业');

    bridge.setOpenid('dev-youth-li');
    page = await open(id);
    expect(page.data.t?.cycles[0]).toMatchObject({ status: 'report', mine: true });
    await typeInto(page, '.report', '读完案例选编，走访了柯桥一家印染企业，写了体会。', bridge);
    await tapButton(page, '.step-submit', bridge);

    bridge.setOpenid(MENTOR);
    page = await open(id);
    await tap(page, '.rating-4', bridge);
    await typeInto(page, '.comment', '走访扎实，体会深入', bridge);
    await tapButton(page, '.step-submit', bridge);
    expect(textOf(page)).toContain('导师评价：4 分，走访扎实，体会深入');

    bridge.setOpenid('dev-youth-li');
    page = await open(id);
    await tapButton(page, '.step-submit', bridge); // acknowledge
    await typeInto(page, '.plan', '下月写一份企业数字化调研报告。', bridge);
    await tapButton(page, '.step-submit', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '提交改进计划' }));
    expect(page.data.t?.cycles.map((c) => [c.n, c.status])).toEqual([
      [2, 'tasks'],
      [1, 'done'],
    ]);
    const a = await bridge.deps.store.collection<AgreementDoc>('agreements').get(id);
    expect(a).toMatchObject({ stepsDone: 5, ratings: [4] });
  });

  it('logs a meeting with its date, form and summary', async () => {
    const id = await activePair(bridge);
    const page = await open(id);
    await tap(page, '.form-phone', bridge);
    await typeInto(page, '.summary', '电话沟通学习安排', bridge);
    await tapButton(page, '.meeting-submit', bridge);
    expect(toastOf(page).message).toBe('见面已记录');
    expect(textOf(page)).toContain('· 电话沟通电话沟通学习安排（王导师记录）');
  });
});
