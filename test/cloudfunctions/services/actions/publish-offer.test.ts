import type { OfferReachDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { scene, titlesOf } from '../scene';

const NONE = { education: [], titles: [], districtIds: [], unitCategories: [], politicalStatus: [], selectedIn: null };
const OFFER = {
  title: '人才安居补贴申领',
  description: '本科及以上学历青年人才可申领安居补贴，每月1000元。',
  typeId: 'talent',
  closesOn: '2026-12-31',
};

describe('services.publishOffer (政策找人)', () => {
  it('reaches the youths of the scope who meet the criteria: they are notified, the cadre learns how many', async () => {
    const s = await scene();
    const unit = await s.f.unit({ district: 'yuecheng' });
    await s.f.nomination(unit, { youth: s.youth, status: 'approved' });
    await s.f.nomination(unit, { youth: s.other, form: { education: 'associate' } });
    const keqiaoYouth = await s.f.youth(await s.f.unit({ district: 'keqiao' }));
    await s.f.nomination(await s.f.unit({ district: 'keqiao' }), { youth: keqiaoYouth });
    const out = dataOf(
      await s.f.h.call(
        'services',
        'publishOffer',
        { ...OFFER, criteria: { ...NONE, education: ['bachelor', 'master', 'doctor'] } },
        s.districtAdmin,
      ),
    );
    expect(out).toMatchObject({ reached: 1, applied: 0, open: true, typeName: '人才政策兑现' });
    expect(await titlesOf(s.f, s.youth)).toEqual(['有一项政策适合您']);
    expect(await titlesOf(s.f, s.other)).toEqual([]);
    expect(await titlesOf(s.f, keqiaoYouth)).toEqual([]);
    // The city reaches every district; "selected in this period" only the approved.
    const selected = dataOf(
      await s.f.h.call(
        'services',
        'publishOffer',
        { ...OFFER, criteria: { ...NONE, selectedIn: s.f.period!._id } },
        s.city,
      ),
    );
    expect(selected.reached).toBe(1);
    const all = dataOf(await s.f.h.call('services', 'publishOffer', { ...OFFER, criteria: NONE }, s.city));
    expect(all.reached).toBe(3);
    expect(JSON.stringify(all)).not.toContain(s.youth.openid);
    expect(await s.f.h.deps.store.collection<OfferReachDoc>('offerReach').count({ offerId: all.id })).toBe(3);
  });

  it('refuses a past closing date or an unknown type, and a district admin outside their district', async () => {
    const s = await scene();
    expect(
      codeOf(
        await s.f.h.call('services', 'publishOffer', { ...OFFER, closesOn: '2026-11-23', criteria: NONE }, s.city),
      ),
    ).toBe('SERVICE.OFFER_CLOSED');
    expect(
      codeOf(await s.f.h.call('services', 'publishOffer', { ...OFFER, typeId: 'nope', criteria: NONE }, s.city)),
    ).toBe('SERVICE.TYPE_UNKNOWN');
    await s.f.district('keqiao');
    expect(
      codeOf(
        await s.f.h.call(
          'services',
          'publishOffer',
          { ...OFFER, districtId: 'keqiao', criteria: NONE },
          s.districtAdmin,
        ),
      ),
    ).toBe('AUTH.OUT_OF_SCOPE');
  });
});
