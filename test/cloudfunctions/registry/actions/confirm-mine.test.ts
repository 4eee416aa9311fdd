import { C, type YouthDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf, NOW } from '../../../support/harness';
import { A_YEAR_LATER, youthScene } from '../youth-scene';

describe('registry.confirmMine (issue 14)', () => {
  it('the same unit and post confirm the record for another year; a new phone is sealed at once', async () => {
    const f = await fixture();
    const { youth, unit } = await youthScene(f);
    f.h.setNow(A_YEAR_LATER(NOW));
    const confirmed = dataOf(
      await f.h.call('registry', 'confirmMine', { unitId: unit._id, post: '技术员', phone: '13712345678' }, youth),
    );
    expect(confirmed.confirmDue).toBe(false);
    expect(confirmed.record).toEqual(
      expect.objectContaining({
        unitId: unit._id,
        phoneMasked: '137****5678',
        lastConfirmedAt: A_YEAR_LATER(NOW).toISOString(),
      }),
    );
    const [doc] = await f.h.deps.store.collection<YouthDoc>(C.youths).find({ openid: youth.openid });
    expect(JSON.stringify(doc)).not.toContain('13712345678');
    expect(doc.history.map((e) => e.event)).toEqual(['imported', 'confirmed']);
  });

  it('任现岗位时间 goes with the post: a new date waits for the unit; the same date confirms; never after today', async () => {
    const f = await fixture();
    const { youth, unit } = await youthScene(f);
    const send = (postSince?: string) =>
      f.h.call(
        'registry',
        'confirmMine',
        { unitId: unit._id, post: '技术员', ...(postSince ? { postSince } : {}) },
        youth,
      );
    expect(codeOf(await send('2099-01-01'))).toBe('INPUT.INVALID');
    const asked = dataOf(await send('2022-09-01')).record;
    expect(asked).toMatchObject({ postSince: null, pendingChange: { post: '技术员', postSince: '2022-09-01' } });
    const [doc] = await f.h.deps.store.collection<YouthDoc>(C.youths).find({ openid: youth.openid });
    await f.h.deps.store
      .collection<YouthDoc>(C.youths)
      .updateOne({ _id: doc._id }, { $set: { postSince: '2022-09-01', pendingChange: null, pendingUnitId: null } });
    // Once recorded, confirming without a date (the 确认 button) or with the same date changes nothing.
    expect(dataOf(await send()).record).toMatchObject({ postSince: '2022-09-01', pendingChange: null });
    expect(dataOf(await send('2022-09-01')).record).toMatchObject({ postSince: '2022-09-01', pendingChange: null });
  });

  it('refuses without a record, for alumni, and for a district instead of a unit', async () => {
    const f = await fixture();
    const { youth, unit, admin } = await youthScene(f);
    const stranger = await f.youth(unit);
    expect(codeOf(await f.h.call('registry', 'confirmMine', { unitId: unit._id, post: '岗' }, stranger))).toBe(
      'YOUTH.NOT_FOUND',
    );
    expect(codeOf(await f.h.call('registry', 'confirmMine', { unitId: 'yuecheng', post: '岗' }, youth))).toBe(
      'ORG.NOT_A_UNIT',
    );
    const mine = dataOf(await f.h.call('registry', 'myRecord', {}, youth)).record;
    dataOf(await f.h.call('registry', 'leave', { youthId: mine?.id ?? '', reason: '已调离本单位' }, admin));
    expect(codeOf(await f.h.call('registry', 'confirmMine', { unitId: unit._id, post: '技术员' }, youth))).toBe(
      'YOUTH.INVALID_STATE',
    );
  });
});
