import { codeOf, dataOf } from '../../../support/harness';
import { scene, titlesOf } from '../scene';

describe('services.resolve', () => {
  it('resolved with what was done: the youth may confirm or reopen; late resolutions count as overdue', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    expect(codeOf(await s.f.h.call('services', 'resolve', { requestId: id, text: '已安排入住' }, s.housing))).toBe(
      'SERVICE.INVALID_STATE',
    );
    dataOf(await s.f.h.call('services', 'accept', { requestId: id }, s.housing));
    s.f.h.setNow(new Date('2026-12-09T10:00:00+08:00'));
    const out = dataOf(
      await s.f.h.call('services', 'resolve', { requestId: id, text: '已安排入住越城区人才公寓' }, s.housing),
    );
    expect(out).toMatchObject({ status: 'resolved', resolution: '已安排入住越城区人才公寓', actions: [] });
    expect(await s.request(id)).toMatchObject({ wasOverdue: true, dueAt: null, nextCheckAt: null });
    const mine = dataOf(await s.f.h.call('services', 'get', { requestId: id }, s.youth));
    expect(mine.actions).toEqual(['confirm', 'reopen']);
    expect(await titlesOf(s.f, s.youth)).toContain('服务申请已办结，请评价');
  });
});
