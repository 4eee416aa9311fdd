import { PERSONAL_INFO_CONSENT_VERSION } from '../../../../miniprogram/core/profile';
import { fixture, type Fixture, type Youth } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('account.recordConsent (PIPL art. 29)', () => {
  let f: Fixture;
  let youth: Youth;
  beforeEach(async () => {
    f = await fixture();
    youth = await f.youth(await f.unit());
  });

  it('is recorded with its version; a refusal is recorded too and the rest of the app still works', async () => {
    const { h } = f;
    const refused = dataOf(
      await h.call(
        'account',
        'recordConsent',
        { purpose: 'personal_info', version: '2026-11-v1', granted: false },
        youth,
      ),
    );
    expect(refused.consent).toEqual(expect.objectContaining({ version: '2026-11-v1', granted: false }));
    expect(codeOf(await h.call('nomination', 'getMine', {}, youth))).toBe('OK');
    expect(codeOf(await h.call('nomination', 'saveDraft', { fields: { post: '工程师' } }, youth))).toBe('OK');
    expect(codeOf(await h.call('nomination', 'submitSelf', youth.form(), youth))).toBe('CONSENT.REQUIRED');
    await h.consent(youth);
    expect(codeOf(await h.call('nomination', 'submitSelf', youth.form(), youth))).toBe('OK');
    const [doc] = await h.deps.store.collection('consents').find({ openid: youth.openid });
    expect((doc as unknown as { history: unknown[] }).history).toHaveLength(2);
  });

  it('an outdated consent text version is refused', async () => {
    const res = await f.h.call(
      'account',
      'recordConsent',
      { purpose: 'personal_info', version: '2020-01-v0', granted: true },
      youth,
    );
    expect(codeOf(res)).toBe('CONSENT.REQUIRED');
  });
});

describe('account.recordConsent: "no" after "yes" is a withdrawal (PIPL art. 47)', () => {
  it('withdraws the nomination in the running, as withdrawConsent does', async () => {
    const f = await fixture();
    const youth = await f.youth(await f.unit(), { consent: true });
    const { id } = dataOf(await f.h.call('nomination', 'submitSelf', youth.form(), youth)).nomination;
    const input = { purpose: 'personal_info', version: PERSONAL_INFO_CONSENT_VERSION, granted: false } as const;
    dataOf(await f.h.call('account', 'recordConsent', input, youth));
    expect(await f.h.deps.store.collection('nominations').get(id)).toEqual(
      expect.objectContaining({ status: 'withdrawn', consentWithdrawnAt: expect.any(Date) }),
    );
  });
});
