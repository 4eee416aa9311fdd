import { fixture, type Fixture } from '../../../support/fixtures';
import { dataOf } from '../../../support/harness';

describe('account.bindUnit', () => {
  let f: Fixture;
  beforeEach(async () => {
    f = await fixture();
    await f.district('keqiao');
  });

  it('a new user binds to a unit and becomes a youth', async () => {
    const unit = await f.unit({
      id: 'shangyu-invest',
      name: '上虞区城市建设投资集团有限公司',
      district: 'shangyu',
      category: 'soe',
    });
    const newbie = await f.youth(null);
    const me = dataOf(await f.h.call('account', 'bindUnit', { unitId: unit._id, displayName: '孙小青' }, newbie));
    expect(me).toEqual(
      expect.objectContaining({
        registered: true,
        displayName: '孙小青',
        unit: { id: 'shangyu-invest', name: '上虞区城市建设投资集团有限公司', districtName: '上虞区' },
      }),
    );
  });

  it.each([
    ['nope', 'ORG.NOT_FOUND'],
    ['keqiao', 'ORG.NOT_A_UNIT'],
  ])('binding to %s → %s', async (unitId, code) => {
    const res = await f.h.call('account', 'bindUnit', { unitId, displayName: 'x' }, await f.youth(null));
    expect(res).toEqual(expect.objectContaining({ ok: false, error: expect.objectContaining({ code }) }));
  });
});
