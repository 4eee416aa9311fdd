import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.discardDraft', () => {
  it('drops a draft (the youth stays in the pool); a published match or another scope’s draft cannot be', async () => {
    const s = await scene();
    const y = await s.selected(s.bank);
    const m = await s.mentor();
    const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city));
    expect(codeOf(await s.f.h.call('mentoring', 'discardDraft', { matchId: d.id }, s.yuechengAdmin))).toBe(
      'MENTORING.NOT_FOUND',
    );
    expect(dataOf(await s.f.h.call('mentoring', 'discardDraft', { matchId: d.id }, s.keqiaoAdmin)).status).toBe(
      'discarded',
    );
    expect(dataOf(await s.f.h.call('mentoring', 'pool', {}, s.city)).total).toBe(1);
    expect(codeOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city))).toBe(
      'MENTORING.INVALID_STATE',
    );
    const d2 = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city));
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d2.id] }, s.city));
    expect(codeOf(await s.f.h.call('mentoring', 'discardDraft', { matchId: d2.id }, s.city))).toBe(
      'MENTORING.INVALID_STATE',
    );
  });
});
