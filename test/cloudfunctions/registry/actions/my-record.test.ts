import { fixture } from '../../../support/fixtures';
import { dataOf, NOW } from '../../../support/harness';
import { A_YEAR_LATER, youthScene } from '../youth-scene';

describe('registry.myRecord (issue 14)', () => {
  it('shows the youth their record and asks for the yearly confirmation once it is a year old', async () => {
    const f = await fixture();
    const { youth } = await youthScene(f);
    const fresh = dataOf(await f.h.call('registry', 'myRecord', {}, youth));
    expect(fresh.confirmDue).toBe(false);
    expect(fresh.record).toEqual(
      expect.objectContaining({ name: youth.name, status: 'active', statusText: '在册', stale: false, post: '技术员' }),
    );
    expect(JSON.stringify(fresh)).not.toContain(youth.idNumber);
    f.h.setNow(A_YEAR_LATER(NOW));
    const due = dataOf(await f.h.call('registry', 'myRecord', {}, youth));
    expect(due.confirmDue).toBe(true);
    expect(due.record?.stale).toBe(true);
    expect(dataOf(await f.h.call('registry', 'myRecord', {}, await f.youth(null))).record).toBeNull();
  });
});
