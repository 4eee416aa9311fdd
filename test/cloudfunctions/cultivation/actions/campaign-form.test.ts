import type { ExportDoc } from '../../../../cloudfunctions/_lib/collections';
import { expectFilesOnlyAfterCommit, fileCall } from '../../../support/file-faults';
import { codeOf, dataOf, type InputFor } from '../../../support/harness';
import { readDocx } from '../../../support/office-files';
import { scene, talk, type Scene } from '../scene';

/** The city opens an honours campaign. */
async function campaign(s: Scene, input: InputFor<'cultivation', 'createCampaign'>) {
  return dataOf(await s.f.h.call('cultivation', 'createCampaign', input, s.city));
}

/** A campaign and a 好青年 who meets it; the form's call on a store that faults on cue, and the files it should keep. */
async function formCall(s: Scene) {
  const c = await campaign(s, {
    name: '优秀共青团员',
    politicalStatuses: ['league_member'],
    closingDate: '2027-04-30',
  });
  const y = await s.selected(s.bank, { birthDate: '1998-01-01' });
  const run = fileCall(
    s.f.h.deps,
    'cultivation',
    'campaignForm',
    { campaignId: c.id, nominationId: y.id },
    s.bankAdmin.openid,
  );
  const kept = async () => (await s.f.h.deps.store.collection<ExportDoc>('exports').find({})).map((e) => e.fileId);
  return { run, kept };
}

describe('cultivation.campaignForm', () => {
  it('one youth’s form as Word, pre-filled from the record and the ledger; no ID number, no phone; audited', async () => {
    const s = await scene();
    const c = await campaign(s, {
      name: '优秀共青团员',
      politicalStatuses: ['league_member'],
      closingDate: '2027-04-30',
    });
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
    // The marker, the export record, the audit entry, the marker's completion.
    await expectFilesOnlyAfterCommit(async () => formCall(await scene()), 4);
  });

  it('refuses a youth who does not meet the criteria, another unit’s youth and an unknown campaign', async () => {
    const s = await scene();
    const c = await campaign(s, { name: '优秀共产党员', politicalStatuses: ['cpc_member'], closingDate: '2027-06-30' });
    const y = await s.selected(s.bank);
    const call = (campaignId: string, who = s.bankAdmin) =>
      s.f.h.call('cultivation', 'campaignForm', { campaignId, nominationId: y.id }, who);
    expect(codeOf(await call(c.id))).toBe('CULTIVATION.NOT_ELIGIBLE');
    expect(codeOf(await call(c.id, s.millAdmin))).toBe('AUTH.OUT_OF_SCOPE');
    expect(codeOf(await call('nothing'))).toBe('CULTIVATION.NOT_FOUND');
    expect(await s.f.h.deps.store.collection('exports').count({})).toBe(0);
  });
});
