import { codeOf, dataOf } from '../../../support/harness';
import { DATING, scene } from '../scene';

describe('services.get and the privacy wall', () => {
  it('a housing request: the youth, its handler and the admins over the district read it; others do not', async () => {
    const s = await scene();
    const id = await s.submitHousing();
    const handler = dataOf(await s.f.h.call('services', 'get', { requestId: id }, s.housing));
    expect(handler).toMatchObject({ description: '刚来绍兴工作，想申请人才公寓', actions: ['accept', 'decline'] });
    expect(handler.fields).toEqual([
      { label: '需求', value: '租房' },
      { label: '意向区域', value: '越城区' },
      { label: '预算范围', value: '2000–4000元/月' },
    ]);
    // Not sensitive: an admin over the district reads it, without acting.
    expect(dataOf(await s.f.h.call('services', 'get', { requestId: id }, s.districtAdmin)).actions).toEqual([]);
    expect(dataOf(await s.f.h.call('services', 'get', { requestId: id }, s.cityAdmin)).actions).toEqual([]);
    expect(codeOf(await s.f.h.call('services', 'get', { requestId: id }, s.other))).toBe('SERVICE.NOT_FOUND');
    const elsewhere = await s.f.admin('districtAdmin', await s.f.district('keqiao'));
    expect(codeOf(await s.f.h.call('services', 'get', { requestId: id }, elsewhere))).toBe('SERVICE.NOT_FOUND');
  });

  it('a dating request: only the dating handler reads it — not a housing handler, not a district or city admin who does not handle it', async () => {
    const s = await scene();
    dataOf(await s.f.h.call('services', 'consent', { typeId: 'dating', granted: true }, s.youth));
    const id = dataOf(
      await s.f.h.call(
        'services',
        'submit',
        { typeId: 'dating', description: '希望参加青年联谊活动', fields: DATING },
        s.youth,
      ),
    ).id;
    expect(dataOf(await s.f.h.call('services', 'get', { requestId: id }, s.city)).description).toBe(
      '希望参加青年联谊活动',
    );
    expect(dataOf(await s.f.h.call('services', 'get', { requestId: id }, s.youth)).description).toBe(
      '希望参加青年联谊活动',
    );
    for (const who of [s.housing, s.children, s.districtAdmin, s.cityAdmin]) {
      expect(codeOf(await s.f.h.call('services', 'get', { requestId: id }, who))).toBe('SERVICE.NOT_FOUND');
    }
  });

  it('a children request (district-owned, sensitive): its handler reads it; the district admin who does not handle it only counts it', async () => {
    const s = await scene();
    const id = await s.submitChildren();
    expect(dataOf(await s.f.h.call('services', 'get', { requestId: id }, s.children)).summary).toBe(
      '子女年龄段：6–12岁 · 学段：小学',
    );
    for (const who of [s.housing, s.districtAdmin, s.city, s.cityAdmin]) {
      expect(codeOf(await s.f.h.call('services', 'get', { requestId: id }, who))).toBe('SERVICE.NOT_FOUND');
    }
    const dash = dataOf(await s.f.h.call('services', 'dashboard', {}, s.districtAdmin));
    expect(dash.byType.find((r) => r.key === 'children')).toMatchObject({ volume: 1, open: 1 });
    expect(JSON.stringify(dash)).not.toContain('小学');
  });
});
