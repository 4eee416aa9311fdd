import {
  canFile,
  canOversee,
  districtFilingSubject,
  filerRole,
  filingId,
  filingSubjects,
  overseerOf,
  parseFilingId,
  rowCountMismatch,
  scanShapeIssue,
  sumOver,
  unitFilingSubject,
  type FilingSubject,
  type ScanKind,
} from '../../miniprogram/core/filing';
import type { Org, RoleGrant, UnitCategory } from '../../miniprogram/core/org';

describe('the stamped table’s shape (R4.5): one PDF, or photos one a page', () => {
  it.each<[ScanKind, number, number, 'files' | 'pageCount' | null]>([
    ['pdf', 1, 1, null],
    ['pdf', 1, 200, null], // a PDF's pages are as the uploader counts them
    ['pdf', 2, 2, 'files'],
    ['photos', 1, 1, null],
    ['photos', 3, 3, null],
    ['photos', 9, 9, null],
    ['photos', 3, 2, 'pageCount'],
    ['photos', 2, 3, 'pageCount'],
  ])('%s of %i file(s), %i page(s) → %s', (kind, files, pages, issue) => {
    expect(scanShapeIssue(kind, files, pages)).toBe(issue);
  });

  it.each([
    [1, 1, false],
    [2, 1, true],
    [0, 1, true],
  ])('%i confirmed rows against %i filed → mismatch %s', (confirmed, filed, mismatch) => {
    expect(rowCountMismatch(confirmed, filed)).toBe(mismatch);
  });
});

type OrgRow = Pick<Org, '_id' | 'name' | 'level' | 'districtId' | 'category'>;
const unit = (id: string, category: UnitCategory | undefined, districtId: string | null): OrgRow => ({
  _id: id,
  name: id,
  level: 'unit',
  districtId,
  category,
});
const district = (id: string, name: string): OrgRow => ({ _id: id, name, level: 'district', districtId: id });

const YUECHENG = district('yuecheng', '越城区');
const KEQIAO = district('keqiao', '柯桥区');
const SHANGYU = district('shangyu', '上虞区');
const UNITS = [
  unit('yc-gov', 'party_gov', 'yuecheng'),
  unit('yc-new', 'two_new', 'yuecheng'),
  unit('yc-other', 'other_grassroots', 'yuecheng'),
  unit('kq-soe', 'soe', 'keqiao'),
  unit('kq-new', 'two_new', 'keqiao'),
  unit('city-csoe', 'central_soe', null),
  // Neither has a district to file for it: each files its own list.
  unit('city-new', 'two_new', null),
  unit('uncategorised', undefined, 'yuecheng'),
];

const own = (u: OrgRow): FilingSubject => ({
  kind: 'unit',
  orgId: u._id,
  name: u.name,
  districtId: u.districtId,
  unitIds: [u._id],
});
const grassroots = (d: OrgRow, unitIds: string[]): FilingSubject => ({
  kind: 'district',
  orgId: d._id,
  name: `${d.name}（两新组织及其他基层领域）`,
  districtId: d._id,
  unitIds,
});

describe('R4.4 the filing subjects: self-filing units, and each district for its grassroots units', () => {
  it('lists every self-filing unit, then each district that has grassroots units', () => {
    const byId = new Map(UNITS.map((u) => [u._id, u]));
    const u = (id: string) => own(byId.get(id)!);
    expect(filingSubjects(UNITS, [YUECHENG, KEQIAO, SHANGYU])).toEqual([
      u('yc-gov'),
      u('kq-soe'),
      u('city-csoe'),
      u('city-new'),
      u('uncategorised'),
      grassroots(YUECHENG, ['yc-new', 'yc-other']),
      grassroots(KEQIAO, ['kq-new']),
    ]);
  });

  it('a district outside the scope lists no subject for its grassroots units', () => {
    expect(filingSubjects(UNITS.slice(0, 3), [])).toEqual([own(UNITS[0])]);
  });

  it.each<[string, OrgRow, FilingSubject | null]>([
    ['a 机关 unit', UNITS[0], own(UNITS[0])],
    ['a 两新 unit its district files for', UNITS[1], null],
    ['a city-level 两新 unit', UNITS[6], own(UNITS[6])],
    ['a district', YUECHENG, null],
  ])('the own list of %s', (_label, org, subject) => {
    expect(unitFilingSubject(org)).toEqual(subject);
  });

  it.each<[string, OrgRow, FilingSubject | null]>([
    ['越城区', YUECHENG, grassroots(YUECHENG, ['yc-new', 'yc-other'])],
    ['上虞区, with none', SHANGYU, grassroots(SHANGYU, [])],
    ['a unit', UNITS[0], null],
  ])('the grassroots list of %s', (_label, org, subject) => {
    expect(districtFilingSubject(org, UNITS)).toEqual(subject);
  });

  it.each<[string, { periodId: string; kind: 'unit' | 'district'; orgId: string } | null]>([
    ['2027:unit:yc-gov', { periodId: '2027', kind: 'unit', orgId: 'yc-gov' }],
    ['2027:district:yuecheng', { periodId: '2027', kind: 'district', orgId: 'yuecheng' }],
    ['2027:city:city', null],
    ['2027:unit', null],
    ['2027:unit:a:b', null],
    [':unit:a', null],
  ])('filing id %s → %p', (id, parsed) => {
    expect(parseFilingId(id)).toEqual(parsed);
    if (parsed) expect(filingId(parsed.periodId, parsed)).toBe(id);
  });

  it.each<[string[], number]>([
    [[], 0],
    [['a'], 2],
    [['a', 'b', 'missing'], 5],
  ])('the counts over units %p sum to %i', (ids, sum) => {
    expect(
      sumOver(
        ids,
        new Map([
          ['a', 2],
          ['b', 3],
        ]),
      ),
    ).toBe(sum);
  });
});

describe('R4.4 who files a subject, and who oversees it', () => {
  const ycGov = own(UNITS[0]);
  const cityCsoe = own(UNITS[5]);
  const ycShared = grassroots(YUECHENG, ['yc-new', 'yc-other']);
  const g = (role: RoleGrant['role'], orgId: string): RoleGrant => ({ role, orgId });

  it.each<[FilingSubject, 'unitAdmin' | 'districtAdmin', { role: string; orgId: string }]>([
    [ycGov, 'unitAdmin', { role: 'districtAdmin', orgId: 'yuecheng' }],
    [cityCsoe, 'unitAdmin', { role: 'cityAdmin', orgId: 'city' }],
    [ycShared, 'districtAdmin', { role: 'districtAdmin', orgId: 'yuecheng' }],
  ])('%p is filed by its %s and overseen by %p', (subject, filer, overseer) => {
    expect(filerRole(subject.kind)).toBe(filer);
    expect(overseerOf(subject, 'city')).toEqual(overseer);
  });

  it.each<[string, RoleGrant, FilingSubject, boolean, boolean]>([
    ['its unit admin', g('unitAdmin', 'yc-gov'), ycGov, true, false],
    ['another unit admin', g('unitAdmin', 'kq-soe'), ycGov, false, false],
    ['its district admin, for a unit', g('districtAdmin', 'yuecheng'), ycGov, false, true],
    ['its district admin, for its grassroots list', g('districtAdmin', 'yuecheng'), ycShared, true, true],
    ['another district admin', g('districtAdmin', 'keqiao'), ycShared, false, false],
    ['a unit admin of a grassroots unit', g('unitAdmin', 'yc-new'), ycShared, false, false],
    ['the city, for a district list', g('cityAdmin', 'city'), ycShared, false, true],
    ['the city, for a city-level unit', g('cityAdmin', 'city'), cityCsoe, false, true],
    ['a youth of the unit', g('youth', 'yc-gov'), ycGov, false, false],
  ])('%s: files %s, oversees %s', (_label, grant, subject, files, oversees) => {
    expect(canFile([grant], subject)).toBe(files);
    expect(canOversee([grant], subject)).toBe(oversees);
  });
});
