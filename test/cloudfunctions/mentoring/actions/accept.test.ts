import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.accept', () => {
  it('the mentor confirms a published match, which becomes active; the youth is told', async () => {
    const s = await scene();
    const m = await s.mentor();
    const other = await s.mentor();
    const y = await s.selected(s.bank);
    const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city));
    expect(codeOf(await s.f.h.call('mentoring', 'accept', { matchId: d.id }, m))).toBe('MENTORING.NOT_FOUND'); // a draft
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city));
    expect(codeOf(await s.f.h.call('mentoring', 'accept', { matchId: d.id }, other))).toBe('MENTORING.NOT_PARTY');
    expect(codeOf(await s.f.h.call('mentoring', 'accept', { matchId: d.id }, y))).toBe('AUTH.FORBIDDEN');
    expect(dataOf(await s.f.h.call('mentoring', 'accept', { matchId: d.id }, m)).status).toBe('active');
    expect(await s.f.h.deps.store.collection('outbox').count({ toOpenid: y.openid, title: '导师已确认结对' })).toBe(1);
    expect(codeOf(await s.f.h.call('mentoring', 'accept', { matchId: d.id }, m))).toBe('MENTORING.INVALID_STATE');
  });
});
