import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf, TIMER } from '../../../support/harness';

describe('cron.purgeWithdrawn: erasure after withdrawal (R9.2)', () => {
  it('the timer erases the record after the retention; the audit keeps no personal data', async () => {
    const f = await fixture();
    const { h } = f;
    const youth = await f.youth(await f.unit(), { name: '张晓青', phone: '13800001111', consent: true });
    const { id } = dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth)).nomination;
    dataOf(await h.call('nomination', 'withdraw', { nominationId: id }, youth));
    h.setNow(new Date(h.deps.clock().getTime() + 29 * 86_400_000));
    expect(dataOf(await h.call('cron', 'purgeWithdrawn', {}, TIMER))).toEqual({ erased: 0 });
    h.setNow(new Date(h.deps.clock().getTime() + 2 * 86_400_000));
    expect(dataOf(await h.call('cron', 'purgeWithdrawn', {}, TIMER))).toEqual({ erased: 1 });
    expect(await h.deps.store.collection('nominations').get(id)).toBeNull();
    const audit = JSON.stringify(await h.deps.store.collection('audit').find({}));
    expect(audit).not.toMatch(/张晓青|13800001111|138\*\*\*\*1111/);
    expect(audit).not.toContain(youth.idNumber);
    // The person may be nominated again after erasure.
    expect(codeOf(await h.call('nomination', 'submitSelf', youth.form(), youth))).toBe('OK');
  });

  it('the timer action cannot be called from a phone', async () => {
    const f = await fixture();
    const city = await f.admin('cityAdmin', f.city);
    expect(codeOf(await f.h.call('cron', 'purgeWithdrawn', {}, city))).toBe('AUTH.FORBIDDEN');
  });
});
