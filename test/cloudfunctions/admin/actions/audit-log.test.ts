import { codeOf, dataOf } from '../../../support/harness';
import { objectionScene } from '../objection-scene';

describe("admin.auditLog (the city's view of reveals and exports)", () => {
  it('lists who saw which full number, when and why, and who exported what — never the value', async () => {
    const { f, h, unit, admin, approved } = await objectionScene();
    const city = await f.admin('cityAdmin', f.city, { name: '周部长' });
    const reveal = (field: 'idNumber' | 'phone', reason: string) =>
      h.call('nomination', 'reveal', { nominationId: approved.id, field, reason }, admin);
    dataOf(await reveal('idNumber', '核对报名信息'));
    dataOf(await reveal('phone', '电话联系本人'));
    dataOf(await h.call('export', 'summaryTable', { scope: 'unit', orgId: unit._id, format: 'xlsx' }, admin));

    const reveals = dataOf(await h.call('admin', 'auditLog', { kind: 'reveal' }, city));
    // Newest first; the fixture's clock stands still, so the two share their instant (order among them is free).
    expect(reveals.items.map((i) => [i.kind, i.subject, i.detail]).sort()).toEqual([
      ['idNumber', approved.name, '核对报名信息'],
      ['phone', approved.name, '电话联系本人'],
    ]);
    expect(reveals.items[0].actorName).toBe(admin.name);
    const raw = JSON.stringify(reveals);
    expect(raw).not.toContain(approved.idNumber);
    expect(raw).not.toContain(approved.phone);

    const exports = dataOf(await h.call('admin', 'auditLog', { kind: 'export' }, city));
    expect(exports.items.map((i) => [i.kind, i.subject, i.detail])).toEqual([['export', unit.name, 'Excel，1行']]);
  });

  it("is the city's alone", async () => {
    const { f, h, admin } = await objectionScene();
    const district = await f.admin('districtAdmin', await f.district('yuecheng'));
    expect(codeOf(await h.call('admin', 'auditLog', { kind: 'reveal' }, district))).toBe('AUTH.FORBIDDEN');
    expect(codeOf(await h.call('admin', 'auditLog', { kind: 'reveal' }, admin))).toBe('AUTH.FORBIDDEN');
  });
});
