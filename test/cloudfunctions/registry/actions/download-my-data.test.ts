import { C, type ExportDoc } from '../../../../cloudfunctions/_lib/collections';
import { fixture } from '../../../support/fixtures';
import { expectFilesOnlyAfterCommit, fileCall } from '../../../support/file-faults';
import { dataOf } from '../../../support/harness';
import { youthScene } from '../youth-scene';

describe('registry.downloadMyData (issue 14, R9.2)', () => {
  it('gives the youth a file of their data, linked to them, deleted by the export timer', async () => {
    const f = await fixture();
    const { youth } = await youthScene(f);
    const link = dataOf(await f.h.call('registry', 'downloadMyData', {}, youth));
    expect(link.fileName).toBe('我的数据.json');
    const [doc] = await f.h.deps.store.collection<ExportDoc>(C.exports).find({ createdBy: youth.openid });
    expect(doc.expiresAt.getTime() - doc.createdAt.getTime()).toBe(24 * 60 * 60 * 1000);
    const body = JSON.parse(((await f.h.deps.files.get(doc.fileId)) as Buffer).toString('utf8'));
    expect(body.record.name).toBe(youth.name);
    expect(JSON.stringify(body)).not.toContain(youth.idNumber);
  });
});

describe('registry.downloadMyData: the file outlives only a committed call', () => {
  it('a fault at any write leaves no copy of the youth’s data in storage; the retry leaves the one it records', async () => {
    await expectFilesOnlyAfterCommit(async () => {
      const f = await fixture();
      const { youth } = await youthScene(f);
      const run = fileCall(f.h.deps, 'registry', 'downloadMyData', {}, youth.openid);
      const kept = async () => (await f.h.deps.store.collection<ExportDoc>(C.exports).find({})).map((e) => e.fileId);
      return { run, kept };
    });
  });
});
