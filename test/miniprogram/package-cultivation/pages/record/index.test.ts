import { C, type MeasureDoc } from '../../../../../cloudfunctions/_lib/collections';
import {
  loadPage,
  openPage,
  tapButton,
  toastOf,
  typeInto,
  useBridge,
  type SimNode,
} from '../../../../support/cloud-bridge';
import { approveLi, LI, UNIT_ADMIN } from '../../support';

const bridge = useBridge({ openid: LI });
const RECORD = loadPage('package-cultivation/pages/record/index');

async function pick(page: SimNode<unknown>, selector: string, index: number): Promise<void> {
  page.querySelectorAll(selector)[index].dispatchEvent('tap');
  await bridge.idle();
}

interface RecordData {
  errors: Record<string, string>;
}

describe('培养记录表单', () => {
  it('a youth adds a training: what is missing is said in Chinese first, then it waits for the unit', async () => {
    await approveLi(bridge);
    const page = await openPage<RecordData>(RECORD, bridge, {});
    await tapButton(page, '.save-record', bridge);
    expect(page.data.errors.kind).toBe('请选择培养类型');
    await pick(page, '.kind', 4); // 培训
    await typeInto(page, '.title', '青年干部能力提升班', bridge);
    await tapButton(page, '.save-record', bridge);
    expect(page.data.errors.organiser).toBe('请填写主办单位');
    expect(page.data.errors.hours).toBe('请填写学时');
    await typeInto(page, '.organiser', '团市委', bridge);
    await typeInto(page, '.hours', '32', bridge);
    await tapButton(page, '.save-record', bridge);
    expect(toastOf(page).message).toBe('已提交，等待单位确认');
    const [doc] = await bridge.deps.store.collection<MeasureDoc>(C.measures).find({});
    expect(doc).toMatchObject({
      kind: 'training',
      organiser: '团市委',
      hours: 32,
      status: 'pending',
      addedBy: 'youth',
    });
  });

  it('the unit records a talk for a youth: whom with is asked', async () => {
    const id = await approveLi(bridge);
    bridge.setOpenid(UNIT_ADMIN);
    const page = await openPage<RecordData>(RECORD, bridge, { id });
    await pick(page, '.kind', 6); // 谈心交流
    await typeInto(page, '.title', '季度谈心', bridge);
    await tapButton(page, '.save-record', bridge);
    expect(page.data.errors.talkWith).toBe('请填写谈话人身份');
    await pick(page, '.talk-with', 0);
    await typeInto(page, '.talk-name', '王书记', bridge);
    await typeInto(page, '.summary', '谈岗位锻炼方向', bridge);
    await tapButton(page, '.save-record', bridge);
    expect(toastOf(page).message).toBe('已登记');
    const [doc] = await bridge.deps.store.collection<MeasureDoc>(C.measures).find({});
    expect(doc).toMatchObject({ nominationId: id, talkWith: 'party_head', status: 'confirmed', addedBy: 'unit' });
  });
});
