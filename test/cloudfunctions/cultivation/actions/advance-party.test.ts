import type { OutboxDoc, PartyQuotaDoc, PartyRecordDoc } from '../../../../cloudfunctions/_lib/collections';
import type { PartyEvent } from '../../../../miniprogram/core/cultivation';
import { codeOf, dataOf } from '../../../support/harness';
import { scene, type Scene } from '../scene';

async function applicant(s: Scene, over: Parameters<Scene['selected']>[1] = {}) {
  const y = await s.selected(s.bank, over);
  dataOf(await s.f.h.call('cultivation', 'startParty', { nominationId: y.id, date: '2026-03-01' }, s.bankAdmin));
  return y;
}

/** The district gives the bank a separate Party quota of `limit` places for 2026. */
async function separateQuota(s: Scene, limit: number) {
  const input = { unitId: s.bank._id, year: 2026, limit, reason: '区委组织部单列名额' };
  dataOf(await s.f.h.call('cultivation', 'setPartyQuota', input, s.keqiaoAdmin));
}

const step = (s: Scene, nominationId: string, event: PartyEvent, date: string, extra: { leagueOrg?: string } = {}) =>
  s.f.h.call('cultivation', 'advanceParty', { nominationId, event, date, ...extra }, s.bankAdmin);

describe('cultivation.advanceParty', () => {
  it('walks every stage: 推优 → 积极分子 → 发展对象 → 预备党员 → 正式党员, each dated, the youth told', async () => {
    const s = await scene();
    const y = await applicant(s, { birthDate: '2000-06-01' });
    expect(dataOf(await step(s, y.id, 'recommend', '2026-04-01', { leagueOrg: '柯桥农商银行团委' }))).toMatchObject({
      stage: 'recommended',
      leagueOrg: '柯桥农商银行团委',
    });
    expect(dataOf(await step(s, y.id, 'activate', '2026-05-01')).stage).toBe('activist');
    expect(dataOf(await step(s, y.id, 'designate', '2026-06-01')).stage).toBe('candidate');
    expect(dataOf(await step(s, y.id, 'admit', '2026-07-01')).stage).toBe('probationary');
    const done = dataOf(await step(s, y.id, 'confirm', '2026-11-20'));
    expect(done).toMatchObject({ stage: 'member', stageLabel: '正式党员', next: [] });
    expect(done.steps.map((x) => [x.label, x.date])).toEqual([
      ['提交入党申请', '2026-03-01'],
      ['团组织推优', '2026-04-01'],
      ['确定为入党积极分子', '2026-05-01'],
      ['列为发展对象', '2026-06-01'],
      ['接收为预备党员', '2026-07-01'],
      ['转为正式党员', '2026-11-20'],
    ]);
    const sent = await s.f.h.deps.store.collection<OutboxDoc>('outbox').find({ toOpenid: y.openid });
    expect(sent).toHaveLength(5);
    expect(await s.f.h.deps.store.collection('audit').count({ action: 'cultivation.advanceParty' })).toBe(5);
  });

  it('the age gate: 28 or under needs 推优 before becoming an activist; over 28 may go directly', async () => {
    const s = await scene();
    // The harness's today is 2026-11-24 in China.
    const onBirthday = await applicant(s, { birthDate: '1998-11-24' }); // 28 today
    expect(codeOf(await step(s, onBirthday.id, 'activate', '2026-11-24'))).toBe('CULTIVATION.NOT_RECOMMENDED');
    const dayBefore29 = await applicant(s, { birthDate: '1997-11-25' }); // 28 until tomorrow
    expect(codeOf(await step(s, dayBefore29.id, 'activate', '2026-11-24'))).toBe('CULTIVATION.NOT_RECOMMENDED');
    const on29 = await applicant(s, { birthDate: '1997-11-24' }); // 29 today
    expect(dataOf(await step(s, on29.id, 'activate', '2026-11-24')).stage).toBe('activist');
    const masses = await applicant(s, { birthDate: '2000-01-01', form: { politicalStatus: 'masses' } });
    expect(codeOf(await step(s, masses.id, 'activate', '2026-11-24'))).toBe('CULTIVATION.NOT_LEAGUE_MEMBER');
    expect(codeOf(await step(s, masses.id, 'recommend', '2026-11-24', { leagueOrg: '团委' }))).toBe(
      'CULTIVATION.NOT_LEAGUE_MEMBER',
    );
  });

  it('takes a place of the unit’s separate quota for a 好青年, never more than it holds', async () => {
    const s = await scene();
    await separateQuota(s, 1);
    const a = await applicant(s);
    const b = await applicant(s);
    dataOf(await step(s, a.id, 'recommend', '2026-04-01', { leagueOrg: '行团委' }));
    expect(codeOf(await step(s, b.id, 'recommend', '2026-04-01', { leagueOrg: '行团委' }))).toBe(
      'CULTIVATION.QUOTA_FULL',
    );
    expect((await s.f.h.deps.store.collection<PartyRecordDoc>('partyRecords').get(b.id))?.status).toBe('applicant');
    expect((await s.f.h.deps.store.collection<PartyQuotaDoc>('partyQuotas').get(`2026:${s.bank._id}`))?.used).toBe(1);
    // A youth who is not a 好青年 is recommended outside the separate quota.
    const plain = await s.f.nomination(s.bank, { status: 'rejected', comment: '事迹不够突出典型' });
    dataOf(await s.f.h.call('cultivation', 'startParty', { nominationId: plain.id, date: '2026-03-01' }, s.bankAdmin));
    expect(dataOf(await step(s, plain.id, 'recommend', '2026-04-01', { leagueOrg: '行团委' })).stage).toBe(
      'recommended',
    );
  });

  it('counts a youth selected after the Party record started as a 好青年 (selection as of the step, not the start)', async () => {
    const s = await scene();
    await separateQuota(s, 1);
    const a = await applicant(s);
    dataOf(await step(s, a.id, 'recommend', '2026-04-01', { leagueOrg: '行团委' }));
    const later = await s.f.nomination(s.bank, { status: 'submitted' });
    dataOf(await s.f.h.call('cultivation', 'startParty', { nominationId: later.id, date: '2026-03-01' }, s.bankAdmin));
    await s.f.h.deps.store.collection('nominations').updateOne({ _id: later.id }, { $set: { status: 'approved' } });
    expect(codeOf(await step(s, later.id, 'recommend', '2026-04-01', { leagueOrg: '行团委' }))).toBe(
      'CULTIVATION.QUOTA_FULL',
    );
  });

  it('concurrent recommendations cannot share the last place', async () => {
    const s = await scene();
    await separateQuota(s, 2);
    const ys = [];
    for (let i = 0; i < 5; i += 1) ys.push(await applicant(s));
    const replies = await Promise.all(ys.map((y) => step(s, y.id, 'recommend', '2026-04-01', { leagueOrg: '行团委' })));
    expect(replies.filter((r) => r.ok)).toHaveLength(2);
    expect((await s.f.h.deps.store.collection<PartyQuotaDoc>('partyQuotas').get(`2026:${s.bank._id}`))?.used).toBe(2);
  });

  it('refuses a step out of order, a date before the last step or after today, no League body, another unit', async () => {
    const s = await scene();
    const y = await applicant(s);
    expect(codeOf(await step(s, y.id, 'designate', '2026-04-01'))).toBe('CULTIVATION.INVALID_STATE');
    expect(codeOf(await step(s, y.id, 'recommend', '2026-02-01', { leagueOrg: '团委' }))).toBe(
      'CULTIVATION.DATE_ORDER',
    );
    expect(codeOf(await step(s, y.id, 'recommend', '2026-11-25', { leagueOrg: '团委' }))).toBe(
      'CULTIVATION.FUTURE_DATE',
    );
    expect(codeOf(await step(s, y.id, 'recommend', '2026-04-01'))).toBe('CULTIVATION.LEAGUE_ORG');
    expect(
      codeOf(
        await s.f.h.call(
          'cultivation',
          'advanceParty',
          { nominationId: y.id, event: 'recommend', date: '2026-04-01', leagueOrg: '团委' },
          s.millAdmin,
        ),
      ),
    ).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await step(s, 'nobody', 'recommend', '2026-04-01', { leagueOrg: '团委' }))).toBe(
      'CULTIVATION.NOT_FOUND',
    );
    const doc = await s.f.h.deps.store.collection<PartyRecordDoc>('partyRecords').get(y.id);
    expect(doc?.steps).toHaveLength(1);
  });
});
