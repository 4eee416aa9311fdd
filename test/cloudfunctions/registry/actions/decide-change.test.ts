import { C, type MessageDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';
import { youthScene } from '../youth-scene';

describe('registry.decideChange (issue 14)', () => {
  it('a change of unit goes to the new unit for review; the record moves only when it approves', async () => {
    const f = await fixture();
    const { h } = f;
    const { youth, unit, admin: oldAdmin } = await youthScene(f);
    const next = await f.unit({ district: 'yuecheng', name: '越城区新单位' });
    const newAdmin = await f.admin('unitAdmin', next);
    const asked = dataOf(await h.call('registry', 'confirmMine', { unitId: next._id, post: '项目经理' }, youth));
    expect(asked.record).toEqual(
      expect.objectContaining({
        unitId: unit._id,
        post: '技术员',
        pendingChange: { unitId: next._id, unitName: '越城区新单位', post: '项目经理', postSince: null },
      }),
    );
    const queue = await h.deps.store.collection<MessageDoc>(C.messages).find({ toOpenid: newAdmin.openid });
    expect(queue.map((m) => m.kind)).toEqual(['youth.changeRequested']);
    const youthId = asked.record?.id ?? '';
    expect(codeOf(await h.call('registry', 'decideChange', { youthId, approve: true }, oldAdmin))).toBe(
      'AUTH.OUT_OF_SCOPE',
    );
    expect(codeOf(await h.call('registry', 'decideChange', { youthId, approve: false }, newAdmin))).toBe(
      'INPUT.INVALID',
    );
    const moved = dataOf(await h.call('registry', 'decideChange', { youthId, approve: true }, newAdmin));
    expect(moved).toEqual(expect.objectContaining({ unitId: next._id, post: '项目经理', pendingChange: null }));
    expect(codeOf(await h.call('registry', 'decideChange', { youthId, approve: true }, newAdmin))).toBe(
      'YOUTH.INVALID_STATE',
    );
    const told = await h.deps.store
      .collection('messages')
      .find({ toOpenid: youth.openid, kind: 'youth.changeDecided' });
    expect(told).toHaveLength(1);
  });

  it('a refusal with a reason leaves the record where it was', async () => {
    const f = await fixture();
    const { youth, unit } = await youthScene(f);
    const next = await f.unit({ district: 'yuecheng' });
    const newAdmin = await f.admin('unitAdmin', next);
    const asked = dataOf(await f.h.call('registry', 'confirmMine', { unitId: next._id, post: '技术员' }, youth));
    const kept = dataOf(
      await f.h.call(
        'registry',
        'decideChange',
        { youthId: asked.record?.id ?? '', approve: false, reason: '查无此人' },
        newAdmin,
      ),
    );
    expect(kept).toEqual(expect.objectContaining({ unitId: unit._id, pendingChange: null }));
    // The youth reads the reason the unit typed.
    const told = await f.h.deps.store
      .collection<MessageDoc>(C.messages)
      .find({ toOpenid: youth.openid, kind: 'youth.changeDecided' });
    expect(told.map((m) => m.body)).toEqual([expect.stringContaining('查无此人')]);
    // …and in 我的数据, until they ask again.
    expect(kept.changeRefused).toEqual({ reason: '查无此人', at: expect.any(String) });
    const mine = dataOf(await f.h.call('registry', 'myRecord', {}, youth));
    expect(mine.record?.changeRefused?.reason).toBe('查无此人');
    const again = dataOf(await f.h.call('registry', 'confirmMine', { unitId: next._id, post: '工程师' }, youth));
    expect(again.record?.changeRefused).toBeNull();
  });
});
