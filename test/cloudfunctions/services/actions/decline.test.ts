import { codeOf, dataOf } from '../../../support/harness';
import { scene, titlesOf } from '../scene';

describe('services.decline', () => {
  it('a handler declines a submitted request with a reason the youth reads; the timer forgets it', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    expect(codeOf(await s.f.h.call('services', 'decline', { requestId: id, reason: '否' }, s.housing))).toBe(
      'INPUT.INVALID',
    );
    const out = dataOf(
      await s.f.h.call('services', 'decline', { requestId: id, reason: '不属于本区受理范围' }, s.housing),
    );
    expect(out).toMatchObject({ status: 'declined', statusLabel: '不予受理', actions: [] });
    expect(out.timeline.map((t) => [t.label, t.comment])).toEqual([
      ['提交申请', null],
      ['不予受理', '不属于本区受理范围'],
    ]);
    expect(await s.request(id)).toMatchObject({ dueAt: null, nextCheckAt: null });
    expect(await titlesOf(s.f, s.youth)).toEqual(['服务申请不予受理']);
  });

  it('not once accepted, and not by someone else', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    expect(
      codeOf(await s.f.h.call('services', 'decline', { requestId: id, reason: '不属于受理范围' }, s.children)),
    ).toBe('SERVICE.NOT_HANDLER');
    dataOf(await s.f.h.call('services', 'accept', { requestId: id }, s.housing));
    expect(
      codeOf(await s.f.h.call('services', 'decline', { requestId: id, reason: '不属于受理范围' }, s.housing)),
    ).toBe('SERVICE.INVALID_STATE');
  });
});
