import type { ExportDoc } from '../../../../cloudfunctions/_lib/collections';
import type { ServerDeps } from '../../../../cloudfunctions/_lib/deps';
import type { FileStore } from '../../../../cloudfunctions/_lib/files';
import { ROUTERS } from '../../../../scripts/local/functions';
import { faultyStore, type Faults } from '../../../support/faulty-store';
import { codeOf, dataOf } from '../../../support/harness';
import { readDocx } from '../../../support/office-files';
import { scene, talk, type Scene } from '../scene';

/** The files a call left in storage: put and not removed since. */
function trackedFiles(inner: FileStore): { files: FileStore; live: Set<string> } {
  const live = new Set<string>();
  return {
    live,
    files: {
      ...inner,
      put: async (path, bytes, type) => {
        const put = await inner.put(path, bytes, type);
        live.add(put.fileId);
        return put;
      },
      remove: async (fileId) => {
        await inner.remove(fileId);
        live.delete(fileId);
      },
    },
  };
}

/** A campaign and a 好青年 who meets it; the form's call through the real router on a store that faults on cue. */
async function formCall(s: Scene) {
  const c = dataOf(
    await s.f.h.call(
      'cultivation',
      'createCampaign',
      { name: '优秀共青团员', politicalStatuses: ['league_member'], closingDate: '2027-04-30' },
      s.city,
    ),
  );
  const y = await s.selected(s.bank, { birthDate: '1998-01-01' });
  const faults: Faults = { writes: 0, failAt: new Set() };
  const tracked = trackedFiles(s.f.h.deps.files);
  const deps: ServerDeps = { ...s.f.h.deps, store: faultyStore(s.f.h.deps.store, faults), files: tracked.files };
  const event = {
    action: 'campaignForm',
    data: { campaignId: c.id, nominationId: y.id },
    requestId: 'req_form_000001',
  };
  return {
    faults,
    live: tracked.live,
    call: () => ROUTERS.cultivation.handle(event, { openid: s.bankAdmin.openid }, deps),
  };
}

describe('cultivation.campaignForm', () => {
  it('one youth’s form as Word, pre-filled from the record and the ledger; no ID number, no phone; audited', async () => {
    const s = await scene();
    const c = dataOf(
      await s.f.h.call(
        'cultivation',
        'createCampaign',
        { name: '优秀共青团员', politicalStatuses: ['league_member'], closingDate: '2027-04-30' },
        s.city,
      ),
    );
    const y = await s.selected(s.bank, { birthDate: '1998-01-01' });
    dataOf(await s.f.h.call('cultivation', 'recordMeasure', { nominationId: y.id, measure: talk }, s.bankAdmin));
    const res = dataOf(
      await s.f.h.call('cultivation', 'campaignForm', { campaignId: c.id, nominationId: y.id }, s.bankAdmin),
    );
    expect(res.fileName).toBe(`优秀共青团员推荐审批表-${y.name}.docx`);
    const [exp] = await s.f.h.deps.store.collection<ExportDoc>('exports').find({});
    expect(exp.expiresAt.getTime() - exp.createdAt.getTime()).toBe(24 * 3600 * 1000);
    const bytes = await s.f.h.deps.files.get(exp.fileId);
    const doc = await readDocx(bytes as Buffer);
    const text = doc.cells.map((r) => r.join('|')).join('\n');
    expect(text).toContain(`姓名|${y.name}`);
    expect(text).toContain('政治面貌|共青团员');
    expect(text).toContain('工作单位|柯桥农商银行');
    expect(text).toContain('2026年10月10日 季度谈心（单位党组织负责人 王书记：谈工作成长与下一步岗位锻炼方向）');
    expect(doc.raw).not.toContain(y.idNumber);
    expect(doc.raw).not.toContain(y.phone);
    expect(await s.f.h.deps.store.collection('audit').count({ action: 'cultivation.campaignForm' })).toBe(1);
  });

  it('a fault at any write of the call leaves no file in storage; the retry leaves exactly the one it links', async () => {
    const probe = await formCall(await scene());
    expect(await probe.call()).toEqual(expect.objectContaining({ ok: true }));
    const writes = probe.faults.writes;
    expect(writes).toBeGreaterThanOrEqual(4); // the marker, the export record, the audit entry, the marker's completion
    for (let k = 1; k <= writes; k += 1) {
      const s = await scene();
      const run = await formCall(s);
      run.faults.failAt = new Set([k]);
      expect({ k, failed: await run.call() }).toEqual({
        k,
        failed: expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'SYS.INTERNAL' }) }),
      });
      expect({ k, left: [...run.live] }).toEqual({ k, left: [] });
      run.faults.failAt = new Set();
      expect(await run.call()).toEqual(expect.objectContaining({ ok: true }));
      const exports = await s.f.h.deps.store.collection<ExportDoc>('exports').find({});
      expect({ k, left: [...run.live] }).toEqual({ k, left: exports.map((e) => e.fileId) });
    }
  });

  it('refuses a youth who does not meet the criteria, another unit’s youth and an unknown campaign', async () => {
    const s = await scene();
    const c = dataOf(
      await s.f.h.call(
        'cultivation',
        'createCampaign',
        { name: '优秀共产党员', politicalStatuses: ['cpc_member'], closingDate: '2027-06-30' },
        s.city,
      ),
    );
    const y = await s.selected(s.bank);
    const call = (campaignId: string, who = s.bankAdmin) =>
      s.f.h.call('cultivation', 'campaignForm', { campaignId, nominationId: y.id }, who);
    expect(codeOf(await call(c.id))).toBe('CULTIVATION.NOT_ELIGIBLE');
    expect(codeOf(await call(c.id, s.millAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await call('nothing'))).toBe('CULTIVATION.NOT_FOUND');
    expect(await s.f.h.deps.store.collection('exports').count({})).toBe(0);
  });
});
