import {
  C,
  type MeasureDoc,
  type PartyRecordDoc,
  type ReserveDoc,
} from '../../../../../cloudfunctions/_lib/collections';
import { loadPage, openPage, tapButton, textOf, toastOf, typeInto, useBridge } from '../../../../support/cloud-bridge';
import { approveLi, LI, run, talk, today, UNIT_ADMIN } from '../../support';

const bridge = useBridge({ openid: LI });
const TIMELINE = loadPage('package-cultivation/pages/timeline/index');

describe('培养记录', () => {
  it('tells a youth who was not selected why there is nothing', async () => {
    const page = await openPage(TIMELINE, bridge, {});
    expect(textOf(page)).toContain('您尚未入选好青年');
  });

  it('a 好青年 sees the unit’s records and their own waiting one, and opens the form to add one', async () => {
    const id = await approveLi(bridge);
    await run(bridge, 'cultivation', UNIT_ADMIN, 'recordMeasure', { nominationId: id, measure: talk(today(bridge)) });
    await run(bridge, 'cultivation', LI, 'addMeasure', {
      kind: 'training',
      title: '青年干部能力提升班',
      startDate: today(bridge),
      organiser: '团市委',
      hours: 32,
    });
    const page = await openPage(TIMELINE, bridge, {});
    const text = textOf(page);
    expect(text).toContain('李明');
    expect(text).toContain('谈心交流 · 季度谈心');
    expect(text).toContain('单位党组织负责人 王书记：谈岗位锻炼方向');
    expect(text).toContain('培训 · 青年干部能力提升班');
    expect(text).toContain('待单位确认');
    expect(text).toContain('近六个月已与单位负责人谈心交流');
    expect(text).toContain('尚未登记入党申请');
    expect(page.querySelector('.confirm')).toBeUndefined();
    await tapButton(page, '.add-record', bridge);
    expect(bridge.nav.navigateTo).toHaveBeenCalledWith(
      expect.objectContaining({ url: '/package-cultivation/pages/record/index' }),
    );
  });

  it('the unit confirms one record, declines another with a reason, and records 申请 and 推优', async () => {
    const id = await approveLi(bridge);
    const add = (title: string) =>
      run<{ id: string }>(bridge, 'cultivation', LI, 'addMeasure', {
        kind: 'exchange',
        title,
        startDate: today(bridge),
      });
    const first = await add('青年干部读书会');
    const second = await add('外出学习交流');
    bridge.setOpenid(UNIT_ADMIN);
    const page = await openPage(TIMELINE, bridge, { id });
    expect(page.querySelectorAll('.confirm')).toHaveLength(2);
    await tapButton(page, '.confirm', bridge);
    await tapButton(page, '.decline-open', bridge);
    await tapButton(page, '.decline', bridge);
    expect(toastOf(page).message).toBe('请填写不予确认的原因（至少4个字）');
    await typeInto(page, '.decline-reason', '未提供活动证明材料', bridge);
    await tapButton(page, '.decline', bridge);
    const docs = await bridge.deps.store.collection<MeasureDoc>(C.measures).find({});
    expect(docs.map((d) => d.status).sort()).toEqual(['confirmed', 'declined']);
    expect(docs.find((d) => d.status === 'declined')?.reason).toBe('未提供活动证明材料');
    expect([first.id, second.id].sort()).toEqual(docs.map((d) => d._id).sort());

    await tapButton(page, '.apply', bridge);
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '登记入党申请' }));
    expect(textOf(page)).toContain('当前阶段：入党申请人');
    await tapButton(page, '.step-recommend', bridge);
    expect(toastOf(page).message).toBe('请填写推优团组织');
    await typeInto(page, '.league-org', '智造科技团支部', bridge);
    await tapButton(page, '.step-recommend', bridge);
    expect(textOf(page)).toContain('当前阶段：已推优');
    expect(textOf(page)).toContain('推优团组织：智造科技团支部');
    expect((await bridge.deps.store.collection<PartyRecordDoc>(C.partyRecords).get(id))?.status).toBe('recommended');
  });

  it('a cancelled confirmation records nothing', async () => {
    const id = await approveLi(bridge);
    bridge.setOpenid(UNIT_ADMIN);
    const page = await openPage(TIMELINE, bridge, { id });
    bridge.cancelModals();
    await tapButton(page, '.apply', bridge);
    expect(await bridge.deps.store.collection(C.partyRecords).count({})).toBe(0);
  });

  it('后备干部: the unit nominates with a reason; only the district decides, and admits', async () => {
    const id = await approveLi(bridge);
    bridge.setOpenid(UNIT_ADMIN);
    const unit = await openPage(TIMELINE, bridge, { id });
    expect(textOf(unit)).toContain('尚未推荐为后备干部');
    await tapButton(unit, '.reserve-nominate', bridge);
    expect(toastOf(unit).message).toBe('请填写理由（至少4个字）');
    await typeInto(unit, '.reserve-reason', '业务骨干，群众公认', bridge);
    await tapButton(unit, '.reserve-nominate', bridge);
    expect(textOf(unit)).toContain('已推荐');
    // A unit admin does not decide: no decision buttons.
    expect(unit.querySelector('.reserve-admit')).toBeUndefined();

    bridge.setOpenid('dev-district-admin');
    const district = await openPage(TIMELINE, bridge, { id });
    await typeInto(district, '.reserve-reason', '经区委研究纳入后备干部库', bridge);
    await tapButton(district, '.reserve-admit', bridge);
    expect((await bridge.deps.store.collection<ReserveDoc>(C.reserveCadres).get(id))?.status).toBe('pool');
  });
});
