import type { SelectedYouthView } from '../../../../../miniprogram/core/contracts/services';
import type { Paged } from '../../../../../miniprogram/core/contracts/common';
import { loadPage, openPage, textOf, toastOf, typeInto, useBridge } from '../../../../support/cloud-bridge';
import { arrange, HANDLER } from '../../support';

const bridge = useBridge({ openid: HANDLER });
const PAGE = loadPage('package-services/pages/insurance/index');

interface Data {
  on: string;
  total: number;
  items: Array<{ id: string; name: string; insurance: string; credit: string }>;
  coverage: Array<{ key: string; insured: number; credit: number }>;
}

const selected = () => arrange<Paged<SelectedYouthView>>(bridge, HANDLER, 'selectedYouths', { pageSize: 50 });

describe('保险与守信激励', () => {
  it('records a selected youth’s accident insurance with its date behind a confirmation, and counts it', async () => {
    // 李明's demo nomination, selected (the review itself is the nomination tests' business).
    await bridge.deps.store
      .collection('nominations')
      .updateMany({ youthOpenid: 'dev-youth-li' }, { $set: { status: 'approved' } });
    const page = await openPage<Data>(PAGE, bridge);
    const before = await selected();
    expect(page.data.total).toBe(before.total);
    expect(page.data.items.map((r) => r.name)).toContain('李明');
    const row = page.data.items.findIndex((r) => !r.insurance);
    const youth = page.data.items[row];
    const insuredBefore = page.data.coverage.find((c) => c.key === 'total')?.insured ?? 0;
    expect(textOf(page)).not.toMatch(/1[3-9]\d{9}|\d{17}[\dX]/); // names only, never a number
    bridge.cancelModals();
    const button = () => page.querySelectorAll('.record-insurance')[0];
    button().querySelector('.t-button')!.dispatchEvent('tap');
    await bridge.idle();
    expect(bridge.modal).toHaveBeenCalledWith(expect.objectContaining({ title: '登记人身意外保险' }));
    expect((await selected()).items.find((y) => y.nominationId === youth.id)?.insurance).toBeNull();
    bridge.modal.mockRestore();
    await typeInto(page, '.insurance-name', '绍兴青年意外险', bridge);
    // The date picker answers with the China date chosen.
    page.querySelector('.date-picker')!.dispatchEvent('change', { detail: { value: '2026-11-02' } });
    await bridge.idle();
    expect(page.data.on).toBe('2026-11-02');
    button().querySelector('.t-button')!.dispatchEvent('tap');
    await bridge.idle();
    expect(toastOf(page).message).toBe('已登记');
    expect(page.data.items[row].insurance).toBe('绍兴青年意外险 · 2026-11-02 起');
    expect((await selected()).items.find((y) => y.nominationId === youth.id)?.insurance).toEqual({
      name: '绍兴青年意外险',
      on: '2026-11-02',
    });
    expect(page.data.coverage.find((c) => c.key === 'total')?.insured).toBe(insuredBefore + 1);
  });
});
