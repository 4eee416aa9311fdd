/** account.withdrawConsent: withdrawing the consent stops the processing of the ID number and phone (PIPL art. 47). */
import type { AuditDoc, ConsentDoc, NominationDoc, QuotaDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture, type Fixture } from '../../../support/fixtures';
import { codeOf, dataOf, NOW, TIMER } from '../../../support/harness';
import { filingScene } from '../../admin/filing-scene';

async function nominated(f: Fixture) {
  const unit = await f.unit({ district: 'yuecheng', youthCount: 40 });
  const admin = await f.admin('unitAdmin', unit);
  const youth = await f.youth(unit, { consent: true });
  const { id } = dataOf(await f.h.call('nomination', 'submitSelf', youth.form(), youth)).nomination;
  return { unit, admin, youth, id };
}

describe('account.withdrawConsent (PIPL art. 47, issue 8 §9)', () => {
  it('a submitted nomination is withdrawn and queued for erasure at once; the next purge erases it', async () => {
    const f = await fixture();
    const { youth, id, admin } = await nominated(f);
    const res = dataOf(await f.h.call('account', 'withdrawConsent', {}, youth));
    expect(res).toEqual(expect.objectContaining({ withdrawn: 1, keptOnFiledList: 0 }));
    expect(res.account.consent).toEqual(expect.objectContaining({ granted: false }));
    const doc = await f.h.deps.store.collection<NominationDoc>('nominations').get(id);
    expect(doc).toEqual(expect.objectContaining({ status: 'withdrawn', eraseAfter: NOW, consentWithdrawnAt: NOW }));
    // The reviewers no longer see it; the ID number is processed no more (submit, claim).
    const pending = dataOf(await f.h.call('nomination', 'listForReview', {}, admin)).items;
    expect(pending.map((n) => n.id)).not.toContain(id);
    expect(codeOf(await f.h.call('nomination', 'submitSelf', youth.form(), youth))).toBe('CONSENT.REQUIRED');
    // Audited: the consent and the withdrawal of the record.
    const audit = await f.h.deps.store.collection<AuditDoc>('audit').find({ action: 'account.withdrawConsent' });
    expect(audit.map((a) => a.target).sort()).toEqual([`consents/${youth.openid}:personal_info`, `nominations/${id}`]);
    const consent = await f.h.deps.store.collection<ConsentDoc>('consents').get(`${youth.openid}:personal_info`);
    expect(consent?.history.length).toBe(2);
    // The next run of the timer erases it (eraseAfter is now).
    expect(dataOf(await f.h.call('cron', 'purgeWithdrawn', {}, TIMER)).erased).toBe(1);
    expect(await f.h.deps.store.collection('nominations').get(id)).toBeNull();
  });

  it('a draft is deleted (audited)', async () => {
    const f = await fixture();
    const youth = await f.youth(await f.unit(), { consent: true });
    dataOf(await f.h.call('nomination', 'saveDraft', { fields: { post: '工程师' } }, youth));
    dataOf(await f.h.call('account', 'withdrawConsent', {}, youth));
    expect(await f.h.deps.store.collection('drafts').count({})).toBe(0);
    const audit = await f.h.deps.store.collection<AuditDoc>('audit').find({ action: 'account.withdrawConsent' });
    expect(audit.map((a) => a.target)).toContain(`drafts/${f.period!._id}:${youth.openid}`);
  });

  it('an approved nomination before filing is withdrawn and its place given back', async () => {
    const f = await fixture();
    const { youth, id, admin, unit } = await nominated(f);
    dataOf(
      await f.h.call(
        'nomination',
        'review',
        { nominationId: id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
        admin,
      ),
    );
    expect(dataOf(await f.h.call('account', 'withdrawConsent', {}, youth)).withdrawn).toBe(1);
    expect((await f.h.deps.store.collection<QuotaDoc>('quotas').findOne({ unitId: unit._id }))?.used).toBe(0);
  });

  it('on a filed list the record stays for the filing: the phone goes at once, no full number is revealed any more', async () => {
    const { f, h, gov, govAdmin, unitFiling, approved } = await filingScene();
    const youth = await f.youth(gov, { consent: true });
    const { id } = dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth)).nomination;
    await h.deps.store.collection<QuotaDoc>('quotas').updateOne({ unitId: gov._id }, { $set: { limit: 5 } });
    dataOf(
      await h.call(
        'nomination',
        'review',
        { nominationId: id, decision: 'approve', confirm: { onStaff: true, attestations: true } },
        govAdmin,
      ),
    );
    expect(approved.id).not.toBe(id);
    dataOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin));
    const res = dataOf(await h.call('account', 'withdrawConsent', {}, youth));
    expect(res).toEqual(expect.objectContaining({ withdrawn: 0, keptOnFiledList: 1 }));
    const doc = await h.deps.store.collection<NominationDoc>('nominations').get(id);
    expect(doc?.status).toBe('approved');
    expect(h.deps.crypto.decrypt(doc!.phoneEnc)).toBe('');
    expect(doc?.phoneMasked).toBe('');
    const reveal = { nominationId: id, field: 'idNumber', reason: '核对身份' } as const;
    expect(codeOf(await h.call('nomination', 'reveal', reveal, govAdmin))).toBe('CONSENT.WITHDRAWN');
    const view = dataOf(await h.call('nomination', 'get', { nominationId: id }, govAdmin)).nomination;
    expect(view.consentWithdrawn).toBe(true);
  });

  it('without a consent on record there is nothing to withdraw, and nothing is written', async () => {
    const f = await fixture();
    const youth = await f.youth(await f.unit());
    const before = await f.h.snapshot();
    expect(codeOf(await f.h.call('account', 'withdrawConsent', {}, youth))).toBe('CONSENT.NOT_GIVEN');
    expect(await f.h.snapshot()).toEqual(before);
  });
});
