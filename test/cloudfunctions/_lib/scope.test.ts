import type { NominationView } from '../../../miniprogram/core/contracts/nomination';
import type { Paged } from '../../../miniprogram/core/contracts/common';
import type { RoleGrant } from '../../../miniprogram/core/org';
import { C, type AccountDoc } from '../../../cloudfunctions/_lib/collections';
import type { Actor } from '../../../cloudfunctions/_lib/identity';
import { districtsIn, resolveReach, resolveScope, unitsIn } from '../../../cloudfunctions/_lib/scope';
import { dataOf, makeHarness, type Harness } from '../../support/harness';
import { addNominations } from '../../support/nominees';

const actor = (...grants: RoleGrant[]): Actor => ({
  openid: 'someone',
  displayName: null,
  registered: true,
  grants,
  storedGrants: grants,
});
const CITY = { role: 'cityAdmin', orgId: 'city' } as const;
const YUECHENG = { role: 'districtAdmin', orgId: 'yuecheng' } as const;
const YC_TECH = { role: 'unitAdmin', orgId: 'yuecheng-tech' } as const;
const KQ_TECH = { role: 'unitAdmin', orgId: 'keqiao-tech' } as const;
const YOUTH = { role: 'youth', orgId: 'yuecheng-tech' } as const;

let h: Harness;
beforeEach(async () => {
  h = await makeHarness();
});

describe('resolveScope: the view asked for, checked against the grants', () => {
  it.each<[string, Actor, { districtId?: string; unitId?: string }, object]>([
    ['the city by default', actor(YC_TECH, CITY), {}, { level: 'city', orgId: 'city', name: '绍兴市' }],
    ['a district by default', actor(YUECHENG), {}, { level: 'district', orgId: 'yuecheng', name: '越城区' }],
    [
      'all of a unit admin’s units by default',
      actor(YC_TECH, KQ_TECH),
      {},
      {
        level: 'unit',
        orgId: 'yuecheng-tech',
        unitIds: ['yuecheng-tech', 'keqiao-tech'],
        name: '越城区智造科技有限公司',
      },
    ],
    ['a district the city asks for', actor(CITY), { districtId: 'keqiao' }, { level: 'district', orgId: 'keqiao' }],
    [
      'a unit of the district',
      actor(YUECHENG),
      { unitId: 'yuecheng-gov' },
      { level: 'unit', orgId: 'yuecheng-gov', unitIds: ['yuecheng-gov'] },
    ],
  ])('%s', async (_label, who, requested, scope) => {
    const res = await resolveScope(h.deps, who, requested);
    expect(res).toEqual({ ok: true, value: expect.objectContaining(scope) });
  });

  it.each<[string, Actor, { districtId?: string; unitId?: string }, string]>([
    ['another district', actor(YUECHENG), { districtId: 'keqiao' }, 'AUTH.OUT_OF_SCOPE'],
    ['a unit of another district', actor(YUECHENG), { unitId: 'keqiao-gov' }, 'AUTH.OUT_OF_SCOPE'],
    ['its own district, as a unit admin', actor(YC_TECH), { districtId: 'yuecheng' }, 'AUTH.OUT_OF_SCOPE'],
    ['anything, as a youth', actor(YOUTH), {}, 'AUTH.OUT_OF_SCOPE'],
    ['a unit that does not exist', actor(CITY), { unitId: 'nowhere' }, 'ORG.NOT_FOUND'],
    ['a district as a unit', actor(CITY), { unitId: 'yuecheng' }, 'ORG.NOT_FOUND'],
    ['a unit as a district', actor(CITY), { districtId: 'yuecheng-gov' }, 'ORG.NOT_FOUND'],
  ])('%s → %s', async (_label, who, requested, code) => {
    const res = await resolveScope(h.deps, who, requested);
    expect(res).toEqual({ ok: false, error: expect.objectContaining({ code }) });
  });

  it.each<[string, Actor, number, string[]]>([
    ['city', actor(CITY), 6 + 7 * 6, ['yuecheng', 'keqiao', 'shangyu', 'zhuji', 'shengzhou', 'xinchang']],
    ['district', actor(YUECHENG), 7, ['yuecheng']],
    ['units', actor(YC_TECH, KQ_TECH), 2, []],
  ])('the units and districts inside a %s scope', async (_label, who, units, districts) => {
    const res = await resolveScope(h.deps, who, {});
    if (!res.ok) throw new Error(res.error.code);
    expect(await unitsIn(h.deps, res.value)).toHaveLength(units);
    expect((await districtsIn(h.deps, res.value)).map((d) => d._id)).toEqual(districts);
  });
});

describe('resolveReach: the review queue lists everything the grants reach together (R4.2)', () => {
  it('a unit narrows it, scope-checked', async () => {
    expect(await resolveReach(h.deps, actor(YUECHENG), { unitId: 'yuecheng-gov' })).toEqual({
      ok: true,
      value: expect.objectContaining({ level: 'unit', unitIds: ['yuecheng-gov'] }),
    });
    expect(await resolveReach(h.deps, actor(YUECHENG), { unitId: 'keqiao-gov' })).toEqual({
      ok: false,
      error: expect.objectContaining({ code: 'AUTH.OUT_OF_SCOPE' }),
    });
  });

  it('a district admin who also runs a unit elsewhere sees both', async () => {
    await addNominations(h.deps, 'keqiao-tech', 2, { seqStart: 100 });
    await addNominations(h.deps, 'keqiao-gov', 1, { seqStart: 200 });
    await h.deps.store.collection<AccountDoc>(C.accounts).insert({
      _id: 'two-hats',
      displayName: '两顶帽子',
      grants: [YUECHENG, KQ_TECH],
      createdAt: h.deps.clock(),
      updatedAt: h.deps.clock(),
    });
    const queue = dataOf<Paged<NominationView>>(await h.call('nomination', 'listForReview', {}, 'two-hats'));
    // 李明 of 越城区智造科技 from the seed, and the two of 柯桥区智造科技; not 柯桥区人民政府办公室's.
    expect(queue.items.map((n) => n.unitName).sort()).toEqual([
      '柯桥区智造科技有限公司',
      '柯桥区智造科技有限公司',
      '越城区智造科技有限公司',
    ]);
  });
});
