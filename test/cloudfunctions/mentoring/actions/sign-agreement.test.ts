import { createHash } from 'node:crypto';
import type { AgreementDoc } from '../../../../cloudfunctions/_lib/collections';
import { codeOf, dataOf } from '../../../support/harness';
import { JPEG, uploadAs } from '../../../support/uploads';
import { pairScene } from '../pair-scene';

describe('mentoring.signAgreement', () => {
  it('each party signs as themselves once by hand; the second signature makes it active and opens the first cycle', async () => {
    const p = await pairScene();
    const { f, mentor, youth, agreementId } = p;
    const a = dataOf(await f.h.call('mentoring', 'agreement', { agreementId }, mentor));
    expect(a).toMatchObject({ status: 'unsigned', party: 'mentor', canSign: true, canEdit: true });
    expect(a.textHash).toBe(
      createHash('sha256')
        .update([a.title, ...a.paragraphs].join('\n\n'), 'utf8')
        .digest('hex'),
    );

    const file = await p.drawn(mentor);
    const first = dataOf(
      await f.h.call('mentoring', 'signAgreement', { agreementId, textHash: a.textHash, fileId: file }, mentor),
    );
    expect(first).toMatchObject({ status: 'signing', canSign: false, canEdit: false });
    expect(first.signatures.mentor?.name).toBeTruthy();
    expect(first.signatures.youth).toBeNull();
    expect(await f.h.deps.store.collection('outbox').count({ toOpenid: youth.openid, title: '师徒协议待您签署' })).toBe(
      1,
    );

    const doc = await f.h.deps.store.collection<AgreementDoc>('agreements').get(agreementId);
    const png = await f.h.deps.files.get(file);
    expect(doc?.signatures.mentor).toMatchObject({
      openid: mentor.openid,
      textHash: a.textHash,
      sha256: createHash('sha256')
        .update(png as Buffer)
        .digest('hex'),
    });

    await p.sign(youth);
    const both = dataOf(await f.h.call('mentoring', 'timeline', { agreementId }, youth));
    expect(both.agreement.status).toBe('active');
    expect(both.cycles).toMatchObject([{ n: 1, status: 'tasks', owner: 'mentor', mine: false }]);
    expect(await f.h.deps.store.collection('outbox').count({ toOpenid: mentor.openid, title: '师徒协议已生效' })).toBe(
      1,
    );
  });

  it('refuses double signing, a changed text, a stranger, someone else’s agreement and a replayed signature', async () => {
    const p = await pairScene();
    const { f, s, mentor, youth, agreementId } = p;
    const hash = dataOf(await f.h.call('mentoring', 'agreement', { agreementId }, mentor)).textHash;
    const sign = (who: typeof mentor, fileId: string, textHash = hash, id = agreementId) =>
      f.h.call('mentoring', 'signAgreement', { agreementId: id, textHash, fileId }, who);

    // The youth changes the terms before anyone signed: the mentor's old hash no longer signs.
    const edited = dataOf(
      await f.h.call('mentoring', 'editAgreement', { agreementId, months: 6, cycleDays: 30, ratings: [1, 2] }, youth),
    );
    expect(edited.textHash).not.toBe(hash);
    const before = await f.h.snapshot();
    expect(codeOf(await sign(mentor, await p.drawn(mentor)))).toBe('MENTORING.TEXT_CHANGED');
    expect(await f.h.snapshot()).toEqual(before);

    // Only your own PNG upload.
    expect(codeOf(await sign(mentor, await p.drawn(youth), edited.textHash))).toBe('FILE.INVALID');
    const jpeg = (await uploadAs(f.h.deps, mentor, JPEG, 'jpg')).fileId;
    expect(codeOf(await sign(mentor, jpeg, edited.textHash))).toBe('FILE.INVALID');

    // A stranger mentor and an admin cannot sign; a stranger does not even see it.
    const other = await s.mentor({}, '赵导师');
    expect(codeOf(await sign(other, await p.drawn(other), edited.textHash))).toBe('MENTORING.NOT_FOUND');
    expect(codeOf(await f.h.call('mentoring', 'agreement', { agreementId }, other))).toBe('MENTORING.NOT_FOUND');
    expect(codeOf(await sign(s.city, await p.drawn(s.city), edited.textHash))).toBe('AUTH.FORBIDDEN');

    const file = await p.drawn(mentor);
    dataOf(await sign(mentor, file, edited.textHash));
    expect(codeOf(await sign(mentor, await p.drawn(mentor), edited.textHash))).toBe('MENTORING.ALREADY_SIGNED');
    // Frozen: no more edits after the first signature.
    expect(
      codeOf(
        await f.h.call('mentoring', 'editAgreement', { agreementId, months: 12, cycleDays: 30, ratings: [] }, youth),
      ),
    ).toBe('MENTORING.INVALID_STATE');

    // The same image cannot sign another agreement (the mentor's second pair).
    const y2 = await s.selected(s.bank, { sector: 'finance', goals: ['金融服务'] });
    const d2 = dataOf(await f.h.call('mentoring', 'propose', { nominationId: y2.id, mentorId: mentor.openid }, s.city));
    dataOf(await f.h.call('mentoring', 'publish', { matchIds: [d2.id] }, s.city));
    dataOf(await f.h.call('mentoring', 'accept', { matchId: d2.id }, mentor));
    const hash2 = dataOf(await f.h.call('mentoring', 'agreement', { agreementId: d2.id }, mentor)).textHash;
    expect(codeOf(await sign(mentor, file, hash2, d2.id))).toBe('MENTORING.SIGNATURE_USED');
    // Nor can the youth of the first pair act on the second agreement.
    expect(codeOf(await sign(youth, await p.drawn(youth), hash2, d2.id))).toBe('MENTORING.NOT_FOUND');
  });
});
