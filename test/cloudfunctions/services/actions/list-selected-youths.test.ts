import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

describe('services.selectedYouths (R7.3)', () => {
  it('lists the selected youths in scope with their insurance and credit incentive, names only', async () => {
    const s = await scene();
    const unit = await s.f.unit({ district: 'yuecheng', name: '越城区青创中心' });
    const zhang = await s.f.nomination(unit, { youth: s.youth, status: 'approved' });
    await s.f.nomination(unit, { youth: s.other }); // submitted, not selected
    const keqiao = await s.f.district('keqiao');
    const elsewhere = await s.f.youth(await s.f.unit({ district: 'keqiao' }), { name: '王柯桥' });
    await s.f.nomination(await s.f.unit({ district: 'keqiao' }), { youth: elsewhere, status: 'approved' });
    const input = { nominationId: zhang.id, kind: 'insurance', name: '青年人身意外保险', on: '2026-11-20' } as const;
    dataOf(await s.f.h.call('services', 'recordCoverage', input, s.districtAdmin));

    const district = dataOf(await s.f.h.call('services', 'selectedYouths', {}, s.districtAdmin));
    expect(district).toMatchObject({ total: 1, hasMore: false });
    expect(district.items).toEqual([
      {
        nominationId: zhang.id,
        name: '张晓青',
        unitName: '越城区青创中心',
        districtName: '越城区',
        insurance: { name: '青年人身意外保险', on: '2026-11-20' },
        credit: null,
      },
    ]);
    const city = dataOf(await s.f.h.call('services', 'selectedYouths', { pageSize: 1 }, s.city));
    expect(city).toMatchObject({ total: 2, hasMore: true });
    const byDistrict = dataOf(await s.f.h.call('services', 'selectedYouths', { districtId: keqiao._id }, s.city));
    expect(byDistrict.items.map((i) => i.name)).toEqual(['王柯桥']);
    expect(codeOf(await s.f.h.call('services', 'selectedYouths', { districtId: keqiao._id }, s.districtAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(codeOf(await s.f.h.call('services', 'selectedYouths', {}, s.youth))).toBe('AUTH.FORBIDDEN');
  });
});
