import type { AuditDoc, OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { approval, fixture, idNumberOf, type Fixture, type Person, type Youth } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';

describe('nomination.review (R4.2)', () => {
  let f: Fixture;
  let h: Harness;
  let unit: OrgDoc;
  let admin: Person;
  let youth: Youth;
  beforeEach(async () => {
    f = await fixture();
    h = f.h;
    unit = await f.unit({ name: '越城区智造科技有限公司', district: 'yuecheng', youthCount: 39 });
    admin = await f.admin('unitAdmin', unit, { name: '陈管理员' });
    youth = await f.youth(unit, {
      name: '张晓青',
      idNumber: idNumberOf('1996-05-20', 1),
      phone: '13800001111',
      consent: true,
    });
  });

  it('a youth submits, the unit admin sees it masked and approves, the youth sees the result', async () => {
    await f.nomination(unit, { name: '李明' });
    const submitted = dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    expect(submitted.nomination).toEqual(
      expect.objectContaining({
        status: 'submitted',
        channel: 'self',
        age: 30, // never the birth date beside the masked number (issue 8 §1)
        sex: 'male',
        unitId: unit._id,
      }),
    );

    const pending = dataOf(await h.call('nomination', 'listForReview', {}, admin));
    const mine = pending.items.find((n) => n.name === '张晓青');
    expect(mine).toEqual(
      expect.objectContaining({
        idNumberMasked: `330602********${youth.idNumber.slice(14)}`,
        phoneMasked: '138****1111',
      }),
    );
    expect(JSON.stringify(pending)).not.toContain(youth.idNumber);
    expect(JSON.stringify(pending)).not.toContain('13800001111');

    dataOf(await h.call('nomination', 'review', approval(mine!.id), admin));
    const after = dataOf(await h.call('nomination', 'getMine', {}, youth));
    expect(after.nomination?.status).toBe('approved');
    expect(after.nomination?.history.map((e) => e.action)).toEqual(['submit', 'approve']);
    const outbox = await h.deps.store.collection('outbox').find({ toOpenid: youth.openid });
    expect(outbox).toEqual([expect.objectContaining({ title: '推荐审核结果', status: 'pending' })]);
  });

  describe('on a submitted nomination', () => {
    let id: string;
    beforeEach(async () => {
      id = (await f.nomination(unit, { youth })).id;
    });

    it('approving confirms on-staff status and the three criteria, and records who did (R4.2)', async () => {
      const bare = await h.call('nomination', 'review', { nominationId: id, decision: 'approve' }, admin);
      expect(bare).toEqual(
        expect.objectContaining({
          ok: false,
          error: expect.objectContaining({
            code: 'INPUT.INVALID',
            details: { issues: [{ path: 'confirm', code: 'required' }] },
          }),
        }),
      );
      // Malformed on purpose: half a confirmation is not a confirmation.
      const half = await h.callRaw(
        'nomination',
        { action: 'review', data: { nominationId: id, decision: 'approve', confirm: { onStaff: true } } },
        admin,
      );
      expect(half.ok).toBe(false);
      const { nomination } = dataOf(await h.call('nomination', 'review', approval(id), admin));
      expect(nomination.confirmation).toEqual({ byName: '陈管理员', at: h.deps.clock().toISOString() });
    });

    it('reject and return need a reason', async () => {
      const res = await h.call('nomination', 'review', { nominationId: id, decision: 'reject' }, admin);
      expect(res).toEqual(
        expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INPUT.INVALID' }) }),
      );
      const ok = await h.call(
        'nomination',
        'review',
        { nominationId: id, decision: 'return', comment: '请补充典型事迹' },
        admin,
      );
      expect(ok.ok).toBe(true);
      const mine = dataOf(await h.call('nomination', 'getMine', {}, youth));
      expect(mine.nomination?.history.at(-1)).toEqual(
        expect.objectContaining({ action: 'return', comment: '请补充典型事迹', actorName: '陈管理员' }),
      );
    });

    it('cannot decide twice', async () => {
      dataOf(await h.call('nomination', 'review', approval(id), admin));
      const res = await h.call(
        'nomination',
        'review',
        { nominationId: id, decision: 'reject', comment: '不符合条件' },
        admin,
      );
      expect(res).toEqual(
        expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'NOMINATION.INVALID_STATE' }) }),
      );
    });

    it('another unit admin cannot review it', async () => {
      const elsewhere = await f.admin('unitAdmin', await f.unit({ district: 'keqiao' }));
      const res = await h.call('nomination', 'review', approval(id), elsewhere);
      expect(res).toEqual(
        expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }) }),
      );
    });
  });

  describe('who decides (issue 9 §2)', () => {
    it('a district admin only looks at a unit that has its own admin', async () => {
      const { id } = await f.nomination(unit);
      const district = await f.admin('districtAdmin', await f.district('yuecheng'), { name: '赵书记' });
      expect(codeOf(await h.call('nomination', 'review', approval(id), district))).toBe('NOMINATION.NOT_REVIEWER');
      const listed = dataOf(await h.call('nomination', 'listForReview', {}, district)).items.find((n) => n.id === id);
      expect(listed?.review).toEqual({ level: 'unit', mayDecide: false, quota: { limit: 1, used: 0 } });
    });

    it('the district reviews for a unit without an admin, and the record says so', async () => {
      const orphan = await f.unit({ name: '越城区青年志愿者协会', district: 'yuecheng', youthCount: 8 });
      const { id } = await f.nomination(orphan);
      const district = await f.admin('districtAdmin', await f.district('yuecheng'), { name: '赵书记' });
      expect(codeOf(await h.call('nomination', 'review', approval(id), admin))).toBe('AUTH.OUT_OF_SCOPE');
      const { nomination } = dataOf(await h.call('nomination', 'review', approval(id), district));
      expect(nomination.status).toBe('approved');
      expect(nomination.history.at(-1)).toMatchObject({ action: 'approve', actorName: '赵书记', onBehalf: 'district' });
      const audits = await h.deps.store.collection<AuditDoc>('audit').find({ action: 'nomination.review' });
      expect(audits.some((a) => a.details?.onBehalf === 'district')).toBe(true);
    });

    it('another district and the city do not stand in for a district unit', async () => {
      const orphan = await f.unit({ district: 'yuecheng', youthCount: 8 });
      const { id } = await f.nomination(orphan);
      const keqiao = await f.admin('districtAdmin', await f.district('keqiao'));
      const city = await f.admin('cityAdmin', f.city);
      expect(codeOf(await h.call('nomination', 'review', approval(id), keqiao))).toBe('AUTH.OUT_OF_SCOPE');
      expect(codeOf(await h.call('nomination', 'review', approval(id), city))).toBe('NOMINATION.NOT_REVIEWER');
    });

    it('the city reviews for a city-level unit without an admin', async () => {
      const orphan = await f.unit({ district: null, category: 'soe', youthCount: 40 });
      const { id } = await f.nomination(orphan);
      const city = await f.admin('cityAdmin', f.city);
      const { nomination } = dataOf(await h.call('nomination', 'review', approval(id), city));
      expect(nomination.history.at(-1)?.onBehalf).toBe('city');
    });

    it('once the unit has an admin, the district no longer decides', async () => {
      const orphan = await f.unit({ district: 'yuecheng', youthCount: 40 });
      const { id } = await f.nomination(orphan);
      const district = await f.admin('districtAdmin', await f.district('yuecheng'));
      await f.admin('unitAdmin', orphan);
      expect(codeOf(await h.call('nomination', 'review', approval(id), district))).toBe('NOMINATION.NOT_REVIEWER');
    });
  });

  it('unknown nomination → NOMINATION.NOT_FOUND', async () => {
    const res = await h.call('nomination', 'review', approval('2027:deadbeef'), admin);
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'NOMINATION.NOT_FOUND' }) }),
    );
  });

  it('50 concurrent approvals against a quota of 5 approve exactly 5', async () => {
    const nominees = await f.nominations(unit, 50);
    const city = await f.admin('cityAdmin', f.city);
    dataOf(await h.call('admin', 'setQuota', { unitId: unit._id, quota: 5, reason: '并发测试' }, city));
    const results = await Promise.all(nominees.map((n) => h.call('nomination', 'review', approval(n.id), admin)));
    expect(results.filter((r) => r.ok)).toHaveLength(5);
    expect(results.filter((r) => !r.ok).every((r) => codeOf(r) === 'QUOTA.EXCEEDED')).toBe(true);
    expect(await h.deps.store.collection('nominations').count({ unitId: unit._id, status: 'approved' })).toBe(5);
  });
});
