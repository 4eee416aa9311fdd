import { dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.myParticipation', () => {
  it('the youth’s own records, newest first, including what cadres recorded', async () => {
    const s = await scene();
    const n = await s.f.nomination(await s.f.unit({ district: 'yuecheng' }), { youth: s.youth, status: 'approved' });
    dataOf(await s.f.h.call('services', 'recordVolunteering', { name: '绍兴市青年志愿者协会', hours: 8 }, s.youth));
    s.f.h.setNow(new Date('2026-11-25T10:00:00+08:00'));
    dataOf(
      await s.f.h.call(
        'services',
        'recordCoverage',
        { nominationId: n.id, kind: 'credit', name: '联合守信激励' },
        s.city,
      ),
    );
    dataOf(await s.f.h.call('services', 'recordVolunteering', { name: '社区志愿服务队', hours: 3 }, s.other));
    expect(dataOf(await s.f.h.call('services', 'myParticipation', {}, s.youth)).map((p) => p.kindLabel)).toEqual([
      '联合守信激励',
      '志愿服务',
    ]);
  });
});
