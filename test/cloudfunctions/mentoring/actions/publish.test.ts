import type { MatchDoc, MenteeDoc, MentorDoc, OutboxDoc } from '../../../../cloudfunctions/_lib/collections';
import { scene } from '../scene';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.publish', () => {
  it('publishes drafts: the mentor’s place and the youth are taken, both sides notified, audited', async () => {
    const s = await scene();
    const m = await s.mentor({ capacity: 2 }, '钱导师');
    const y = await s.selected(s.bank);
    const d = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: m.openid }, s.city));
    expect(dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d.id] }, s.city))).toEqual({ published: 1 });
    const { store } = s.f.h.deps;
    expect((await store.collection<MatchDoc>('matches').get(d.id))?.status).toBe('published');
    expect((await store.collection<MentorDoc>('mentors').get(m.openid))?.load).toBe(1);
    expect((await store.collection<MenteeDoc>('mentees').get(y.id))?.openMatchId).toBe(d.id);
    const sent = await store.collection<OutboxDoc>('outbox').find({});
    expect(sent.map((o) => [o.toOpenid, o.title]).sort()).toEqual(
      [
        [m.openid, '新的结对青年'],
        [y.openid, '您的结对导师已安排'],
      ].sort(),
    );
    expect(await store.collection('audit').count({ target: `matches/${d.id}`, action: 'mentoring.publish' })).toBe(1);
  });

  it('refuses the whole call when one draft cannot be published, naming the youth; nothing is written', async () => {
    const s = await scene();
    const m = await s.mentor({ capacity: 1 });
    const y1 = await s.selected(s.bank);
    const y2 = await s.selected(s.bank);
    const d1 = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y1.id, mentorId: m.openid }, s.city));
    // Two drafts for one place: the second was written before the first took it (a batch of another scope).
    const col = s.f.h.deps.store.collection<MatchDoc>('matches');
    const d1doc = (await col.get(d1.id)) as MatchDoc;
    await col.insert({ ...d1doc, _id: 'extra-draft', nominationId: y2.id, youthName: y2.name, youthOpenid: y2.openid });
    const refused = await s.f.h.call('mentoring', 'publish', { matchIds: [d1.id, 'extra-draft'] }, s.city);
    expect(codeOf(refused)).toBe('MENTORING.OVER_CAPACITY');
    expect(!refused.ok && refused.error.details).toMatchObject({ matchId: 'extra-draft', youthName: y2.name });
    expect((await col.get(d1.id))?.status).toBe('draft');
    expect((await s.f.h.deps.store.collection<MentorDoc>('mentors').get(m.openid))?.load).toBe(0);
    expect(await s.f.h.deps.store.collection('outbox').count({})).toBe(0);
  });

  it('refuses a youth already matched, a mentor barred since the draft, and a draft out of scope', async () => {
    const s = await scene();
    const a = await s.mentor({ capacity: 3 });
    const b = await s.mentor({ capacity: 3 });
    const y = await s.selected(s.bank);
    const da = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y.id, mentorId: a.openid }, s.city));
    const col = s.f.h.deps.store.collection<MatchDoc>('matches');
    await col.insert({ ...((await col.get(da.id)) as MatchDoc), _id: 'twin', mentorId: b.openid });
    dataOf(await s.f.h.call('mentoring', 'publish', { matchIds: [da.id] }, s.city));
    expect(codeOf(await s.f.h.call('mentoring', 'publish', { matchIds: ['twin'] }, s.city))).toBe(
      'MENTORING.YOUTH_MATCHED',
    );

    const y2 = await s.selected(s.bank);
    const d2 = dataOf(await s.f.h.call('mentoring', 'propose', { nominationId: y2.id, mentorId: b.openid }, s.city));
    await s.f.h.call(
      'mentoring',
      'saveProfile',
      {
        orgName: '绍兴银行',
        sector: 'finance',
        districtId: 'keqiao',
        expertise: ['数字化改革'],
        capacity: 3,
        excludedNames: [y2.name],
      },
      b,
    );
    expect(codeOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d2.id] }, s.city))).toBe('MENTORING.BARRED');
    expect(codeOf(await s.f.h.call('mentoring', 'publish', { matchIds: [d2.id] }, s.yuechengAdmin))).toBe(
      'MENTORING.NOT_FOUND',
    );
    expect(codeOf(await s.f.h.call('mentoring', 'publish', { matchIds: [] }, s.city))).toBe('INPUT.INVALID');
  });

  it('two admins publishing the last place at once: exactly one wins (conditional take of the load)', async () => {
    const s = await scene();
    const m = await s.mentor({ capacity: 1 });
    const ys = [await s.selected(s.bank), await s.selected(s.bank), await s.selected(s.school)];
    const col = s.f.h.deps.store.collection<MatchDoc>('matches');
    const first = dataOf(
      await s.f.h.call('mentoring', 'propose', { nominationId: ys[0].id, mentorId: m.openid }, s.city),
    );
    const base = (await col.get(first.id)) as MatchDoc;
    for (const [i, y] of ys.slice(1).entries())
      await col.insert({ ...base, _id: `race-${i}`, nominationId: y.id, youthName: y.name, youthOpenid: y.openid });
    const answers = await Promise.all(
      [first.id, 'race-0', 'race-1'].map((id, i) =>
        s.f.h.call('mentoring', 'publish', { matchIds: [id] }, i === 2 ? s.keqiaoAdmin : s.city),
      ),
    );
    expect(answers.filter((a) => a.ok)).toHaveLength(1);
    expect(answers.filter((a) => !a.ok).map(codeOf)).toEqual(['MENTORING.OVER_CAPACITY', 'MENTORING.OVER_CAPACITY']);
    expect((await s.f.h.deps.store.collection<MentorDoc>('mentors').get(m.openid))?.load).toBe(1);
    expect(await col.count({ status: 'published' })).toBe(1);
  });
});
