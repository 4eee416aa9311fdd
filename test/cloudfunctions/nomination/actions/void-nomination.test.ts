/** nomination.voidNomination: the district voids a record, e.g. one entered with someone else's number (issue 8 §6). */
import type { QuotaDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf, NOW, TIMER } from '../../../support/harness';

async function squatScene() {
  const f = await fixture();
  const { h } = f;
  const squatUnit = await f.unit({ district: 'yuecheng', name: '越城某公司' });
  const realUnit = await f.unit({ district: 'keqiao', category: 'soe', name: '柯桥某国企' });
  const realAdmin = await f.admin('unitAdmin', realUnit);
  const district = await f.admin('districtAdmin', await f.district('yuecheng'));
  const otherDistrict = await f.admin('districtAdmin', await f.district('keqiao'));
  const stranger = f.person({ name: '真本人' });
  const squatter = await f.youth(squatUnit, { consent: true });
  const squat = dataOf(await h.call('nomination', 'submitSelf', stranger.form(), squatter)).nomination;
  const nominateReal = () =>
    h.call(
      'nomination',
      'nominateByUnit',
      { unitId: realUnit._id, form: stranger.form(), consentObtained: true },
      realAdmin,
    );
  return { f, h, squatUnit, realUnit, district, otherDistrict, squatter, squat, nominateReal };
}

describe('nomination.voidNomination (issue 8 §6)', () => {
  it('the district voids with a reason: audited, the place is free, the real unit can nominate', async () => {
    const { h, district, squat, nominateReal } = await squatScene();
    expect(codeOf(await nominateReal())).toBe('NOMINATION.DUPLICATE');
    const reason = '经核实该身份证号被他人冒用，作废此记录';
    const { nomination } = dataOf(
      await h.call('nomination', 'voidNomination', { nominationId: squat.id, reason }, district),
    );
    expect(nomination.status).toBe('voided');
    expect(nomination.history.at(-1)).toEqual(expect.objectContaining({ action: 'void', comment: reason }));
    const audit = await h.deps.store.collection('audit').find({ action: 'nomination.voidNomination' });
    expect(audit).toEqual([
      expect.objectContaining({
        actor: district.openid,
        target: `nominations/${squat.id}`,
        details: expect.objectContaining({ reason, event: 'void', from: 'submitted', to: 'voided' }),
      }),
    ]);
    expect(codeOf(await nominateReal())).toBe('OK');
    // The voided record is erased after the retention.
    h.setNow(new Date(NOW.getTime() + 31 * 86_400_000));
    expect(dataOf(await h.call('cron', 'purgeWithdrawn', {}, TIMER)).erased).toBe(1);
    expect(await h.deps.store.collection('nominations').get(squat.id)).toBeNull();
  });

  it('tells whoever entered the record and the unit’s admins why it was voided', async () => {
    const { f, h, squatUnit, district, squatter, squat } = await squatScene();
    const squatAdmin = await f.admin('unitAdmin', squatUnit);
    const reason = '经核实该身份证号被他人冒用，作废此记录';
    dataOf(await h.call('nomination', 'voidNomination', { nominationId: squat.id, reason }, district));
    const outbox = h.deps.store.collection<{ _id: string; kind: string; toOpenid: string; body: string }>('outbox');
    expect(await outbox.find({ toOpenid: squatter.openid, kind: 'nomination.voided' })).toEqual([
      expect.objectContaining({ body: expect.stringContaining(reason) }),
    ]);
    expect(await outbox.find({ toOpenid: squatAdmin.openid, kind: 'nomination.voidedInUnit' })).toHaveLength(1);
  });

  it('an approved record gives its place back', async () => {
    const f = await fixture();
    const unit = await f.unit({ district: 'yuecheng', youthCount: 40 });
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    const n = await f.nomination(unit, { status: 'approved' });
    const quota = async () => (await f.h.deps.store.collection<QuotaDoc>('quotas').findOne({ unitId: unit._id }))?.used;
    expect(await quota()).toBe(1);
    dataOf(await f.h.call('nomination', 'voidNomination', { nominationId: n.id, reason: '冒用身份证号' }, district));
    expect(await quota()).toBe(0);
  });

  it('only the district over the unit (or the city) may void, always with a reason; a rejected call writes nothing', async () => {
    const { f, h, squat, otherDistrict, squatUnit, district } = await squatScene();
    const before = await h.snapshot();
    const input = { nominationId: squat.id, reason: '冒用身份证号' };
    expect(codeOf(await h.call('nomination', 'voidNomination', input, otherDistrict))).toBe('AUTH.OUT_OF_SCOPE');
    const unitAdmin = await f.admin('unitAdmin', squatUnit);
    const afterAdmin = await h.snapshot();
    expect(codeOf(await h.call('nomination', 'voidNomination', input, unitAdmin))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await h.call('nomination', 'voidNomination', { nominationId: squat.id, reason: '' }, district))).toBe(
      'INPUT.INVALID',
    );
    expect(
      codeOf(await h.call('nomination', 'voidNomination', { nominationId: 'nope', reason: '冒用' }, district)),
    ).toBe('NOMINATION.NOT_FOUND');
    expect(await h.snapshot()).toEqual(afterAdmin);
    expect(before.nominations).toBe(afterAdmin.nominations);
    const city = await f.admin('cityAdmin', f.city);
    dataOf(await h.call('nomination', 'voidNomination', input, city));
    expect(codeOf(await h.call('nomination', 'voidNomination', input, city))).toBe('NOMINATION.INVALID_STATE');
  });
});
