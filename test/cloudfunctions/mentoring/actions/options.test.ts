import { DEFAULT_EXPERTISE } from '../../../../miniprogram/core/mentoring';
import { fixture } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';

describe('mentoring.options', () => {
  it('gives the sectors and the default expertise list to any user, and needs an identity', async () => {
    const f = await fixture();
    const o = dataOf(await f.h.call('mentoring', 'options', {}, 'anyone'));
    expect(o.expertise).toEqual(DEFAULT_EXPERTISE);
    expect(o.sectors).toContainEqual({ id: 'finance', label: '金融系统' });
    expect(o.districts).toEqual([]);
    await f.district('keqiao');
    await f.district('yuecheng');
    expect(dataOf(await f.h.call('mentoring', 'options', {}, 'anyone')).districts).toEqual([
      { id: 'yuecheng', name: '越城区' },
      { id: 'keqiao', name: '柯桥区' },
    ]);
    expect(codeOf(await f.h.call('mentoring', 'options', {}, null))).toBe('AUTH.UNAUTHENTICATED');
  });
});
