import { Query } from 'mingo';
import type { Org, RoleGrant } from '../../miniprogram/core/org';
import {
  ADMIN_ROLES,
  districtFilter,
  grantCovers,
  grantsCover,
  reachOf,
  recordFilter,
  scopeOfOrg,
  unitFilter,
  widestGrant,
  widestScope,
  type DocFilter,
  type Reach,
  type Scope,
} from '../../miniprogram/core/scope';

type OrgRow = Pick<Org, '_id' | 'districtId' | 'level'>;

const CITY: OrgRow = { _id: 'city', districtId: null, level: 'city' };
const YUECHENG: OrgRow = { _id: 'yuecheng', districtId: 'yuecheng', level: 'district' };
const KEQIAO: OrgRow = { _id: 'keqiao', districtId: 'keqiao', level: 'district' };
const YC_TECH: OrgRow = { _id: 'yuecheng-tech', districtId: 'yuecheng', level: 'unit' };
const YC_GOV: OrgRow = { _id: 'yuecheng-gov', districtId: 'yuecheng', level: 'unit' };
const KQ_TECH: OrgRow = { _id: 'keqiao-tech', districtId: 'keqiao', level: 'unit' };
/** A city-level unit: it belongs to no district. */
const CITY_SOE: OrgRow = { _id: 'city-soe', districtId: null, level: 'unit' };
const ORGS = [CITY, YUECHENG, KEQIAO, YC_TECH, YC_GOV, KQ_TECH, CITY_SOE];
const UNITS = ORGS.filter((o) => o.level === 'unit');

const g = (role: RoleGrant['role'], orgId: string): RoleGrant => ({ role, orgId });
const CITY_ADMIN = g('cityAdmin', 'city');
const YC_ADMIN = g('districtAdmin', 'yuecheng');
const YC_TECH_ADMIN = g('unitAdmin', 'yuecheng-tech');
const KQ_TECH_ADMIN = g('unitAdmin', 'keqiao-tech');
const YOUTH = g('youth', 'yuecheng-tech');
const MENTOR = g('mentor', 'city');

describe('grantCovers: which organisations one grant covers (R3, R4)', () => {
  it.each<[string, RoleGrant, OrgRow, boolean]>([
    ['city admin', CITY_ADMIN, CITY, true],
    ['city admin', CITY_ADMIN, KEQIAO, true],
    ['city admin', CITY_ADMIN, CITY_SOE, true],
    ['越城区 admin', YC_ADMIN, YUECHENG, true],
    ['越城区 admin', YC_ADMIN, YC_TECH, true],
    ['越城区 admin', YC_ADMIN, YC_GOV, true],
    ['越城区 admin', YC_ADMIN, KEQIAO, false],
    ['越城区 admin', YC_ADMIN, KQ_TECH, false],
    ['越城区 admin', YC_ADMIN, CITY_SOE, false],
    ['越城区 admin', YC_ADMIN, CITY, false],
    ['unit admin', YC_TECH_ADMIN, YC_TECH, true],
    ['unit admin', YC_TECH_ADMIN, YC_GOV, false],
    ['unit admin', YC_TECH_ADMIN, YUECHENG, false],
    ['youth', YOUTH, YC_TECH, true],
    ['youth', YOUTH, YC_GOV, false],
    ['mentor', MENTOR, CITY, false],
    ['mentor', MENTOR, YC_TECH, false],
  ])('%s %p covers %p: %s', (_who, grant, org, expected) => {
    expect(grantCovers(grant, org)).toBe(expected);
  });

  it.each<[string, RoleGrant[], readonly RoleGrant['role'][], OrgRow, boolean]>([
    ['two units, the second', [YC_TECH_ADMIN, KQ_TECH_ADMIN], ['unitAdmin'], KQ_TECH, true],
    ['two units, a third', [YC_TECH_ADMIN, KQ_TECH_ADMIN], ['unitAdmin'], YC_GOV, false],
    ['a city grant not asked for', [CITY_ADMIN], ['unitAdmin'], YC_TECH, false],
    ['a youth grant not asked for', [YOUTH], ADMIN_ROLES, YC_TECH, false],
    ['no grants', [], ADMIN_ROLES, YC_TECH, false],
  ])('a set of grants: %s', (_label, grants, roles, org, expected) => {
    expect(grantsCover(grants, org, roles)).toBe(expected);
  });
});

describe('widestScope: the level a cadre opens on (city, then district, then unit)', () => {
  it.each<[string, RoleGrant[], Scope | null]>([
    ['city', [YC_TECH_ADMIN, CITY_ADMIN], { level: 'city', orgId: 'city' }],
    ['district', [YC_TECH_ADMIN, YC_ADMIN], { level: 'district', orgId: 'yuecheng' }],
    ['unit', [YC_TECH_ADMIN], { level: 'unit', orgId: 'yuecheng-tech', unitIds: ['yuecheng-tech'] }],
    [
      'multi-unit',
      [YOUTH, YC_TECH_ADMIN, KQ_TECH_ADMIN],
      { level: 'unit', orgId: 'yuecheng-tech', unitIds: ['yuecheng-tech', 'keqiao-tech'] },
    ],
    ['youth', [YOUTH], null],
    ['mentor', [MENTOR], null],
    ['nobody', [], null],
  ])('%s', (_label, grants, scope) => {
    expect(widestScope(grants)).toEqual(scope);
  });

  it('the widest grant keeps what the caller knows about it (the client’s grant views)', () => {
    const views = [
      { role: 'unitAdmin' as const, orgId: 'yuecheng-tech', orgName: '越城科技' },
      { role: 'districtAdmin' as const, orgId: 'yuecheng', orgName: '越城区' },
    ];
    expect(widestGrant(views)).toEqual({ role: 'districtAdmin', orgId: 'yuecheng', orgName: '越城区' });
    expect(widestGrant([{ ...YOUTH, orgName: '越城科技' }])).toBeNull();
  });

  it.each<[OrgRow, Scope]>([
    [CITY, { level: 'city', orgId: 'city' }],
    [YUECHENG, { level: 'district', orgId: 'yuecheng' }],
    [YC_TECH, { level: 'unit', orgId: 'yuecheng-tech', unitIds: ['yuecheng-tech'] }],
  ])('the scope of %p', (org, scope) => {
    expect(scopeOfOrg(org)).toEqual(scope);
  });
});

describe('reachOf: everything a set of grants reaches together (the review queue)', () => {
  it.each<[string, RoleGrant[], Reach]>([
    ['city', [CITY_ADMIN, YC_TECH_ADMIN], { all: true }],
    ['district', [YC_ADMIN], { all: false, districtIds: ['yuecheng'], unitIds: [] }],
    ['unit', [YC_TECH_ADMIN], { all: false, districtIds: [], unitIds: ['yuecheng-tech'] }],
    [
      'multi-unit',
      [YC_TECH_ADMIN, KQ_TECH_ADMIN],
      { all: false, districtIds: [], unitIds: ['yuecheng-tech', 'keqiao-tech'] },
    ],
    [
      'district and a unit elsewhere',
      [YC_ADMIN, KQ_TECH_ADMIN],
      { all: false, districtIds: ['yuecheng'], unitIds: ['keqiao-tech'] },
    ],
    ['youth (not a cadre)', [YOUTH], { all: false, districtIds: [], unitIds: [] }],
    ['mentor', [MENTOR], { all: false, districtIds: [], unitIds: [] }],
  ])('%s', (_label, grants, reach) => {
    expect(reachOf(grants)).toEqual(reach);
  });

  it('a youth grant counts when youths are asked for', () => {
    expect(reachOf([YOUTH], ['youth'])).toEqual({ all: false, districtIds: [], unitIds: ['yuecheng-tech'] });
  });
});

describe('the filters a scope implies', () => {
  const multiUnit: Scope = { level: 'unit', orgId: 'yuecheng-tech', unitIds: ['yuecheng-tech', 'keqiao-tech'] };
  it.each<[string, Scope | Reach, DocFilter, DocFilter, DocFilter]>([
    ['city', { level: 'city', orgId: 'city' }, { level: 'unit' }, { level: 'district' }, {}],
    [
      'district',
      { level: 'district', orgId: 'yuecheng' },
      { level: 'unit', districtId: 'yuecheng' },
      { level: 'district', _id: 'yuecheng' },
      { districtId: 'yuecheng' },
    ],
    [
      'unit',
      { level: 'unit', orgId: 'yuecheng-tech', unitIds: ['yuecheng-tech'] },
      { level: 'unit', _id: 'yuecheng-tech' },
      { level: 'district', _id: { $in: [] } },
      { unitId: 'yuecheng-tech' },
    ],
    [
      'multi-unit',
      multiUnit,
      { level: 'unit', _id: { $in: ['yuecheng-tech', 'keqiao-tech'] } },
      { level: 'district', _id: { $in: [] } },
      { unitId: { $in: ['yuecheng-tech', 'keqiao-tech'] } },
    ],
    [
      'a district and a unit elsewhere',
      reachOf([YC_ADMIN, KQ_TECH_ADMIN]),
      { level: 'unit', $or: [{ _id: 'keqiao-tech' }, { districtId: 'yuecheng' }] },
      { level: 'district', _id: 'yuecheng' },
      { $or: [{ unitId: 'keqiao-tech' }, { districtId: 'yuecheng' }] },
    ],
    [
      'nothing',
      reachOf([MENTOR]),
      { level: 'unit', _id: { $in: [] } },
      { level: 'district', _id: { $in: [] } },
      { unitId: { $in: [] } },
    ],
  ])('%s → orgs, districts, records', (_label, target, units, districts, records) => {
    expect(unitFilter(target)).toEqual(units);
    expect(districtFilter(target)).toEqual(districts);
    expect(recordFilter(target)).toEqual(records);
  });

  // The filters and grantCovers are one rule: run each filter over every unit and
  // over a record of every unit, and it keeps exactly what the grants cover.
  const matches = (filter: DocFilter, doc: Record<string, unknown>) => new Query(filter).test(doc);
  it.each<[string, RoleGrant[]]>([
    ['city', [CITY_ADMIN]],
    ['district', [YC_ADMIN]],
    ['unit', [YC_TECH_ADMIN]],
    ['multi-unit', [YC_TECH_ADMIN, KQ_TECH_ADMIN]],
    ['district and a unit elsewhere', [YC_ADMIN, KQ_TECH_ADMIN]],
    ['youth', [YOUTH]],
    ['mentor', [MENTOR]],
  ])('%s: the filters keep exactly the covered units and their records', (_label, grants) => {
    const covered = UNITS.filter((u) => grantsCover(grants, u, ADMIN_ROLES)).map((u) => u._id);
    const reach = reachOf(grants);
    expect(UNITS.filter((u) => matches(unitFilter(reach), u)).map((u) => u._id)).toEqual(covered);
    const records = UNITS.map((u) => ({ _id: `2027:${u._id}`, unitId: u._id, districtId: u.districtId }));
    expect(records.filter((r) => matches(recordFilter(reach), r)).map((r) => r.unitId)).toEqual(covered);
  });
});
