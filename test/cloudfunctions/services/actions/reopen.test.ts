import { codeOf, dataOf } from '../../../support/harness';
import { scene, titlesOf } from '../scene';

describe('services.reopen', () => {
  it('within 7 days the youth reopens with a reason: in progress again with a new limit, the handler told', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    dataOf(await s.f.h.call('services', 'accept', { requestId: id }, s.housing));
    dataOf(await s.f.h.call('services', 'resolve', { requestId: id, text: '已提供人才公寓名录' }, s.housing));
    s.f.h.setNow(new Date('2026-11-30T10:00:00+08:00'));
    const out = dataOf(
      await s.f.h.call('services', 'reopen', { requestId: id, reason: '名录里的房源都已住满' }, s.youth),
    );
    expect(out.status).toBe('in_progress');
    const doc = await s.request(id);
    // Monday 30 November + 10 working days: Monday 14 December.
    expect(doc.resolveBy.toISOString()).toBe('2026-12-14T15:59:59.999Z');
    expect(doc).toMatchObject({ resolvedAt: null, remindedResolve: false });
    expect(doc.nextCheckAt).toEqual(doc.resolveBy);
    expect(await titlesOf(s.f, s.housing)).toContain('服务申请重新办理');
  });

  it('not after 7 days, not by someone else, not before resolution', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    expect(codeOf(await s.f.h.call('services', 'reopen', { requestId: id, reason: '还没有处理好' }, s.youth))).toBe(
      'SERVICE.INVALID_STATE',
    );
    dataOf(await s.f.h.call('services', 'accept', { requestId: id }, s.housing));
    dataOf(await s.f.h.call('services', 'resolve', { requestId: id, text: '已提供人才公寓名录' }, s.housing));
    expect(codeOf(await s.f.h.call('services', 'reopen', { requestId: id, reason: '还没有处理好' }, s.housing))).toBe(
      'AUTH.FORBIDDEN',
    );
    s.f.h.setNow(new Date('2026-12-02T10:00:01+08:00'));
    const before = await s.f.h.snapshot();
    expect(codeOf(await s.f.h.call('services', 'reopen', { requestId: id, reason: '还没有处理好' }, s.youth))).toBe(
      'SERVICE.REOPEN_EXPIRED',
    );
    expect(await s.f.h.snapshot()).toEqual(before);
    expect(dataOf(await s.f.h.call('services', 'get', { requestId: id }, s.youth)).actions).toEqual(['confirm']);
  });
});
