import type { MeOutput } from '../../miniprogram/core/contracts/account';
import type { Paged } from '../../miniprogram/core/contracts/common';
import type { DraftView, NominationView } from '../../miniprogram/core/contracts/nomination';
import { demoForm, demoIdNumber } from '../../scripts/local/seed';
import { FUNCTIONS } from '../../scripts/local/functions';
import { dataOf, makeHarness, type Harness } from '../support/harness';

const YOUTH = 'dev-youth-zhang';
const ADMIN = 'dev-unit-admin';
const idNumber = demoIdNumber('330602', '1996-05-20', 1);
const form = (over: Record<string, unknown> = {}) => ({
  ...demoForm({ name: '张晓青', idNumber, phone: '13800001111', post: '软件工程师' }),
  ...over,
});
const codeOf = (res: { ok: boolean; error?: { code: string } }) => (res.ok ? 'OK' : res.error?.code);

describe('consent (PIPL art. 29)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });

  it('a submit without the separate consent is refused and writes nothing', async () => {
    const before = await h.snapshot();
    expect(codeOf(await h.call('nomination', 'submitSelf', form(), YOUTH))).toBe('CONSENT.REQUIRED');
    expect(await h.snapshot()).toEqual(before);
  });

  it('is recorded with its version; a refusal is recorded too and the rest of the app still works', async () => {
    const refused = dataOf<MeOutput>(
      await h.call(
        'account',
        'recordConsent',
        { purpose: 'personal_info', version: '2026-11-v1', granted: false },
        YOUTH,
      ),
    );
    expect(refused.consent).toEqual(expect.objectContaining({ version: '2026-11-v1', granted: false }));
    expect(codeOf(await h.call('nomination', 'getMine', {}, YOUTH))).toBe('OK');
    expect(codeOf(await h.call('nomination', 'saveDraft', { fields: { post: '工程师' } }, YOUTH))).toBe('OK');
    expect(codeOf(await h.call('nomination', 'submitSelf', form(), YOUTH))).toBe('CONSENT.REQUIRED');
    await h.consent(YOUTH);
    expect(codeOf(await h.call('nomination', 'submitSelf', form(), YOUTH))).toBe('OK');
    const [doc] = await h.deps.store.collection('consents').find({ openid: YOUTH });
    expect((doc as unknown as { history: unknown[] }).history).toHaveLength(2);
  });

  it('an outdated consent text version is refused', async () => {
    const res = await h.call(
      'account',
      'recordConsent',
      { purpose: 'personal_info', version: '2020-01-v0', granted: true },
      YOUTH,
    );
    expect(codeOf(res)).toBe('CONSENT.REQUIRED');
  });
});

describe('the full form (R2)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
    await h.consent(YOUTH);
  });

  it.each([
    [
      { attestations: { political: true, moral: false, contribution: true } },
      'ELIGIBILITY.ATTESTATION_MISSING',
      'attestations.moral',
    ],
    [{ education: 'associate', degree: 'bachelor' }, 'PROFILE.DEGREE_MISMATCH', 'degree'],
  ])('%p → %s on %s', async (over, code, field) => {
    const res = await h.call('nomination', 'submitSelf', form(over), YOUTH);
    expect(res).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code, details: expect.objectContaining({ field }) }),
      }),
    );
  });

  it('deeds need at least 50 characters and at most 1500', async () => {
    expect(codeOf(await h.call('nomination', 'submitSelf', form({ deeds: '太短了' }), YOUTH))).toBe('INPUT.INVALID');
    expect(codeOf(await h.call('nomination', 'submitSelf', form({ deeds: '事'.repeat(1501) }), YOUTH))).toBe(
      'INPUT.INVALID',
    );
    expect(codeOf(await h.call('nomination', 'submitSelf', form({ deeds: '事'.repeat(1500) }), YOUTH))).toBe('OK');
  });

  it('returns every field, masked where personal', async () => {
    const { nomination } = dataOf<{ nomination: NominationView }>(
      await h.call('nomination', 'submitSelf', form(), YOUTH),
    );
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
    expect(JSON.stringify(nomination)).not.toContain(idNumber);
  });
});

describe('drafts', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });

  it('are saved as the youth types, survive leaving the page, never hold the ID number or phone, and end at submit', async () => {
    const saved = dataOf<{ draft: DraftView }>(
      await h.call(
        'nomination',
        'saveDraft',
        { fields: { name: '张晓青', post: '工程师', idNumber: '3306021996', phone: '138' } },
        YOUTH,
      ),
    );
    expect(saved.draft.fields).toEqual({ name: '张晓青', post: '工程师' });
    dataOf(
      await h.call(
        'nomination',
        'saveDraft',
        { fields: { name: '张晓青', post: '软件工程师', deeds: '正在写' } },
        YOUTH,
      ),
    );
    const mine = dataOf<{ draft: DraftView | null }>(await h.call('nomination', 'getMine', {}, YOUTH));
    expect(mine.draft?.fields).toEqual({ name: '张晓青', post: '软件工程师', deeds: '正在写' });
    expect(JSON.stringify(await h.deps.store.collection('drafts').find({}))).not.toContain('3306021996');
    await h.consent(YOUTH);
    dataOf(await h.call('nomination', 'submitSelf', form(), YOUTH));
    expect(dataOf<{ draft: DraftView | null }>(await h.call('nomination', 'getMine', {}, YOUTH)).draft).toBeNull();
  });
});

describe('withdrawal and erasure (R9.2)', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    h = await makeHarness();
    await h.consent(YOUTH);
    id = dataOf<{ nomination: NominationView }>(await h.call('nomination', 'submitSelf', form(), YOUTH)).nomination.id;
  });

  it('removes the nomination from every list and count at once', async () => {
    dataOf(await h.call('nomination', 'withdraw', { nominationId: id, reason: '个人原因' }, YOUTH));
    expect(
      dataOf<{ nomination: NominationView | null }>(await h.call('nomination', 'getMine', {}, YOUTH)).nomination,
    ).toBeNull();
    for (const status of ['submitted', 'approved', 'rejected', 'returned'] as const) {
      const list = dataOf<Paged<NominationView>>(
        await h.call('nomination', 'listForReview', { status }, 'dev-city-admin'),
      );
      expect(list.items.map((n) => n.id)).not.toContain(id);
    }
    expect(codeOf(await h.call('nomination', 'get', { nominationId: id }, ADMIN))).toBe('NOMINATION.NOT_FOUND');
  });

  it('only the youth can withdraw their own, and only once', async () => {
    expect(codeOf(await h.call('nomination', 'withdraw', { nominationId: id }, 'dev-youth-li'))).toBe(
      'NOMINATION.NOT_FOUND',
    );
    dataOf(await h.call('nomination', 'withdraw', { nominationId: id }, YOUTH));
    expect(codeOf(await h.call('nomination', 'withdraw', { nominationId: id }, YOUTH))).toBe(
      'NOMINATION.INVALID_STATE',
    );
  });

  it('the timer erases the record after the retention; the audit keeps no personal data', async () => {
    dataOf(await h.call('nomination', 'withdraw', { nominationId: id }, YOUTH));
    const cron = FUNCTIONS.cron;
    h.setNow(new Date(h.deps.clock().getTime() + 29 * 86_400_000));
    expect(dataOf(await cron.handle({ action: 'purgeWithdrawn' }, { openid: null, system: true }, h.deps))).toEqual({
      erased: 0,
    });
    h.setNow(new Date(h.deps.clock().getTime() + 2 * 86_400_000));
    expect(dataOf(await cron.handle({ action: 'purgeWithdrawn' }, { openid: null, system: true }, h.deps))).toEqual({
      erased: 1,
    });
    expect(await h.deps.store.collection('nominations').get(id)).toBeNull();
    const audit = JSON.stringify(await h.deps.store.collection('audit').find({}));
    expect(audit).not.toMatch(/张晓青|13800001111|138\*\*\*\*1111/);
    expect(audit).not.toContain(idNumber);
    // The person may be nominated again after erasure.
    expect(codeOf(await h.call('nomination', 'submitSelf', form(), YOUTH))).toBe('OK');
  });

  it('the timer action cannot be called from a phone', async () => {
    expect(
      codeOf(await FUNCTIONS.cron.handle({ action: 'purgeWithdrawn' }, { openid: 'dev-city-admin' }, h.deps)),
    ).toBe('AUTH.FORBIDDEN');
  });
});

describe('organisational recommendation and claiming (R4.1)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
  });

  const unitNominate = (over: Record<string, unknown> = {}) =>
    h.call(
      'nomination',
      'nominateByUnit',
      { unitId: 'yuecheng-tech', form: form({ name: '王青', ...over }), consentObtained: true },
      ADMIN,
    );

  it('leads to the same record and review; the youth claims it with the code and their ID number', async () => {
    const { nomination, claimCode } = dataOf<{ nomination: NominationView; claimCode: string }>(await unitNominate());
    expect(nomination).toEqual(expect.objectContaining({ channel: 'unit', status: 'submitted', claimed: false }));
    const pending = dataOf<Paged<NominationView>>(await h.call('nomination', 'listForReview', {}, ADMIN));
    expect(pending.items.map((n) => n.id)).toContain(nomination.id);

    expect(codeOf(await h.call('nomination', 'claim', { claimCode, idNumber }, 'wang-phone'))).toBe('CONSENT.REQUIRED');
    await h.consent('wang-phone');
    await h.consent('someone-else');
    expect(codeOf(await h.call('nomination', 'claim', { claimCode: 'AAAAAAAA', idNumber }, 'wang-phone'))).toBe(
      'CLAIM.INVALID',
    );
    expect(
      codeOf(
        await h.call(
          'nomination',
          'claim',
          { claimCode, idNumber: demoIdNumber('330602', '1996-05-20', 2) },
          'wang-phone',
        ),
      ),
    ).toBe('CLAIM.INVALID');
    const claimed = dataOf<{ nomination: NominationView }>(
      await h.call('nomination', 'claim', { claimCode, idNumber }, 'wang-phone'),
    );
    expect(claimed.nomination.claimed).toBe(true);
    const mine = dataOf<{ nomination: NominationView | null }>(await h.call('nomination', 'getMine', {}, 'wang-phone'));
    expect(mine.nomination?.id).toBe(nomination.id);
    expect(codeOf(await h.call('nomination', 'claim', { claimCode, idNumber }, 'someone-else'))).toBe('CLAIM.INVALID');
  });

  it('a claimed, returned record can be corrected by its youth, keeping the unit channel', async () => {
    const { nomination, claimCode } = dataOf<{ nomination: NominationView; claimCode: string }>(await unitNominate());
    await h.consent('wang-phone');
    dataOf(await h.call('nomination', 'claim', { claimCode, idNumber }, 'wang-phone'));
    dataOf(
      await h.call(
        'nomination',
        'review',
        { nominationId: nomination.id, decision: 'return', comment: '补充职称' },
        ADMIN,
      ),
    );
    const again = dataOf<{ nomination: NominationView }>(
      await h.call('nomination', 'submitSelf', form({ name: '王青', title: '高级工程师' }), 'wang-phone'),
    );
    expect(again.nomination).toEqual(
      expect.objectContaining({ channel: 'unit', status: 'submitted', title: '高级工程师' }),
    );
  });

  it('one active nomination per person whatever the channel (R4.6)', async () => {
    await h.consent(YOUTH);
    dataOf(await h.call('nomination', 'submitSelf', form(), YOUTH));
    expect(codeOf(await unitNominate())).toBe('NOMINATION.DUPLICATE');
  });

  it('a unit admin cannot nominate for another unit', async () => {
    const res = await h.call(
      'nomination',
      'nominateByUnit',
      { unitId: 'keqiao-tech', form: form(), consentObtained: true },
      ADMIN,
    );
    expect(codeOf(res)).toBe('AUTH.OUT_OF_SCOPE');
  });
});

describe('the audited view (R9.1)', () => {
  let h: Harness;
  let id: string;
  beforeEach(async () => {
    h = await makeHarness();
    await h.consent(YOUTH);
    id = dataOf<{ nomination: NominationView }>(await h.call('nomination', 'submitSelf', form(), YOUTH)).nomination.id;
  });

  it('reveals one full value to a reviewer in scope and records who, why and what', async () => {
    const res = dataOf<{ value: string }>(
      await h.call(
        'nomination',
        'reveal',
        { nominationId: id, field: 'phone', reason: '电话核实在编情况' },
        ADMIN,
        'req_reveal000001',
      ),
    );
    expect(res.value).toBe('13800001111');
    expect(await h.deps.store.collection('audit').find({ requestId: 'req_reveal000001' })).toEqual([
      expect.objectContaining({
        actor: ADMIN,
        action: 'nomination.reveal',
        details: { revealed: 'phone', reason: '电话核实在编情况' },
      }),
    ]);
  });

  it('is refused out of scope and to the youth role', async () => {
    dataOf(await h.call('account', 'bindUnit', { unitId: 'keqiao-tech', displayName: 'x' }, 'keqiao-admin'));
    await h.deps.store
      .collection('accounts')
      .updateOne({ _id: 'keqiao-admin' }, { $set: { grants: [{ role: 'districtAdmin', orgId: 'keqiao' }] } });
    expect(
      codeOf(
        await h.call('nomination', 'reveal', { nominationId: id, field: 'idNumber', reason: '核实' }, 'keqiao-admin'),
      ),
    ).toBe('AUTH.OUT_OF_SCOPE');
    expect(
      codeOf(await h.call('nomination', 'reveal', { nominationId: id, field: 'idNumber', reason: '核实' }, YOUTH)),
    ).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await h.call('nomination', 'get', { nominationId: id }, 'keqiao-admin'))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await h.call('nomination', 'get', { nominationId: id }, YOUTH))).toBe('OK');
    const detail = dataOf<{ eligibility: unknown }>(await h.call('nomination', 'get', { nominationId: id }, ADMIN));
    expect(detail.eligibility).toEqual({ eligible: true, age: 30, code: null, params: {} });
  });
});

describe('the period and the account (R4.3)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await makeHarness();
    await h.consent(YOUTH);
  });

  it('refuses before the window opens, with the opening time', async () => {
    h.setNow(new Date('2026-07-31T15:59:59Z')); // 23:59:59 on 31 July 2026, China time
    const res = await h.call('nomination', 'submitSelf', form(), YOUTH);
    expect(res).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'PERIOD.NOT_OPEN', details: { opensAt: '2026-07-31T16:00:00.000Z' } }),
      }),
    );
  });

  it('without a current period every nomination action says so', async () => {
    await h.deps.store.collection('periods').updateMany({}, { $set: { current: false } });
    expect(codeOf(await h.call('nomination', 'submitSelf', form(), YOUTH))).toBe('PERIOD.NOT_FOUND');
    expect(codeOf(await h.call('nomination', 'getMine', {}, YOUTH))).toBe('PERIOD.NOT_FOUND');
    expect(codeOf(await h.call('account', 'currentPeriod', {}, null))).toBe('PERIOD.NOT_FOUND');
  });

  it('a youth grant that does not point at a unit is not a binding', async () => {
    await h.deps.store
      .collection('accounts')
      .updateOne({ _id: YOUTH }, { $set: { grants: [{ role: 'youth', orgId: 'yuecheng' }] } });
    expect(codeOf(await h.call('nomination', 'submitSelf', form(), YOUTH))).toBe('ACCOUNT.NOT_BOUND');
    expect(codeOf(await h.call('nomination', 'saveDraft', { fields: {} }, YOUTH))).toBe('ACCOUNT.NOT_BOUND');
  });
});
