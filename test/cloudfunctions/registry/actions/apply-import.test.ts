import { C, type OrgDoc, type QuotaDoc, type YouthDoc } from '../../../../cloudfunctions/_lib/collections';
import { CATEGORY_LABELS } from '../../../../miniprogram/core/org';
import { approval, fixture, idNumberOf } from '../../../support/fixtures';
import { codeOf, dataOf } from '../../../support/harness';
import { uploadWorkbook } from '../import-scene';

const two = CATEGORY_LABELS.two_new;
// Workbooks of 500 rows are written and read several times a test.
jest.setTimeout(30_000);

describe('registry.applyImport (issue 14)', () => {
  it('applies every row in one go: new units, a changed head-count with its quota recalculated, approvals kept', async () => {
    const f = await fixture();
    const { h } = f;
    const city = await f.admin('cityAdmin', f.city);
    await f.district('keqiao');
    const unit = await f.unit({ district: 'yuecheng', name: '越城区甲公司', youthCount: 60 }); // quota 3
    const unitAdmin = await f.admin('unitAdmin', unit);
    for (const n of await f.nominations(unit, 3))
      dataOf(await h.call('nomination', 'review', approval(n.id), unitAdmin));
    const fileId = await uploadWorkbook(h.deps, city, 'orgs', [
      ['越城区甲公司', two, '区县单位', '越城区', '', '20'],
      ['柯桥区新公司', two, '区县单位', '柯桥区', '', '45'],
      ['柯桥区新公司一分部', CATEGORY_LABELS.soe, '区县单位', '柯桥区', '柯桥区新公司', '8'],
    ]);
    const preview = dataOf(await h.call('registry', 'previewImport', { kind: 'orgs', fileId }, city));
    expect(preview.counts).toEqual({ new: 2, changed: 1, unchanged: 0 });
    expect(preview.errors).toEqual([]);
    expect(preview.overQuota).toEqual([{ unitId: unit._id, name: '越城区甲公司', limit: 1, approved: 3 }]);
    expect(preview.changes[0]).toEqual(expect.objectContaining({ change: 'changed', detail: '青年人数 60 → 20' }));

    const applied = dataOf(await h.call('registry', 'applyImport', { kind: 'orgs', fileId }, city));
    expect(applied.overQuota).toEqual(preview.overQuota);
    const orgs = h.deps.store.collection<OrgDoc>(C.orgs);
    expect((await orgs.get(unit._id))?.youthCount).toBe(20);
    const [parent] = await orgs.find({ parentId: 'keqiao' });
    expect(parent).toEqual(expect.objectContaining({ name: '柯桥区新公司', districtId: 'keqiao', youthCount: 45 }));
    expect(await orgs.find({ parentId: parent._id })).toEqual([
      expect.objectContaining({ name: '柯桥区新公司一分部', category: 'soe', districtId: 'keqiao' }),
    ]);
    // R3.1 the suggestion follows the head-count; the three approvals stay (nothing is undone).
    const quota = await h.deps.store.collection<QuotaDoc>(C.quotas).get(`${f.period?._id}:${unit._id}`);
    expect(quota).toEqual(expect.objectContaining({ suggested: 1, limit: 1, used: 3 }));
    expect(await h.deps.store.collection('nominations').count({ unitId: unit._id, status: 'approved' })).toBe(3);
    // The same file again changes nothing.
    const again = dataOf(await h.call('registry', 'previewImport', { kind: 'orgs', fileId }, city));
    expect(again.counts).toEqual({ new: 0, changed: 0, unchanged: 3 });
  });

  it('a head-count change keeps an override set by the district (R3.2)', async () => {
    const f = await fixture();
    const { h } = f;
    const city = await f.admin('cityAdmin', f.city);
    const unit = await f.unit({ district: 'yuecheng', name: '越城区甲公司', youthCount: 40 });
    dataOf(await h.call('admin', 'setQuota', { unitId: unit._id, quota: 5, reason: '企业青年骨干多' }, city));
    const fileId = await uploadWorkbook(h.deps, city, 'orgs', [['越城区甲公司', two, '区县单位', '越城区', '', '100']]);
    dataOf(await h.call('registry', 'applyImport', { kind: 'orgs', fileId }, city));
    const quota = await h.deps.store.collection<QuotaDoc>(C.quotas).get(`${f.period?._id}:${unit._id}`);
    expect(quota).toEqual(expect.objectContaining({ suggested: 5, override: 5, limit: 5 }));
  });

  it.each([
    ['the first row', 0],
    ['a middle row', 250],
    ['the last row', 499],
  ])('a bad row anywhere (%s) → nothing changed', async (_where, bad) => {
    const f = await fixture();
    const { h } = f;
    const city = await f.admin('cityAdmin', f.city);
    await f.unit({ district: 'yuecheng', name: '越城区甲公司', youthCount: 40 });
    const rows = Array.from({ length: 500 }, (_, i) => [`越城区公司${i}`, two, '区县单位', '越城区', '', String(i)]);
    rows[bad] = [`越城区公司${bad}`, '私营企业', '区县单位', '越城区', '', '3'];
    rows.push(['越城区甲公司', two, '区县单位', '越城区', '', '99']);
    const fileId = await uploadWorkbook(h.deps, city, 'orgs', rows);
    const before = await h.snapshot();
    const preview = dataOf(await h.call('registry', 'previewImport', { kind: 'orgs', fileId }, city));
    expect(preview.errors).toEqual([
      expect.objectContaining({ row: bad + 2, code: 'bad_category', column: '单位类别' }),
    ]);
    const refused = await h.call('registry', 'applyImport', { kind: 'orgs', fileId }, city);
    expect(refused).toEqual(
      expect.objectContaining({
        ok: false,
        error: expect.objectContaining({ code: 'IMPORT.INVALID', details: { errorCount: 1 } }),
      }),
    );
    expect(await h.snapshot()).toEqual(before);
    expect((await h.deps.store.collection<OrgDoc>(C.orgs).find({ name: '越城区甲公司' }))[0].youthCount).toBe(40);
  });

  it('who may import what: unit admins no units, districts their own, files only their own uploads', async () => {
    const f = await fixture();
    const { h } = f;
    const unit = await f.unit({ district: 'yuecheng' });
    const unitAdmin = await f.admin('unitAdmin', unit);
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    await f.district('keqiao');
    const rows = [['柯桥区新公司', two, '区县单位', '柯桥区', '', '45']];
    const mine = await uploadWorkbook(h.deps, unitAdmin, 'orgs', rows);
    expect(codeOf(await h.call('registry', 'applyImport', { kind: 'orgs', fileId: mine }, unitAdmin))).toBe(
      'AUTH.FORBIDDEN',
    );
    expect(codeOf(await h.call('registry', 'applyImport', { kind: 'orgs', fileId: mine }, district))).toBe(
      'FILE.INVALID',
    );
    const theirs = await uploadWorkbook(h.deps, district, 'orgs', rows);
    const preview = dataOf(await h.call('registry', 'previewImport', { kind: 'orgs', fileId: theirs }, district));
    expect(preview.errors.map((e) => e.code)).toEqual(['out_of_scope']);
    const header = await uploadWorkbook(h.deps, district, 'youths', rows);
    expect(
      dataOf(await h.call('registry', 'previewImport', { kind: 'orgs', fileId: header }, district)).errors.map(
        (e) => e.code,
      ),
    ).toEqual(['bad_header']);
  });

  it('a unit admin imports the unit’s youth list: sealed, masked, one record per person', async () => {
    const f = await fixture();
    const { h } = f;
    const unit = await f.unit({ district: 'yuecheng' });
    const other = await f.unit({ district: 'yuecheng' });
    const admin = await f.admin('unitAdmin', unit);
    const otherAdmin = await f.admin('unitAdmin', other);
    const id1 = idNumberOf('1996-05-20', 1);
    const id2 = idNumberOf('1994-01-02', 2);
    const fileId = await uploadWorkbook(h.deps, admin, 'youths', [
      ['王青', id1, '13900000001', '技术员'],
      ['李明', id2, '13900000002', ''],
    ]);
    const result = dataOf(await h.call('registry', 'applyImport', { kind: 'youths', fileId }, admin));
    expect(result.counts).toEqual({ new: 2, changed: 0, unchanged: 0 });
    const youths = await h.deps.store.collection<YouthDoc>(C.youths).find({ unitId: unit._id });
    expect(youths).toHaveLength(2);
    const stored = JSON.stringify(youths);
    expect(stored).not.toContain(id1);
    expect(stored).not.toContain('13900000001');
    expect(youths[0]).toEqual(expect.objectContaining({ status: 'active', phoneMasked: '139****0001' }));
    // The same person in another unit's list is refused there, and nothing of that file is written.
    const theirs = await uploadWorkbook(h.deps, otherAdmin, 'youths', [
      ['赵', idNumberOf('1997-02-03', 3), '13900000003', ''],
      ['王青', id1, '13900000001', ''],
    ]);
    const refused = await h.call('registry', 'applyImport', { kind: 'youths', fileId: theirs }, otherAdmin);
    expect(codeOf(refused)).toBe('IMPORT.INVALID');
    expect(await h.deps.store.collection(C.youths).count({ unitId: other._id })).toBe(0);
    // A unit admin names no other unit.
    expect(
      codeOf(await h.call('registry', 'previewImport', { kind: 'youths', fileId, unitId: other._id }, admin)),
    ).toBe('AUTH.OUT_OF_SCOPE');
  });
});
