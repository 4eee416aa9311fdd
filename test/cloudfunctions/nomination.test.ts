import type { NominationView } from '../../miniprogram/core/contracts/nomination';
import type { Paged } from '../../miniprogram/core/contracts/common';
import { demoForm, demoIdNumber } from '../../scripts/local/seed';
import { dataOf, makeHarness, type Harness } from '../support/harness';

const YOUTH = 'dev-youth-zhang';
const ADMIN = 'dev-unit-admin';
const validId = demoIdNumber('330602', '1996-05-20', 1);
const submission = (over: Record<string, unknown> = {}) => ({
  ...demoForm({ name: '张晓青', idNumber: validId, phone: '13800001111', post: '软件工程师（中级）' }),
  ...over,
});

describe('walking skeleton: self-nomination → unit review', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
    await h.consent(YOUTH);
  });

  it('a youth submits, the unit admin sees it masked and approves, the youth sees the result', async () => {
    const submitted = dataOf<{ nomination: NominationView }>(
      await h.call('nomination', 'submitSelf', submission(), YOUTH),
    );
    expect(submitted.nomination).toEqual(
      expect.objectContaining({
        status: 'submitted',
        channel: 'self',
        birthDate: '1996-05-20',
        sex: 'male',
        unitId: 'yuecheng-tech',
      }),
    );

    const pending = dataOf<Paged<NominationView>>(await h.call('nomination', 'listForReview', {}, ADMIN));
    const mine = pending.items.find((n) => n.name === '张晓青');
    expect(mine).toEqual(
      expect.objectContaining({ idNumberMasked: `330602********${validId.slice(14)}`, phoneMasked: '138****1111' }),
    );
    expect(JSON.stringify(pending)).not.toContain(validId);
    expect(JSON.stringify(pending)).not.toContain('13800001111');

    dataOf(
      await h.call(
        'nomination',
        'review',
        { nominationId: mine!.id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
        ADMIN,
      ),
    );
    const after = dataOf(await h.call('nomination', 'getMine', {}, YOUTH));
    expect(after.nomination?.status).toBe('approved');
    expect(after.nomination?.history.map((e) => e.action)).toEqual(['submit', 'approve']);
    const outbox = await h.deps.store.collection('outbox').find({ toOpenid: YOUTH });
    expect(outbox).toEqual([expect.objectContaining({ title: '推荐审核结果', status: 'pending' })]);
  });

  it('stores the ID number and phone encrypted, with a keyed hash, never in clear', async () => {
    dataOf(await h.call('nomination', 'submitSelf', submission(), YOUTH));
    const [doc] = await h.deps.store.collection('nominations').find({ youthOpenid: YOUTH });
    const raw = JSON.stringify(doc);
    expect(raw).not.toContain(validId);
    expect(raw).not.toContain('13800001111');
    const stored = doc as unknown as { idNumberEnc: string; phoneEnc: string };
    expect(h.deps.crypto.decrypt(stored.idNumberEnc)).toBe(validId);
    expect(h.deps.crypto.decrypt(stored.phoneEnc)).toBe('13800001111');
  });

  it.each([
    [{ idNumber: '330602199605200013' }, 'ELIGIBILITY.ID_CHECKSUM', 'idNumber'],
    [{ idNumber: demoIdNumber('330602', '1992-05-31', 1) }, 'ELIGIBILITY.TOO_OLD', 'idNumber'], // cutoff 1992-06-01
    [{ idNumber: demoIdNumber('330602', '2015-01-01', 1) }, 'ELIGIBILITY.TOO_YOUNG', 'idNumber'],
    [{ idNumber: '330602199602300010' }, 'ELIGIBILITY.ID_DATE', 'idNumber'],
    [{ onStaff: false }, 'ELIGIBILITY.NOT_ON_STAFF', 'onStaff'],
    [{ phone: '12800001111' }, 'ELIGIBILITY.PHONE_FORMAT', 'phone'],
  ])('refuses %p with %s on %s and writes nothing', async (over, code, field) => {
    const before = await h.snapshot();
    const res = await h.call('nomination', 'submitSelf', submission(over), YOUTH);
    expect(res).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code, details: expect.objectContaining({ field }) }),
      }),
    );
    expect(await h.snapshot()).toEqual(before);
  });

  it('born exactly on the cutoff (1992-06-01 for the demo period) is eligible (R2.1)', async () => {
    const res = await h.call(
      'nomination',
      'submitSelf',
      submission({ idNumber: demoIdNumber('330602', '1992-06-01', 7) }),
      YOUTH,
    );
    expect(res.ok).toBe(true);
  });

  it('refuses submissions after the 31 July deadline, China time, with the deadline in the details', async () => {
    h.setNow(new Date('2027-07-31T16:00:00Z')); // 1 August 00:00 in China
    const res = await h.call('nomination', 'submitSelf', submission(), YOUTH);
    expect(res).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'PERIOD.CLOSED', details: { deadline: '2027-07-31T15:59:59.999Z' } }),
      }),
    );
    h.setNow(new Date('2027-07-31T15:59:00Z')); // 23:59 on 31 July in China: still open
    expect((await h.call('nomination', 'submitSelf', submission(), YOUTH)).ok).toBe(true);
  });

  it('one active nomination per person per period (R4.6), without revealing the other record', async () => {
    dataOf(await h.call('nomination', 'submitSelf', submission(), YOUTH));
    const again = await h.call('nomination', 'submitSelf', submission(), YOUTH);
    expect(again).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'NOMINATION.DUPLICATE' }) }),
    );
    // Someone else in another unit tries the same ID number.
    dataOf(await h.call('account', 'bindUnit', { unitId: 'keqiao-tech', displayName: '冒名者' }, 'stranger'));
    await h.consent('stranger');
    const other = await h.call('nomination', 'submitSelf', submission({ name: '冒名者' }), 'stranger');
    expect(other.ok).toBe(false);
    if (!other.ok) {
      expect(other.error.code).toBe('NOMINATION.DUPLICATE');
      expect(JSON.stringify(other.error)).not.toMatch(/张晓青|yuecheng|越城/);
    }
  });

  it('concurrent double submit creates exactly one nomination', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(() => h.call('nomination', 'submitSelf', submission(), YOUTH)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await h.deps.store.collection('nominations').count({ youthOpenid: YOUTH })).toBe(1);
  });

  it('a double-tapped submit with one request id runs once and both taps get the same answer', async () => {
    const taps = await Promise.all(
      [1, 2, 3].map(() => h.call('nomination', 'submitSelf', submission(), YOUTH, 'req_doubletap0001')),
    );
    expect(taps.every((t) => t.ok)).toBe(true);
    expect(new Set(taps.map((t) => JSON.stringify(t))).size).toBe(1);
    const retry = await h.call('nomination', 'submitSelf', submission(), YOUTH, 'req_doubletap0001');
    expect(retry).toEqual(taps[0]);
    expect(await h.deps.store.collection('nominations').count({ youthOpenid: YOUTH })).toBe(1);
    expect(await h.deps.store.collection('audit').count({ requestId: 'req_doubletap0001' })).toBe(1);
  });

  it('a rejected request id leaves no trace and can be retried once corrected', async () => {
    const bad = await h.call('nomination', 'submitSelf', submission({ onStaff: false }), YOUTH, 'req_retryable0001');
    expect(bad.ok).toBe(false);
    expect(await h.deps.store.collection('requests').count({})).toBe(0);
    const good = await h.call('nomination', 'submitSelf', submission(), YOUTH, 'req_retryable0001');
    expect(good.ok).toBe(true);
  });

  it('needs a bound unit first', async () => {
    const res = await h.call('nomination', 'submitSelf', submission(), 'dev-youth-new');
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.FORBIDDEN' }) }),
    );
  });
});

describe('review rules (R4.2)', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    h = await makeHarness();
    await h.consent(YOUTH);
    id = dataOf<{ nomination: NominationView }>(await h.call('nomination', 'submitSelf', submission(), YOUTH))
      .nomination.id;
  });

  it('approving confirms on-staff status and the three criteria, and records who did (R4.2)', async () => {
    const bare = await h.call('nomination', 'review', { nominationId: id, decision: 'approve' }, ADMIN);
    expect(bare).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({
          code: 'INPUT.INVALID',
          details: { issues: [{ path: 'confirm', code: 'required' }] },
        }),
      }),
    );
    const half = await h.callRaw(
      'nomination',
      { action: 'review', data: { nominationId: id, decision: 'approve', confirm: { onStaff: true } } },
      ADMIN,
    );
    expect(half.ok).toBe(false);
    const { nomination } = dataOf<{ nomination: NominationView }>(
      await h.call(
        'nomination',
        'review',
        { nominationId: id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
        ADMIN,
      ),
    );
    expect(nomination.confirmation).toEqual({ byName: '陈管理员', at: h.deps.clock().toISOString() });
  });

  it('reject and return need a reason', async () => {
    const res = await h.call('nomination', 'review', { nominationId: id, decision: 'reject' }, ADMIN);
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INPUT.INVALID' }) }),
    );
    const ok = await h.call(
      'nomination',
      'review',
      { nominationId: id, decision: 'return', comment: '请补充典型事迹' },
      ADMIN,
    );
    expect(ok.ok).toBe(true);
    const mine = dataOf(await h.call('nomination', 'getMine', {}, YOUTH));
    expect(mine.nomination?.history.at(-1)).toEqual(
      expect.objectContaining({ action: 'return', comment: '请补充典型事迹', actorName: '陈管理员' }),
    );
  });

  it('a returned nomination can be corrected and resubmitted by its youth', async () => {
    dataOf(
      await h.call('nomination', 'review', { nominationId: id, decision: 'return', comment: '岗位写具体' }, ADMIN),
    );
    const again = dataOf<{ nomination: NominationView }>(
      await h.call('nomination', 'submitSelf', submission({ post: '软件工程师（中级），研发一部' }), YOUTH),
    );
    expect(again.nomination.status).toBe('submitted');
    expect(again.nomination.history.map((e) => e.action)).toEqual(['submit', 'return', 'resubmit']);
  });

  it('cannot decide twice', async () => {
    dataOf(
      await h.call(
        'nomination',
        'review',
        { nominationId: id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
        ADMIN,
      ),
    );
    const res = await h.call('nomination', 'review', { nominationId: id, decision: 'reject', comment: 'x' }, ADMIN);
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'NOMINATION.INVALID_STATE' }) }),
    );
  });

  it('another unit admin cannot review it, and a district admin only lists its own district', async () => {
    dataOf(await h.call('account', 'bindUnit', { unitId: 'keqiao-tech', displayName: 'x' }, 'other-admin'));
    await h.deps.store
      .collection('accounts')
      .updateOne({ _id: 'other-admin' }, { $set: { grants: [{ role: 'unitAdmin', orgId: 'keqiao-tech' }] } });
    const res = await h.call(
      'nomination',
      'review',
      { nominationId: id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
      'other-admin',
    );
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }) }),
    );
    const own = dataOf<Paged<NominationView>>(await h.call('nomination', 'listForReview', {}, 'other-admin'));
    expect(own.total).toBe(0);
    const district = dataOf<Paged<NominationView>>(
      await h.call('nomination', 'listForReview', {}, 'dev-district-admin'),
    );
    expect(district.items.map((n) => n.name).sort()).toEqual(['张晓青', '李明']);
  });

  it('the queue searches names from their start, and a pattern is only text', async () => {
    const q = (keyword: string) =>
      h
        .call('nomination', 'listForReview', { keyword }, ADMIN)
        .then((r) => dataOf<Paged<NominationView>>(r).items.map((n) => n.name));
    expect(await q('张')).toEqual(['张晓青']);
    expect(await q('晓青')).toEqual([]);
    expect(await q('.*')).toEqual([]);
  });

  it('unknown nomination → NOMINATION.NOT_FOUND', async () => {
    const res = await h.call(
      'nomination',
      'review',
      { nominationId: '2027:deadbeef', decision: 'approve', confirm: { onStaff: true, attestations: true } },
      ADMIN,
    );
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'NOMINATION.NOT_FOUND' }) }),
    );
  });
});
