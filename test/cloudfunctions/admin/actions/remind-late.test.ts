import type { Person } from '../../../support/fixtures';
import { dataOf, type Harness } from '../../../support/harness';
import { filingScene } from '../filing-scene';

describe('admin.remindLate (R4.4)', () => {
  let h: Harness;
  let govAdmin: Person;
  let otherGovAdmin: Person;
  let districtAdmin: Person;
  beforeEach(async () => {
    ({ h, govAdmin, otherGovAdmin, districtAdmin } = await filingScene());
  });

  it('reminds the late with one tap, into the outbox', async () => {
    const { reminded } = dataOf(await h.call('admin', 'remindLate', {}, districtAdmin));
    // 越城区人民政府办公室's two admins, and the district for its grassroots filing; the other units have no admin.
    expect(reminded).toBe(3);
    const outbox = await h.deps.store.collection('outbox').find({ title: '请按时备案好青年名单' });
    expect(outbox.map((o) => (o as unknown as { toOpenid: string }).toOpenid).sort()).toEqual(
      [districtAdmin, govAdmin, otherGovAdmin].map((p) => p.openid).sort(),
    );
  });

  // Issue 9 §17: the deadline names its year, in the app's one date style.
  it('names the filing deadline with its year', async () => {
    dataOf(await h.call('admin', 'remindLate', {}, districtAdmin));
    const [sent] = await h.deps.store.collection('outbox').find({ title: '请按时备案好青年名单' });
    const period = (await h.deps.store.collection('periods').findOne({ current: true })) as unknown as {
      filingDeadline: string;
    };
    const year = new Date(period.filingDeadline).getUTCFullYear();
    expect((sent as unknown as { body: string }).body).toContain(`截止时间为${year}年7月31日`);
  });
});
