import { C, type AuditDoc } from '../../../../cloudfunctions/_lib/collections';
import { isLocalFileStore } from '../../../../cloudfunctions/_lib/files';
import { codeOf, dataOf } from '../../../support/harness';
import { PDF, uploadAs } from '../../../support/uploads';
import { filingScene } from '../filing-scene';

describe('admin.scanLink (issue 8 §10, issue 9 §7)', () => {
  it('the district and the city open the stamped scan through a short-lived link bound to them; others cannot', async () => {
    const { f, h, gov, govAdmin, techAdmin, districtAdmin, city, unitFiling } = await filingScene();
    const otherDistrict = await f.admin('districtAdmin', await f.district('keqiao'));
    dataOf(await h.call('admin', 'file', { filingId: unitFiling }, govAdmin));
    const link = (who: { openid: string }, index = 0) =>
      h.call('admin', 'scanLink', { filingId: unitFiling, index }, who);
    expect(codeOf(await link(districtAdmin))).toBe('FILE.INVALID'); // nothing attached yet
    const pdf = await uploadAs(h.deps, govAdmin, PDF, 'pdf');
    dataOf(
      await h.call(
        'admin',
        'attachScan',
        { filingId: unitFiling, kind: 'pdf', files: [pdf], pageCount: 1, confirmedRows: 1 },
        govAdmin,
      ),
    );
    for (const who of [districtAdmin, city, govAdmin]) {
      const res = dataOf(await link(who));
      expect(res.fileName).toBe('盖章汇总表-越城区人民政府办公室-20261124.pdf');
      expect(new Date(res.expiresAt).getTime() - h.deps.clock().getTime()).toBe(300_000);
      // The local link verifies, for this viewer, with the real name.
      const [path, query] = res.url.split('?');
      const files = h.deps.files;
      if (!isLocalFileStore(files)) throw new Error('local store expected');
      const check = files.verify(decodeURIComponent(path.slice('/files/'.length)), new URLSearchParams(query));
      expect(check).toEqual(expect.objectContaining({ ok: true, viewer: who.openid, fileName: res.fileName }));
    }
    // The scan carries full ID numbers: each opening is on record, who and which file (R9.1); refusals are not.
    const audit = await h.deps.store.collection<AuditDoc>(C.audit).find({ action: 'admin.scanLink' });
    expect(audit.map((a) => [a.actor, a.target, a.details])).toEqual(
      [districtAdmin, city, govAdmin].map((who) => [
        who.openid,
        `filings/${unitFiling}`,
        { orgId: gov._id, index: 0, kind: 'pdf' },
      ]),
    );
    // The city reads them in its audit view, beside the exports.
    const trail = dataOf(await h.call('admin', 'auditLog', { kind: 'export' }, city));
    expect(trail.items.map((i) => [i.kind, i.subject, i.detail])).toEqual(
      Array.from({ length: 3 }, () => ['scan', '越城区人民政府办公室', 'PDF 扫描件']),
    );
    expect(codeOf(await link(otherDistrict))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await link(techAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await link(districtAdmin, 1))).toBe('FILE.INVALID');
    expect(await h.deps.store.collection(C.audit).count({ action: 'admin.scanLink' })).toBe(3);
  });
});
