import { C, type PeriodDoc } from '../../../../../cloudfunctions/_lib/collections';
import { loadPage, openPage, tapButton, textOf, toastOf, typeInto, useBridge } from '../../../../support/cloud-bridge';

const bridge = useBridge({ openid: 'dev-city-admin' });
const PERIOD = loadPage('package-data/pages/period/index');

interface PeriodData {
  changes: Array<{ field: string; before: string; after: string }> | null;
  opened: { periodId: string; alumni: number } | null;
  reasonError: string;
}

describe('开启新一期', () => {
  it('shows what changes from the last period and opens the next one with a reason', async () => {
    const page = await openPage<PeriodData>(PERIOD, bridge);
    await typeInto(page, '.field-target', '1200', bridge);
    await tapButton(page, '.preview', bridge);
    expect(page.data.changes?.find((c) => c.field === 'target')).toEqual(
      expect.objectContaining({ before: '1000', after: '1200' }),
    );
    expect(textOf(page)).toContain('全市选培目标人数');
    await tapButton(page, '.open', bridge);
    expect(page.data.reasonError).toBe('请填写开启原因（至少4个字）');
    await typeInto(page, '.reason', '新一期选培启动', bridge);
    await tapButton(page, '.open', bridge);
    expect(toastOf(page).message).toBe('新一期已开启');
    const current = await bridge.deps.store.collection<PeriodDoc>(C.periods).findOne({ current: true });
    expect(current).toEqual(expect.objectContaining({ _id: page.data.opened?.periodId, target: 1200 }));
  });
});
