import { codeOf, dataOf } from '../../../support/harness';
import { scene } from '../scene';

const NONE = { education: [], titles: [], districtIds: [], unitCategories: [], politicalStatus: [], selectedIn: null };

describe('services.myOffers and one-tap application', () => {
  it('the youth sees the offer, applies in one tap (a request of its type), and only once; the cadre sees one applied', async () => {
    const s = await scene();
    const unit = await s.f.unit({ district: 'yuecheng' });
    await s.f.nomination(unit, { youth: s.youth });
    const offer = dataOf(
      await s.f.h.call(
        'services',
        'publishOffer',
        {
          title: '人才安居补贴申领',
          description: '青年人才可申领安居补贴',
          typeId: 'talent',
          closesOn: '2026-12-31',
          criteria: NONE,
        },
        s.city,
      ),
    );
    expect(dataOf(await s.f.h.call('services', 'myOffers', {}, s.youth))).toMatchObject([
      { id: offer.id, title: '人才安居补贴申领', open: true, requestId: null },
    ]);
    expect(dataOf(await s.f.h.call('services', 'myOffers', {}, s.other))).toEqual([]);
    const apply = {
      typeId: 'talent',
      description: '申请人才安居补贴',
      fields: { policy: '人才安居补贴' },
      offerId: offer.id,
    };
    expect(codeOf(await s.f.h.call('services', 'submit', apply, s.other))).toBe('SERVICE.NOT_ELIGIBLE');
    const req = dataOf(await s.f.h.call('services', 'submit', apply, s.youth));
    expect(dataOf(await s.f.h.call('services', 'myOffers', {}, s.youth))[0].requestId).toBe(req.id);
    expect(codeOf(await s.f.h.call('services', 'submit', apply, s.youth))).toBe('SERVICE.NOT_ELIGIBLE');
    expect(dataOf(await s.f.h.call('services', 'offers', {}, s.city)).items[0]).toMatchObject({
      reached: 1,
      applied: 1,
    });
    s.f.h.setNow(new Date('2027-01-01T10:00:00+08:00'));
    expect(dataOf(await s.f.h.call('services', 'myOffers', {}, s.youth))[0].open).toBe(false);
  });

  it('after the closing date the application is refused', async () => {
    const s = await scene();
    await s.f.nomination(await s.f.unit({ district: 'yuecheng' }), { youth: s.youth });
    const offer = dataOf(
      await s.f.h.call(
        'services',
        'publishOffer',
        {
          title: '技能提升培训',
          description: '数字技能培训报名',
          typeId: 'skills',
          closesOn: '2026-11-30',
          criteria: NONE,
        },
        s.districtAdmin,
      ),
    );
    s.f.h.setNow(new Date('2026-12-01T10:00:00+08:00'));
    const apply = {
      typeId: 'skills',
      description: '报名数字技能培训',
      fields: { track: '数字技能' },
      offerId: offer.id,
    };
    expect(codeOf(await s.f.h.call('services', 'submit', apply, s.youth))).toBe('SERVICE.OFFER_CLOSED');
  });
});
