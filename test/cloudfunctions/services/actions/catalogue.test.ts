import { dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.catalogue', () => {
  it('the six types with their fields; sensitive ones show the caller’s own consent', async () => {
    const s = await scene();
    const before = dataOf(await s.f.h.call('services', 'catalogue', {}, s.youth));
    expect(before.map((t) => [t.id, t.sensitive, t.consented])).toEqual([
      ['housing', false, true],
      ['children', true, false],
      ['dating', true, false],
      ['talent', false, true],
      ['skills', false, true],
      ['interests', false, true],
    ]);
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'dating', granted: true }, s.youth));
    const after = dataOf(await s.f.h.call('services', 'catalogue', {}, s.youth));
    expect(after.find((t) => t.id === 'dating')?.consented).toBe(true);
    expect(
      dataOf(await s.f.h.call('services', 'catalogue', {}, s.other)).find((t) => t.id === 'dating')?.consented,
    ).toBe(false);
    expect(after[0].fields.map((f) => f.label)).toEqual(['需求', '意向区域', '预算范围']);
  });
});
