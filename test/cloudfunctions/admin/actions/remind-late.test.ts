import type { OutboxDoc } from '../../../../cloudfunctions/_lib/collections';
import type { Person } from '../../../support/fixtures';
import { dataOf, type Harness } from '../../../support/harness';
import { filingScene } from '../filing-scene';

const remindersTo = async (h: Harness) =>
  (await h.deps.store.collection<OutboxDoc>('outbox').find({ title: '请按时备案好青年名单' }))
    .map((o) => o.toOpenid)
    .sort();

describe('admin.remindLate (R4.4, issue 9 §9)', () => {
  let h: Harness;
  let govAdmin: Person;
  let otherGovAdmin: Person;
  let districtAdmin: Person;
  let city: Person;
  beforeEach(async () => {
    ({ h, govAdmin, otherGovAdmin, districtAdmin, city } = await filingScene());
  });

  it('says who was reminded and who could not be, and never reminds the district itself', async () => {
    const result = dataOf(await h.call('admin', 'remindLate', {}, districtAdmin));
    // 越城区人民政府办公室's two admins; the district's own grassroots list is its own to file.
    expect(result.reminded).toEqual([{ name: '越城区人民政府办公室', admins: 2 }]);
    expect(result.noAdmin).toEqual(['越城区市场监督管理局', '越城区城市建设投资集团有限公司', '越城区农村商业银行']);
    expect(result.already).toEqual([]);
    expect(await remindersTo(h)).toEqual([govAdmin.openid, otherGovAdmin.openid].sort());
  });

  it('reminds each list once a China day: a repeated tap says 今日已提醒 and sends nothing', async () => {
    dataOf(await h.call('admin', 'remindLate', {}, districtAdmin));
    const again = dataOf(await h.call('admin', 'remindLate', {}, districtAdmin));
    expect(again.reminded).toEqual([]);
    expect(again.already).toEqual(['越城区人民政府办公室']);
    expect(await remindersTo(h)).toHaveLength(2);
  });

  it('ten concurrent taps send one reminder per admin', async () => {
    await Promise.all(Array.from({ length: 10 }, () => h.call('admin', 'remindLate', {}, districtAdmin)));
    expect(await remindersTo(h)).toEqual([govAdmin.openid, otherGovAdmin.openid].sort());
  });

  it('the city reminds a district for its grassroots list', async () => {
    const result = dataOf(await h.call('admin', 'remindLate', { districtId: 'yuecheng' }, city));
    expect(result.reminded).toEqual([
      { name: '越城区人民政府办公室', admins: 2 },
      { name: '越城区（两新组织及其他基层领域）', admins: 1 },
    ]);
    expect(await remindersTo(h)).toContain(districtAdmin.openid);
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
