import type { NominationDoc, OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { approval, fixture, idNumberOf, type Fixture, type Person, type Youth } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';

/** 张晓青, born 1996-05-20 (male), of 越城区智造科技有限公司, who has consented: the youth of most tests. */
async function setup(): Promise<{ f: Fixture; h: Harness; unit: OrgDoc; admin: Person; youth: Youth }> {
  const f = await fixture();
  const unit = await f.unit({ id: 'yuecheng-tech', name: '越城区智造科技有限公司', district: 'yuecheng' });
  const admin = await f.admin('unitAdmin', unit, { name: '陈管理员' });
  const youth = await f.youth(unit, {
    name: '张晓青',
    idNumber: idNumberOf('1996-05-20', 1),
    phone: '13800001111',
    consent: true,
  });
  return { f, h: f.h, unit, admin, youth };
}

describe('nomination.submitSelf: the record (R2, R9)', () => {
  let h: Harness;
  let youth: Youth;
  beforeEach(async () => {
    ({ h, youth } = await setup());
  });

  it('stores the ID number and phone encrypted, with a keyed hash, never in clear', async () => {
    dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    const [doc] = await h.deps.store.collection('nominations').find({ youthOpenid: youth.openid });
    const raw = JSON.stringify(doc);
    expect(raw).not.toContain(youth.idNumber);
    expect(raw).not.toContain('13800001111');
    const stored = doc as unknown as { idNumberEnc: string; phoneEnc: string };
    expect(h.deps.crypto.decrypt(stored.idNumberEnc)).toBe(youth.idNumber);
    expect(h.deps.crypto.decrypt(stored.phoneEnc)).toBe('13800001111');
  });

  it('returns every field, masked where personal', async () => {
    const { nomination } = dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    expect(nomination).toEqual(
      expect.objectContaining({
        education: 'bachelor',
        degree: 'bachelor',
        politicalStatus: 'league_member',
        title: '工程师',
        showcaseConsent: true,
        claimed: true,
      }),
    );
    expect(JSON.stringify(nomination)).not.toContain(youth.idNumber);
  });
});

describe('nomination.submitSelf: eligibility and the form (R2)', () => {
  let h: Harness;
  let youth: Youth;
  beforeEach(async () => {
    ({ h, youth } = await setup());
  });

  it.each([
    [{ idNumber: '330602199605200013' }, 'ELIGIBILITY.ID_CHECKSUM', 'idNumber'],
    [{ idNumber: idNumberOf('1992-05-31', 1) }, 'ELIGIBILITY.TOO_OLD', 'idNumber'], // cutoff 1992-06-01
    [{ idNumber: idNumberOf('2015-01-01', 1) }, 'ELIGIBILITY.TOO_YOUNG', 'idNumber'],
    [{ idNumber: '330602199602300010' }, 'ELIGIBILITY.ID_DATE', 'idNumber'],
    [{ onStaff: false }, 'ELIGIBILITY.NOT_ON_STAFF', 'onStaff'],
    [{ phone: '12800001111' }, 'ELIGIBILITY.PHONE_FORMAT', 'phone'],
  ])('refuses %p with %s on %s and writes nothing', async (over, code, field) => {
    const before = await h.snapshot();
    const res = await h.call('nomination', 'submitSelf', youth.form(over), youth);
    expect(res).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code, details: expect.objectContaining({ field }) }),
      }),
    );
    expect(await h.snapshot()).toEqual(before);
  });

  it('born exactly on the cutoff (1992-06-01 for the period) is eligible (R2.1)', async () => {
    const res = await h.call('nomination', 'submitSelf', youth.form({ idNumber: idNumberOf('1992-06-01', 7) }), youth);
    expect(res.ok).toBe(true);
  });

  it.each([
    [
      { attestations: { political: true, moral: false, contribution: true } },
      'ELIGIBILITY.ATTESTATION_MISSING',
      'attestations.moral',
    ],
    [{ education: 'associate', degree: 'bachelor' } as const, 'PROFILE.DEGREE_MISMATCH', 'degree'],
  ])('%p → %s on %s', async (over, code, field) => {
    const res = await h.call('nomination', 'submitSelf', youth.form(over), youth);
    expect(res).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code, details: expect.objectContaining({ field }) }),
      }),
    );
  });

  it('deeds need at least 50 characters and at most 1500', async () => {
    const submit = (deeds: string) => h.call('nomination', 'submitSelf', youth.form({ deeds }), youth);
    expect(codeOf(await submit('太短了'))).toBe('INPUT.INVALID');
    expect(codeOf(await submit('事'.repeat(1501)))).toBe('INPUT.INVALID');
    expect(codeOf(await submit('事'.repeat(1500)))).toBe('OK');
  });
});

describe('nomination.submitSelf: the period, the account and the consent (R4.3, PIPL art. 29)', () => {
  it('refuses submissions after the 31 July deadline, China time, with the deadline in the details', async () => {
    const { h, youth } = await setup();
    h.setNow(new Date('2027-07-31T16:00:00Z')); // 1 August 00:00 in China
    const res = await h.call('nomination', 'submitSelf', youth.form(), youth);
    expect(res).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'PERIOD.CLOSED', details: { deadline: '2027-07-31T15:59:59.999Z' } }),
      }),
    );
    h.setNow(new Date('2027-07-31T15:59:00Z')); // 23:59 on 31 July in China: still open
    expect((await h.call('nomination', 'submitSelf', youth.form(), youth)).ok).toBe(true);
  });

  it('refuses before the window opens, with the opening time', async () => {
    const { h, youth } = await setup();
    h.setNow(new Date('2026-07-31T15:59:59Z')); // 23:59:59 on 31 July 2026, China time
    const res = await h.call('nomination', 'submitSelf', youth.form(), youth);
    expect(res).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'PERIOD.NOT_OPEN', details: { opensAt: '2026-07-31T16:00:00.000Z' } }),
      }),
    );
  });

  it('without a current period says so', async () => {
    const f = await fixture({ period: null });
    const youth = await f.youth(await f.unit(), { consent: true });
    expect(codeOf(await f.h.call('nomination', 'submitSelf', youth.form(), youth))).toBe('PERIOD.NOT_FOUND');
  });

  it('needs a bound unit first', async () => {
    const { f, h } = await setup();
    const newcomer = await f.youth(null, { consent: true });
    const res = await h.call('nomination', 'submitSelf', newcomer.form(), newcomer);
    expect(res).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.FORBIDDEN' }) }),
    );
  });

  it('a youth grant that does not point at a unit is not a binding', async () => {
    const f = await fixture();
    const district = await f.district('yuecheng');
    const astray = await f.account([{ role: 'youth', orgId: district._id }]);
    await f.h.consent(astray);
    const form = f.person({ name: astray.name }).form();
    expect(codeOf(await f.h.call('nomination', 'submitSelf', form, astray))).toBe('ACCOUNT.NOT_BOUND');
  });

  it('a submit without the separate consent is refused and writes nothing', async () => {
    const f = await fixture();
    const youth = await f.youth(await f.unit());
    const before = await f.h.snapshot();
    expect(codeOf(await f.h.call('nomination', 'submitSelf', youth.form(), youth))).toBe('CONSENT.REQUIRED');
    expect(await f.h.snapshot()).toEqual(before);
  });
});

describe('nomination.submitSelf: one nomination per person (R4.6)', () => {
  let f: Fixture;
  let h: Harness;
  let unit: OrgDoc;
  let youth: Youth;
  let admin: Person;
  beforeEach(async () => {
    ({ f, h, unit, youth, admin } = await setup());
  });

  it('one active nomination per person per period, without revealing the other record', async () => {
    dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    const again = await h.call('nomination', 'submitSelf', youth.form(), youth);
    expect(again).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'NOMINATION.DUPLICATE' }) }),
    );
    // Someone else in another unit tries the same ID number.
    const stranger = await f.youth(await f.unit({ district: 'keqiao' }), { name: '冒名者', consent: true });
    const other = await h.call('nomination', 'submitSelf', youth.form({ name: '冒名者' }), stranger);
    expect(other.ok).toBe(false);
    if (!other.ok) {
      expect(other.error.code).toBe('NOMINATION.DUPLICATE');
      expect(JSON.stringify(other.error)).not.toMatch(new RegExp(`${youth.name}|${unit._id}|越城`));
      // A youth learns nothing about other people: no details at all (issue 8 §6).
      expect(other.error.details).toBeUndefined();
    }
  });

  it('a youth trying a number another unit holds flags that record as contested, and learns nothing (issue 8 §6)', async () => {
    const unitEntered = dataOf(
      await h.call(
        'nomination',
        'nominateByUnit',
        { unitId: unit._id, form: f.person({ name: '被冒用者' }).form(), consentObtained: true },
        await f.admin('unitAdmin', unit),
      ),
    ).nomination;
    const held = await h.deps.store.collection<NominationDoc>('nominations').get(unitEntered.id);
    const number = h.deps.crypto.decrypt(held!.idNumberEnc);
    const elsewhere = await f.youth(await f.unit({ district: 'keqiao' }), { consent: true });
    const res = await h.call('nomination', 'submitSelf', elsewhere.form({ idNumber: number }), elsewhere);
    expect(res).toEqual({
      ok: false,
      error: { code: 'NOMINATION.DUPLICATE', message: 'a nomination already exists this period' },
      requestId: expect.any(String),
    });
    const flagged = dataOf(await h.call('nomination', 'get', { nominationId: unitEntered.id }, admin)).nomination;
    expect(flagged.contest).toEqual(expect.objectContaining({ count: 1, unitIds: [elsewhere.unitId] }));
    // The youth's own second try is not a contest.
    dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    expect(codeOf(await h.call('nomination', 'submitSelf', youth.form(), youth))).toBe('NOMINATION.DUPLICATE');
    const own = await h.deps.store.collection<NominationDoc>('nominations').findOne({ youthOpenid: youth.openid });
    expect(own?.contest ?? null).toBeNull();
  });

  it('concurrent double submit creates exactly one nomination', async () => {
    const results = await Promise.all(
      [1, 2, 3, 4, 5].map(() => h.call('nomination', 'submitSelf', youth.form(), youth)),
    );
    expect(results.filter((r) => r.ok)).toHaveLength(1);
    expect(await h.deps.store.collection('nominations').count({ youthOpenid: youth.openid })).toBe(1);
  });

  it('a double-tapped submit with one request id runs once and both taps get the same answer', async () => {
    const taps = await Promise.all(
      [1, 2, 3].map(() => h.call('nomination', 'submitSelf', youth.form(), youth, 'req_doubletap0001')),
    );
    expect(taps.every((t) => t.ok)).toBe(true);
    expect(new Set(taps.map((t) => JSON.stringify(t))).size).toBe(1);
    const retry = await h.call('nomination', 'submitSelf', youth.form(), youth, 'req_doubletap0001');
    expect(retry).toEqual(taps[0]);
    expect(await h.deps.store.collection('nominations').count({ youthOpenid: youth.openid })).toBe(1);
    expect(await h.deps.store.collection('audit').count({ requestId: 'req_doubletap0001' })).toBe(1);
  });

  it('a rejected request id leaves no trace and can be retried once corrected', async () => {
    const bad = await h.call('nomination', 'submitSelf', youth.form({ onStaff: false }), youth, 'req_retryable0001');
    expect(bad.ok).toBe(false);
    expect(await h.deps.store.collection('requests').count({})).toBe(0);
    const good = await h.call('nomination', 'submitSelf', youth.form(), youth, 'req_retryable0001');
    expect(good.ok).toBe(true);
  });
});

describe('nomination.submitSelf: resubmitting a returned nomination', () => {
  it('a returned nomination can be corrected and resubmitted by its youth', async () => {
    const { f, h, unit, youth } = await setup();
    await f.nomination(unit, { youth, status: 'returned', comment: '岗位写具体' });
    const again = dataOf(
      await h.call('nomination', 'submitSelf', youth.form({ post: '软件工程师（中级），研发一部' }), youth),
    );
    expect(again.nomination.status).toBe('submitted');
    expect(again.nomination.history.map((e) => e.action)).toEqual(['submit', 'return', 'resubmit']);
  });

  it('a claimed, returned record can be corrected by its youth, keeping the unit channel', async () => {
    const { f, h, unit, admin } = await setup();
    const wang = await f.youth(null, { name: '王青', consent: true });
    const { nomination, claimCode } = dataOf(
      await h.call(
        'nomination',
        'nominateByUnit',
        { unitId: unit._id, form: wang.form(), consentObtained: true },
        admin,
      ),
    );
    dataOf(await h.call('nomination', 'claim', { claimCode, idNumber: wang.idNumber }, wang));
    dataOf(
      await h.call(
        'nomination',
        'review',
        { nominationId: nomination.id, decision: 'return', comment: '补充职称' },
        admin,
      ),
    );
    const again = dataOf(await h.call('nomination', 'submitSelf', wang.form({ title: '高级工程师' }), wang));
    expect(again.nomination).toEqual(
      expect.objectContaining({ channel: 'unit', status: 'submitted', title: '高级工程师' }),
    );
  });
});

describe('nomination.submitSelf into a filed, locked list (issue 9 §3)', () => {
  it('the youth is told before submitting; the record is held, not stuck, and reviewable once reopened', async () => {
    const { f, h, admin, youth } = await setup();
    const district = await f.admin('districtAdmin', await f.district('yuecheng'), { name: '赵书记' });
    const filingId = `${f.period!._id}:district:yuecheng`;
    dataOf(await h.call('admin', 'file', { filingId, emptyReason: '本期暂无推荐人选' }, district));

    // Before submitting: the youth's own view says the list is locked.
    expect(dataOf(await h.call('nomination', 'getMine', {}, youth)).listLocked).toBe(true);
    const { nomination } = dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    expect(nomination.status).toBe('held');

    // Nobody is asked to review what cannot be reviewed; the district sees it waiting on its list.
    expect(dataOf(await h.call('nomination', 'listForReview', {}, admin)).total).toBe(0);
    const held = dataOf(await h.call('nomination', 'listForReview', { status: 'held' }, district));
    expect(held.items.map((n) => n.name)).toEqual(['张晓青']);
    const [card] = dataOf(await h.call('admin', 'filings', { state: 'filed' }, district)).items;
    expect(card).toMatchObject({ id: filingId, waiting: 1 });

    // Reopening releases it: the unit reviews it, and the youth hears so.
    dataOf(await h.call('admin', 'reopen', { filingId, reason: '新增自荐需审核' }, district));
    const pending = dataOf(await h.call('nomination', 'listForReview', {}, admin));
    expect(pending.items.map((n) => [n.name, n.status])).toEqual([['张晓青', 'submitted']]);
    const { nomination: after } = dataOf(await h.call('nomination', 'review', approval(pending.items[0].id), admin));
    expect(after.history.map((e) => e.action)).toEqual(['submit', 'release', 'approve']);
    const told = await h.deps.store.collection('outbox').find({ toOpenid: youth.openid, title: '推荐已进入审核' });
    expect(told).toHaveLength(1);
    expect(dataOf(await h.call('nomination', 'getMine', {}, youth)).listLocked).toBe(false);
  });

  it('a held nomination may be withdrawn', async () => {
    const { f, h, youth } = await setup();
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    dataOf(
      await h.call(
        'admin',
        'file',
        { filingId: `${f.period!._id}:district:yuecheng`, emptyReason: '本期暂无推荐人选' },
        district,
      ),
    );
    const { nomination } = dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    const { nomination: gone } = dataOf(await h.call('nomination', 'withdraw', { nominationId: nomination.id }, youth));
    expect(gone.status).toBe('withdrawn');
  });
});
