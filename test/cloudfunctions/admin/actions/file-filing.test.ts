import { approve, cloudbaseWorld, liNomination } from '../../../support/fault-scenarios';
import { startFakeTcbServer, type FakeTcbServer } from '../../../support/fake-tcb-server';
import type { Nominee, Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';
import { filingScene } from '../filing-scene';

describe('admin.file (R4.4, R8)', () => {
  let h: Harness;
  let govAdmin: Person;
  let approved: Nominee;
  let unitFiling: string;
  let districtAdmin: Person;
  beforeEach(async () => {
    ({ h, govAdmin, approved, unitFiling, districtAdmin } = await filingScene());
  });

  describe('an empty list (issue 9 §4)', () => {
    let f: Awaited<ReturnType<typeof filingScene>>['f'];
    let marketAdmin: Person;
    let marketFiling: string;
    beforeEach(async () => {
      ({ f, h, govAdmin, unitFiling } = await filingScene());
      const market = (await h.deps.store.collection('orgs').findOne({ name: '越城区市场监督管理局' }))!;
      marketAdmin = await f.admin('unitAdmin', market as never);
      marketFiling = `${f.period!._id}:unit:${market._id}`;
    });

    it('is refused without the declaration, and leaves the list open', async () => {
      expect(codeOf(await h.call('admin', 'file', { filingId: marketFiling }, marketAdmin))).toBe('FILING.EMPTY');
      expect(await h.deps.store.collection('filings').get(marketFiling)).toBeNull();
    });

    it('is filed with "本单位本期无推荐人选" and its reason, recorded and shown as such', async () => {
      const emptyReason = '本单位青年均未达到推荐标准';
      const { filing } = dataOf(await h.call('admin', 'file', { filingId: marketFiling, emptyReason }, marketAdmin));
      expect(filing).toMatchObject({ state: 'filed', approvedRows: 0, emptyReason });
      const district = await f.admin('districtAdmin', await f.district('yuecheng'));
      const board = dataOf(await h.call('admin', 'dashboard', {}, district));
      expect(board.filing).toMatchObject({ filed: 1, empty: 1 });
    });

    it('a declaration beside approved youths is not recorded', async () => {
      const { filing } = dataOf(
        await h.call('admin', 'file', { filingId: unitFiling, emptyReason: '本单位无推荐人选' }, govAdmin),
      );
      expect(filing).toMatchObject({ approvedRows: 1, emptyReason: null });
    });

    it('a declaration too short is refused by the one reason bound', async () => {
      const res = await h.call('admin', 'file', { filingId: marketFiling, emptyReason: '没有' }, marketAdmin);
      expect(codeOf(res)).toBe('INPUT.INVALID');
    });
  });

  it('an open objection blocks filing until it is disposed of (R8)', async () => {
    const { objectionId } = dataOf(
      await h.call(
        'notice',
        'object',
        { nominationId: approved.id, content: '该同志并非本单位在编人员，请核实。' },
        'citizen',
      ),
    );
    expect(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin)).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'FILING.OBJECTIONS_PENDING', details: { open: 1 } }),
      }),
    );
    dataOf(
      await h.call('admin', 'resolveObjection', { objectionId, disposition: 'upheld', note: '经核实非在编' }, govAdmin),
    );
    expect(
      codeOf(await h.call('admin', 'file', { filingId: unitFiling, emptyReason: '异议成立后本单位无人选' }, govAdmin)),
    ).toBe('OK');
  });

  it('an objection about a record that has left the list (voided, withdrawn) does not block filing', async () => {
    const objection = { nominationId: approved.id, content: '该同志并非本单位在编人员，请核实。' };
    dataOf(await h.call('notice', 'object', objection, 'citizen'));
    const voided = { nominationId: approved.id, reason: '信息冒用' };
    dataOf(await h.call('nomination', 'voidNomination', voided, districtAdmin));
    const emptyReason = '原推荐人选已作废，本单位无人选';
    expect(codeOf(await h.call('admin', 'file', { filingId: unitFiling, emptyReason }, govAdmin))).toBe('OK');
  });
});

describe('admin.file against a concurrent approval (issue 8 §4, write skew)', () => {
  let fake: FakeTcbServer;
  beforeAll(async () => {
    fake = await startFakeTcbServer();
  });
  afterAll(() => fake.close());

  it('through the CloudBase SDK, a filed list never misses an approval that committed beside it', async () => {
    for (let round = 0; round < 4; round += 1) {
      const w = await cloudbaseWorld(fake);
      const id = await liNomination(w);
      const fileCall = {
        fn: 'admin',
        action: 'file',
        data: { filingId: '2027:district:yuecheng', emptyReason: '暂无推荐人选说明' },
        openid: 'dev-district-admin',
      };
      const [approved, filed] = await Promise.all([w.call(approve(id)), w.call(fileCall)]);
      expect(filed.ok).toBe(true);
      const rows = (filed as { data: { filing: { approvedRows: number } } }).data.filing.approvedRows;
      // Either the approval committed first and is counted, or it met the filed list and was refused.
      if (approved.ok) expect(rows).toBe(1);
      else expect([approved.error.code, rows]).toEqual(['FILING.LOCKED', 0]);
      // Both wrote the list's guard inside their transactions, which is what makes the second one conflict.
      const guardWrites = fake.requests.filter(
        (r) =>
          typeof r.body.transactionId === 'string' &&
          JSON.stringify(r.body).includes('filing-guard:2027:district:yuecheng'),
      );
      expect(guardWrites.length).toBeGreaterThanOrEqual(2);
      expect(fake.violations).toEqual([]);
    }
  }, 60_000);
});
