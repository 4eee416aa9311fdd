/**
 * The export function's production entry (`src/index.ts`) through the real CloudBase SDK against the
 * local fake endpoint: the file goes to cloud storage and the answer is a temporary link to it. A smoke
 * test of the deployed shape, on the demo seed.
 */
import type { ExportContract } from '../../../miniprogram/core/contracts/admin';
import type { Envelope, OutputOf } from '../../../miniprogram/core/contracts/define';
import type { FakeTcbServer } from '../../support/fake-tcb-server';
import { dataOf } from '../../support/harness';
import { addNominations } from '../../support/nominees';
import { HEADERS, readXlsx } from '../../support/office-files';
import { contextFor, productionEntry, type Main, type ProductionEntry } from '../../support/production-entry';

const CITY = 'dev-city-admin';

describe('export through the production entry and the CloudBase SDK', () => {
  let entry: ProductionEntry;
  let fake: FakeTcbServer;
  let main: Main;

  beforeAll(async () => {
    entry = await productionEntry(
      () => import('../../../cloudfunctions/export/src/index'),
      async (deps) => {
        await addNominations(deps, 'yuecheng-tech', 3, { status: 'approved' });
      },
    );
    ({ fake, main } = entry);
  });

  afterAll(() => entry.close());

  it('uploads the file to cloud storage and answers a temporary link to it', async () => {
    fake.requests.length = 0;
    const res = await main(
      { action: 'summaryTable', data: { scope: 'unit', orgId: 'yuecheng-tech', format: 'xlsx' } },
      contextFor(CITY),
    );
    const out = dataOf(res as Envelope<OutputOf<ExportContract['actions']['summaryTable']>>);
    expect(out.rows).toBe(3);
    expect(out.fileName).toMatch(/^好青年候选人汇总表-越城区智造科技有限公司-\d{8}\.xlsx$/);
    const [path, object] = [...fake.objects][0];
    expect(fake.objects.size).toBe(1);
    expect(path).toMatch(new RegExp(`^exports/[A-Za-z0-9]{16}/${out.fileName.replace(/\./g, '\\.')}$`));
    expect(out.url.startsWith(`${new URL(fake.url).origin}/cos/`)).toBe(true);
    expect(fake.requests.map((r) => r.action)).toEqual(
      expect.arrayContaining(['storage.getUploadMetadata', 'cos.put', 'storage.batchGetDownloadUrl']),
    );
    const download = await fetch(out.url);
    const bytes = Buffer.from(await download.arrayBuffer());
    expect(bytes.equals(object.bytes)).toBe(true);
    const { values } = await readXlsx(bytes);
    expect(values[2]).toEqual(HEADERS);
    expect(values.slice(3).map((r) => r[0])).toEqual(['1', '2', '3']);
    expect(values.slice(3).every((r) => /^\d{17}[\dX]$/.test(r[2]) && /^1\d{10}$/.test(r[5]))).toBe(true);
    const audit = [...(fake.data.get('audit')?.values() ?? [])].filter((a) => a.action === 'export.summaryTable');
    expect(audit).toEqual([
      expect.objectContaining({
        actor: CITY,
        target: `exports/${object.fileId}`,
        details: { scope: 'unit', orgId: 'yuecheng-tech', format: 'xlsx', rows: 3 },
      }),
    ]);
    expect(fake.violations).toEqual([]);
  });
});
