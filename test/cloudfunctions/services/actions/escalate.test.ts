import { codeOf, dataOf, TIMER } from '../../../support/harness';
import { scene, titlesOf } from '../scene';

describe('services.escalate (the timer)', () => {
  it('late acceptance reminds the handler once; past the limit the request escalates to the city once, however often the timer runs', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    const run = async () => dataOf(await s.f.h.call('services', 'escalate', {}, TIMER));
    expect(await run()).toEqual({ reminded: 0, escalated: 0 });
    s.f.h.setNow(new Date('2026-11-26T00:00:01+08:00')); // past Wednesday 25 November, not accepted
    expect(await run()).toEqual({ reminded: 1, escalated: 0 });
    expect(await run()).toEqual({ reminded: 0, escalated: 0 });
    expect(await titlesOf(s.f, s.housing)).toEqual(['新的服务申请待受理', '服务申请已超时']);
    expect(dataOf(await s.f.h.call('services', 'get', { requestId: id }, s.youth)).overdue).toBe(true);
    dataOf(await s.f.h.call('services', 'accept', { requestId: id }, s.housing));

    s.f.h.setNow(new Date('2026-12-09T08:00:00+08:00')); // past Tuesday 8 December, the 10th working day
    expect(await run()).toEqual({ reminded: 1, escalated: 1 });
    expect(await run()).toEqual({ reminded: 0, escalated: 0 });
    const doc = await s.request(id);
    expect(doc.level).toBe('city');
    expect(doc.escalations).toEqual([{ at: s.f.h.deps.clock(), from: 'yuecheng', to: 'city', stage: 'resolve' }]);
    expect(doc.queueKeys).toEqual(['housing@yuecheng', 'housing@city']);
    expect(doc.history.filter((h) => h.action === 'escalate')).toHaveLength(1);
    // The city's handler sees it in its own queue and may act; the city admins were told.
    expect(dataOf(await s.f.h.call('services', 'queue', {}, s.city)).items.map((r) => [r.id, r.levelLabel])).toEqual([
      [id, '团市委督办'],
    ]);
    expect(await titlesOf(s.f, s.city)).toEqual(['服务申请超时督办', '服务申请超时督办']);
    expect(await titlesOf(s.f, s.cityAdmin)).toEqual(['服务申请超时督办']);
    expect(codeOf(await s.f.h.call('services', 'note', { requestId: id, text: '团市委已督办，请加快' }, s.city))).toBe(
      'OK',
    );
  });

  it('runs only on the platform’s timer', async () => {
    const s = await scene();
    expect(codeOf(await s.f.h.call('services', 'escalate', {}, s.city))).toBe('AUTH.FORBIDDEN');
  });

  it('a city-owned request past its limit is reminded, not escalated', async () => {
    const s = await scene();
    const id = dataOf(
      await s.f.h.call(
        'services',
        'submit',
        { typeId: 'talent', description: '申请人才生活津贴', fields: { policy: '生活津贴' } },
        s.youth,
      ),
    ).id;
    dataOf(await s.f.h.call('services', 'accept', { requestId: id }, s.city));
    s.f.h.setNow(new Date('2026-12-30T10:00:00+08:00'));
    expect(dataOf(await s.f.h.call('services', 'escalate', {}, TIMER))).toEqual({ reminded: 1, escalated: 0 });
    expect((await s.request(id)).escalations).toEqual([]);
  });
});
