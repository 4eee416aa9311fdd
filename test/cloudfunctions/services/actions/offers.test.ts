import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

const NONE = { education: [], titles: [], districtIds: [], unitCategories: [], politicalStatus: [], selectedIn: null };

describe('services.offers', () => {
  it('a scope’s offers newest first with reach counts; a district sees its own', async () => {
    const s = await scene();
    const publish = (title: string, who = s.city) =>
      s.f.h.call(
        'services',
        'publishOffer',
        { title, description: '政策说明文字', typeId: 'talent', closesOn: '2026-12-31', criteria: NONE },
        who,
      );
    dataOf(await publish('全市人才政策一'));
    s.f.h.setNow(new Date('2026-11-25T10:00:00+08:00'));
    dataOf(await publish('全市人才政策二'));
    dataOf(await publish('越城区人才政策', s.districtAdmin));
    expect(dataOf(await s.f.h.call('services', 'offers', {}, s.city)).items.map((o) => o.title)).toEqual([
      '全市人才政策二',
      '全市人才政策一',
    ]);
    expect(dataOf(await s.f.h.call('services', 'offers', {}, s.districtAdmin)).items.map((o) => o.title)).toEqual([
      '越城区人才政策',
    ]);
    expect(codeOf(await s.f.h.call('services', 'offers', {}, s.youth))).toBe('AUTH.FORBIDDEN');
  });
});
