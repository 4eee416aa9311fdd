import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';
import { JPEG, PDF, uploadAs } from '../../../support/uploads';

describe('nomination photos (issue 8 §10)', () => {
  it('a submitted photo must be the youth’s own JPEG/PNG upload; it is then shown through a short-lived link', async () => {
    const f = await fixture();
    const unit = await f.unit();
    const other = await f.unit({ district: 'keqiao' });
    const admin = await f.admin('unitAdmin', unit);
    const stranger = await f.admin('unitAdmin', other);
    const youth = await f.youth(unit, { consent: true });
    const someone = await f.youth(unit, { consent: true });
    const submit = (photoFileId: string) => f.h.call('nomination', 'submitSelf', youth.form({ photoFileId }), youth);
    const problem = (r: Awaited<ReturnType<typeof submit>>) => (r.ok ? 'ok' : r.error.details?.problem);

    const before = await f.h.snapshot();
    expect(problem(await submit((await uploadAs(f.h.deps, someone, JPEG, 'jpg')).fileId))).toBe('not_own');
    expect(problem(await submit('local://uploads-0123456789abcdef01234567-x.jpg'))).toBe('not_own');
    expect(problem(await submit((await uploadAs(f.h.deps, youth, PDF, 'jpg')).fileId))).toBe('type');
    expect(await f.h.snapshot()).toEqual(before);
    // A draft may only name the youth's own upload, too.
    expect(
      codeOf(
        await f.h.call(
          'nomination',
          'saveDraft',
          { fields: { photoFileId: (await uploadAs(f.h.deps, someone, JPEG, 'jpg')).fileId } },
          youth,
        ),
      ),
    ).toBe('FILE.INVALID');

    const own = await uploadAs(f.h.deps, youth, JPEG, 'jpg');
    const { nomination } = dataOf(await submit(own.fileId));
    for (const who of [youth, admin]) {
      const link = dataOf(await f.h.call('nomination', 'photoLink', { nominationId: nomination.id }, who));
      expect(link.url).toMatch(/^\/files\/uploads-[0-9a-f]{24}-[0-9a-f]+\.jpg\?exp=\d+&who=/);
    }
    expect(codeOf(await f.h.call('nomination', 'photoLink', { nominationId: nomination.id }, stranger))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
  });

  it('links the caller’s own upload (a draft’s photo), and nobody else’s', async () => {
    const f = await fixture();
    const unit = await f.unit();
    const youth = await f.youth(unit);
    const other = await f.youth(unit);
    expect(codeOf(await f.h.call('nomination', 'photoLink', {}, youth))).toBe('FILE.INVALID');
    const own = await uploadAs(f.h.deps, youth, JPEG, 'jpg');
    expect(dataOf(await f.h.call('nomination', 'photoLink', { fileId: own.fileId }, youth)).url).toContain('who=');
    expect(codeOf(await f.h.call('nomination', 'photoLink', { fileId: own.fileId }, other))).toBe('FILE.INVALID');
  });
});
