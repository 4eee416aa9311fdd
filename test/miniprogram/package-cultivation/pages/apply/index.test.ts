import { C, type PartyRecordDoc } from '../../../../../cloudfunctions/_lib/collections';
import { loadPage, openPage, tap, tapButton, textOf, useBridge } from '../../../../support/cloud-bridge';
import { UNIT_ADMIN } from '../../support';

const bridge = useBridge({ openid: UNIT_ADMIN });
const APPLY = loadPage('package-cultivation/pages/apply/index');
const PIPELINE = loadPage('package-cultivation/pages/pipeline/index');
const TIMELINE = loadPage('package-cultivation/pages/timeline/index');

describe('登记入党申请', () => {
  it('the unit picks a youth of its database, states League membership, confirms; the pipeline shows them', async () => {
    const pipeline = await openPage(PIPELINE, bridge, {});
    expect(pipeline.querySelector('.open-apply')).toBeTruthy();
    const page = await openPage(APPLY, bridge, { unitId: 'yuecheng-tech' });
    const text = textOf(page);
    expect(text).toContain('王晓华');
    expect(text).toContain('点击登记入党申请');
    const row = page.querySelectorAll('.candidate').find((r) => textOf(r).includes('王晓华'))!;
    row.dispatchEvent('tap');
    await bridge.idle();
    expect(textOf(page)).toContain('为王晓华登记入党申请');
    await tap(page, '.league', bridge); // not a League member
    await tapButton(page, '.submit', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '登记入党申请' }));
    expect(bridge.calls.find((c) => c.action === 'startPartyForYouth')?.data).toMatchObject({
      youthId: 'demo-youth-2',
      leagueMember: false,
    });
    const record = await bridge.deps.store.collection<PartyRecordDoc>(C.partyRecords).get('demo-youth-2');
    expect(record).toMatchObject({ source: 'registry', leagueMember: false, status: 'applicant' });
    const again = await openPage(APPLY, bridge, { unitId: 'yuecheng-tech' });
    const done = again.querySelectorAll('.candidate').find((r) => textOf(r).includes('王晓华'))!;
    expect(textOf(done)).toContain('已有入党培养记录，点击查看');
    const list = await openPage(PIPELINE, bridge, {});
    expect(textOf(list)).toContain('王晓华');
    // Their record holds the Party steps only: no ledger, no reserve cadre (those are for the 好青年).
    const timeline = await openPage(TIMELINE, bridge, { id: 'demo-youth-2' });
    const shown = textOf(timeline);
    expect(shown).toContain('当前阶段：入党申请人');
    expect(shown).not.toContain('培养锻炼');
    expect(shown).not.toContain('后备干部');
    expect(timeline.querySelector('.step-recommend')).toBeTruthy();
  });

  it('the district sees no entry without naming a unit; a youth is refused in Chinese', async () => {
    bridge.setOpenid('dev-district-admin');
    const pipeline = await openPage(PIPELINE, bridge, {});
    expect(pipeline.querySelector('.open-apply')).toBeFalsy();
    bridge.setOpenid('dev-youth-li');
    const page = await openPage(APPLY, bridge, { unitId: 'yuecheng-tech' });
    expect(textOf(page)).toContain('您没有进行此操作的权限');
  });
});
