import { C, type MenteeDoc } from '../../../../../cloudfunctions/_lib/collections';
import { FUNCTIONS } from '../../../../../scripts/local/functions';
import { loadPage, openPage, tapButton, textOf, toastOf, typeInto, useBridge } from '../../../../support/cloud-bridge';
import { published } from '../../support';

const bridge = useBridge({ openid: 'dev-youth-li' });
const YOUTH = loadPage('package-mentor/pages/youth/index');

interface YouthData {
  selected: boolean;
  errors: Record<string, string>;
  match: { status: string; reasonError: string } | null;
}
const open = () => openPage<YouthData>(YOUTH, bridge);

/** 李明's submitted nomination of the seed, approved by his unit; its id. */
async function approveLi(): Promise<string> {
  const li = await bridge.deps.store
    .collection<{ _id: string }>(C.nominations)
    .findOne({ youthOpenid: 'dev-youth-li' });
  const id = li?._id ?? '';
  await FUNCTIONS.nomination.handle(
    {
      action: 'review',
      data: { nominationId: id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
    },
    { openid: 'dev-unit-admin' },
    bridge.deps,
  );
  return id;
}

describe('我的导师', () => {
  it('tells a youth not yet selected what comes after', async () => {
    const page = await open();
    expect(textOf(page)).toContain('入选本期好青年后，可在此填写发展目标');
    expect(page.querySelector('.save-goals')).toBeUndefined();
  });

  it('a selected youth saves sector and goals, checked in Chinese first', async () => {
    const id = await approveLi();
    const page = await open();
    await tapButton(page, '.save-goals', bridge);
    expect(page.data.errors.goals).toBe('发展目标至少1个');
    page.querySelectorAll('.sector')[1].dispatchEvent('tap');
    page.querySelectorAll('.goal')[0].dispatchEvent('tap');
    await bridge.idle();
    await tapButton(page, '.save-goals', bridge);
    expect(toastOf(page).message).toBe('发展目标已保存');
    expect(await bridge.deps.store.collection<MenteeDoc>(C.mentees).get(id)).toMatchObject({
      sector: 'finance',
      goals: ['数字化改革'],
    });
  });

  it('shows the published mentor with why, and declines with a reason', async () => {
    const id = await approveLi();
    await published(bridge, id);
    const page = await open();
    expect(textOf(page)).toContain('我的导师：王导师 · 绍兴银行');
    expect(page.data.match?.status).toBe('待导师确认');
    await tapButton(page, '.decline', bridge);
    await tapButton(page, '.decline-confirm', bridge);
    expect(page.data.match?.reasonError).toBe('请填写婉拒原因');
    await typeInto(page, '.decline-reason', '希望结对本行业导师', bridge);
    await tapButton(page, '.decline-confirm', bridge);
    expect(page.data.match).toBeNull();
    expect(toastOf(page).message).toBe('已婉拒，团组织将为您另行安排导师');
  });
});
