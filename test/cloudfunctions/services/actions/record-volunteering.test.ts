import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.recordVolunteering (R7.3)', () => {
  it('a youth records an organisation and hours', async () => {
    const s = await scene();
    const out = dataOf(
      await s.f.h.call('services', 'recordVolunteering', { name: '绍兴市青年志愿者协会', hours: 12.5 }, s.youth),
    );
    expect(out).toMatchObject({ kind: 'volunteer', kindLabel: '志愿服务', name: '绍兴市青年志愿者协会', hours: 12.5 });
    expect(codeOf(await s.f.h.call('services', 'recordVolunteering', { name: '协会', hours: 0 }, s.youth))).toBe(
      'INPUT.INVALID',
    );
    expect(codeOf(await s.f.h.call('services', 'recordVolunteering', { name: '协会', hours: 2 }, s.city))).toBe(
      'AUTH.FORBIDDEN',
    );
  });
});
