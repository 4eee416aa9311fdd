import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('nomination.getMine', () => {
  it('without a current period, getMine says so', async () => {
    const f = await fixture({ period: null });
    const youth = await f.youth(await f.unit(), { consent: true });
    expect(codeOf(await f.h.call('nomination', 'getMine', {}, youth))).toBe('PERIOD.NOT_FOUND');
  });
});

// Issue 9 §13: the page offers only what the actions would accept, and says why not from the same rules.
describe('nomination.getMine: what the youth may do now', () => {
  it('a submitted nomination may be withdrawn; the unit cannot be changed while it runs', async () => {
    const f = await fixture();
    const unit = await f.unit({ category: 'party_gov' });
    const youth = await f.youth(unit, { consent: true });
    await f.nomination(unit, { youth });
    const mine = dataOf(await f.h.call('nomination', 'getMine', {}, youth));
    expect(mine.options).toEqual({
      withdraw: { allowed: true },
      rebind: { allowed: false, code: 'ACCOUNT.ALREADY_BOUND' },
    });
    // The same answer the action gives.
    expect(
      codeOf(await f.h.call('account', 'bindUnit', { unitId: (await f.unit())._id, displayName: youth.name }, youth)),
    ).toBe('ACCOUNT.ALREADY_BOUND');
  });

  it('an approved nomination in a filed list cannot be withdrawn, and says it is the lock', async () => {
    const f = await fixture();
    const unit = await f.unit({ category: 'party_gov', youthCount: 20 });
    const youth = await f.youth(unit, { consent: true });
    const n = await f.nomination(unit, { youth, status: 'approved' });
    const admin = await f.admin('unitAdmin', unit);
    dataOf(await f.h.call('admin', 'file', { filingId: `${f.period!._id}:unit:${unit._id}` }, admin));
    const mine = dataOf(await f.h.call('nomination', 'getMine', {}, youth));
    expect(mine.options.withdraw).toEqual({ allowed: false, code: 'FILING.LOCKED' });
    expect(codeOf(await f.h.call('nomination', 'withdraw', { nominationId: n.id }, youth))).toBe('FILING.LOCKED');
  });

  it('without a nomination there is nothing to withdraw and the unit may be changed', async () => {
    const f = await fixture();
    const youth = await f.youth(await f.unit(), { consent: true });
    const mine = dataOf(await f.h.call('nomination', 'getMine', {}, youth));
    expect(mine.options).toEqual({ withdraw: null, rebind: { allowed: true } });
  });
});

// Issue 9: who reviews my nomination and what it is waiting for, from the server (no personal data).
describe('nomination.getMine: what the nomination waits for', () => {
  it('a unit with an admin reviews itself; after approval the list waits for its filing', async () => {
    const f = await fixture();
    const unit = await f.unit({ name: '越城区人民政府办公室', category: 'party_gov', youthCount: 20 });
    await f.admin('unitAdmin', unit);
    const youth = await f.youth(unit, { consent: true });
    await f.nomination(unit, { youth });
    expect(dataOf(await f.h.call('nomination', 'getMine', {}, youth)).waiting).toEqual({
      step: 'review',
      by: 'unit',
      orgName: '越城区人民政府办公室',
    });
  });

  it('a unit without an admin waits for its district; a district-filed list waits for the district', async () => {
    const f = await fixture();
    const unit = await f.unit({ name: '越城区青年志愿者协会', category: 'other_grassroots', district: 'yuecheng' });
    const youth = await f.youth(unit, { consent: true });
    await f.nomination(unit, { youth });
    expect(dataOf(await f.h.call('nomination', 'getMine', {}, youth)).waiting).toEqual({
      step: 'review',
      by: 'district',
      orgName: '越城区',
    });
    const other = await f.youth(unit, { consent: true });
    await f.nomination(unit, { youth: other, status: 'approved' });
    expect(dataOf(await f.h.call('nomination', 'getMine', {}, other)).waiting).toEqual({
      step: 'filing',
      by: 'district',
      orgName: '越城区',
    });
  });

  it('a returned nomination waits for the youth; a rejected one waits for nobody', async () => {
    const f = await fixture();
    const unit = await f.unit();
    const youth = await f.youth(unit, { consent: true });
    await f.nomination(unit, { youth, status: 'returned' });
    expect(dataOf(await f.h.call('nomination', 'getMine', {}, youth)).waiting).toEqual({
      step: 'resubmit',
      by: 'youth',
      orgName: '',
    });
    const other = await f.youth(unit, { consent: true });
    await f.nomination(unit, { youth: other, status: 'rejected' });
    expect(dataOf(await f.h.call('nomination', 'getMine', {}, other)).waiting).toBeNull();
  });
});
