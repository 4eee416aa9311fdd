import type { OrgDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture, type Fixture, type Identity, type Person } from '../../../support/fixtures';
import { codeOf, dataOf, type Harness } from '../../../support/harness';
import { errorText } from '../../../../miniprogram/services/error-text';

describe('nomination.nominateByUnit: organisational recommendation (R4.1)', () => {
  let f: Fixture;
  let h: Harness;
  let unit: OrgDoc;
  let admin: Person;
  let wang: Identity;
  beforeEach(async () => {
    f = await fixture();
    h = f.h;
    unit = await f.unit({ district: 'yuecheng' });
    admin = await f.admin('unitAdmin', unit);
    wang = f.person({ name: '王青' });
  });

  it('leads to the same record and review as a self-nomination', async () => {
    const { nomination } = dataOf(
      await h.call(
        'nomination',
        'nominateByUnit',
        { unitId: unit._id, form: wang.form(), consentObtained: true },
        admin,
      ),
    );
    expect(nomination).toEqual(expect.objectContaining({ channel: 'unit', status: 'submitted', claimed: false }));
    const pending = dataOf(await h.call('nomination', 'listForReview', {}, admin));
    expect(pending.items.map((n) => n.id)).toContain(nomination.id);
  });

  it('one active nomination per person whatever the channel (R4.6)', async () => {
    const youth = await f.youth(unit, { name: '王青', consent: true });
    dataOf(await h.call('nomination', 'submitSelf', youth.form(), youth));
    const res = await h.call(
      'nomination',
      'nominateByUnit',
      { unitId: unit._id, form: youth.form(), consentObtained: true },
      admin,
    );
    expect(codeOf(res)).toBe('NOMINATION.DUPLICATE');
  });

  it('a unit admin cannot nominate for another unit', async () => {
    const other = await f.unit({ district: 'keqiao' });
    const res = await h.call(
      'nomination',
      'nominateByUnit',
      { unitId: other._id, form: wang.form(), consentObtained: true },
      admin,
    );
    expect(codeOf(res)).toBe('AUTH.OUT_OF_SCOPE');
  });
});

describe('nomination.nominateByUnit: a squatted ID number can be resolved (issue 8 §6)', () => {
  it('the cadre learns where the other record is (unit, status; never who), and the holder is flagged contested', async () => {
    const f = await fixture();
    const { h } = f;
    const squatUnit = await f.unit({ name: '越城某科技公司', district: 'yuecheng' });
    const realUnit = await f.unit({ name: '柯桥某国企', district: 'keqiao', category: 'soe' });
    const holderAdmin = await f.admin('unitAdmin', squatUnit, { name: '钱审核' });
    const realAdmin = await f.admin('unitAdmin', realUnit);
    const stranger = f.person({ name: '真本人' });
    // A user bound to another unit self-nominates with a stranger's number.
    const squatter = await f.youth(squatUnit, { name: '冒用者', consent: true });
    const squat = dataOf(
      await h.call('nomination', 'submitSelf', { ...stranger.form(), name: '冒用者' }, squatter),
    ).nomination;

    const input = { unitId: realUnit._id, form: stranger.form(), consentObtained: true } as const;
    const refused = await h.call('nomination', 'nominateByUnit', input, realAdmin);
    expect(codeOf(refused)).toBe('NOMINATION.DUPLICATE');
    if (refused.ok) throw new Error('expected a refusal');
    expect(refused.error.details).toEqual({ heldByUnit: '越城某科技公司', heldStatus: 'submitted' });
    // Never who entered it, nor anything of the record.
    const told = JSON.stringify(refused);
    for (const secret of ['冒用者', squatter.openid, squat.id, squat.idNumberMasked])
      expect(told).not.toContain(secret);
    expect(errorText('NOMINATION.DUPLICATE', refused.error.details)).toContain('越城某科技公司');
    expect(errorText('NOMINATION.DUPLICATE', refused.error.details)).toContain('待审核');

    // The holding unit's reviewer sees the number is contested, in the list and in the detail.
    const row = dataOf(await h.call('nomination', 'listForReview', {}, holderAdmin)).items.find(
      (n) => n.id === squat.id,
    );
    expect(row?.contest).toEqual({ count: 1, lastAt: expect.any(String), unitIds: [realUnit._id] });
    const detail = dataOf(await h.call('nomination', 'get', { nominationId: squat.id }, holderAdmin)).nomination;
    expect(detail.contest?.count).toBe(1);
    // The refusal is audited against the holder, under its random id; nothing else was written.
    const audit = await h.deps.store.collection('audit').find({ action: 'nomination.nominateByUnit' });
    expect(audit).toEqual([expect.objectContaining({ target: `nominations/${squat.id}` })]);
    expect(await h.deps.store.collection('nominations').count({})).toBe(1);
  });

  it('a second attempt counts again; the same unit re-entering its own record flags nothing', async () => {
    const f = await fixture();
    const { h } = f;
    const unit = await f.unit();
    const other = await f.unit();
    const admin = await f.admin('unitAdmin', unit);
    const otherAdmin = await f.admin('unitAdmin', other);
    const p = f.person();
    const held = dataOf(
      await h.call('nomination', 'nominateByUnit', { unitId: unit._id, form: p.form(), consentObtained: true }, admin),
    ).nomination;
    const again = { unitId: unit._id, form: p.form(), consentObtained: true } as const;
    const own = await h.call('nomination', 'nominateByUnit', again, admin);
    expect(own.ok ? null : own.error.details).toEqual({ heldByUnit: unit.name, heldStatus: 'submitted' });
    expect(dataOf(await h.call('nomination', 'get', { nominationId: held.id }, admin)).nomination.contest).toBeNull();
    for (let i = 0; i < 2; i += 1) {
      const input = { unitId: other._id, form: p.form(), consentObtained: true } as const;
      expect(codeOf(await h.call('nomination', 'nominateByUnit', input, otherAdmin))).toBe('NOMINATION.DUPLICATE');
    }
    expect(dataOf(await h.call('nomination', 'get', { nominationId: held.id }, admin)).nomination.contest?.count).toBe(
      2,
    );
  });
});
