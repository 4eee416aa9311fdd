import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('nomination.saveDraft: drafts', () => {
  it('are saved as the youth types, survive leaving the page, never hold the ID number or phone, and end at submit', async () => {
    const f = await fixture();
    const { h } = f;
    const youth = await f.youth(await f.unit(), { name: '张晓青' });
    const saved = dataOf(
      await h.call(
        'nomination',
        'saveDraft',
        { fields: { name: '张晓青', post: '工程师', idNumber: '3306021996', phone: '138' } },
        youth,
      ),
    );
    expect(saved.draft.fields).toEqual({ name: '张晓青', post: '工程师' });
    dataOf(
      await h.call(
        'nomination',
        'saveDraft',
        { fields: { name: '张晓青', post: '软件工程师', deeds: '正在写' } },
        youth,
      ),
    );
    const mine = dataOf(await h.call('nomination', 'getMine', {}, youth));
    expect(mine.draft?.fields).toEqual({ name: '张晓青', post: '软件工程师', deeds: '正在写' });
    expect(JSON.stringify(await h.deps.store.collection('drafts').find({}))).not.toContain('3306021996');
    await h.consent(youth);
    dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    expect(dataOf(await h.call('nomination', 'getMine', {}, youth)).draft).toBeNull();
  });

  it('saving the same draft again in the same instant succeeds (an update that changes nothing modifies 0)', async () => {
    const f = await fixture();
    const youth = await f.youth(await f.unit());
    const draft = { fields: { name: '张晓青', post: '工程师' } };
    dataOf(await f.h.call('nomination', 'saveDraft', draft, youth));
    // The fixture's clock stands still: the second save changes nothing, which CloudBase reports as 0 modified.
    expect(dataOf(await f.h.call('nomination', 'saveDraft', draft, youth)).draft.fields).toEqual(draft.fields);
    expect(await f.h.deps.store.collection('drafts').count({})).toBe(1);
  });

  it('a youth grant that does not point at a unit is not a binding', async () => {
    const f = await fixture();
    const astray = await f.account([{ role: 'youth', orgId: (await f.district('yuecheng'))._id }]);
    expect(codeOf(await f.h.call('nomination', 'saveDraft', { fields: {} }, astray))).toBe('ACCOUNT.NOT_BOUND');
  });
});
