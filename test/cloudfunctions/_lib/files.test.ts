/**
 * The file-storage port: the local adapter on a temp directory, and the
 * CloudBase adapter through the real @cloudbase/node-sdk against the fake
 * endpoint (upload metadata, signed PUT to "COS", temp download links).
 */
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createCloudbaseFileStore, createLocalFileStore, type FileStore } from '../../../cloudfunctions/_lib/files';
import { connectSdk, startFakeTcbServer, type FakeTcbServer } from '../../support/fake-tcb-server';

const NOW = new Date('2026-11-24T02:00:00.000Z');
const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const bytes = Buffer.from('PK\u0003\u0004 not really a zip, but bytes');

describe('local file store', () => {
  let dir: string;
  let files: FileStore;
  beforeEach(() => {
    dir = join(mkdtempSync(join(tmpdir(), 'hqn-files-test-')), 'files'); // created on first put
    files = createLocalFileStore(dir, '/files', () => NOW);
  });
  afterEach(() => rmSync(join(dir, '..'), { recursive: true, force: true }));

  it('writes one flat file and links it under /files with an expiry', async () => {
    const { fileId } = await files.put('exports/AbC123/好青年候选人汇总表-越城区-20261124.docx', bytes, DOCX);
    expect(fileId).toBe('local://exports-AbC123-好青年候选人汇总表-越城区-20261124.docx');
    expect(readdirSync(dir)).toEqual(['exports-AbC123-好青年候选人汇总表-越城区-20261124.docx']);
    expect(readFileSync(join(dir, 'exports-AbC123-好青年候选人汇总表-越城区-20261124.docx')).equals(bytes)).toBe(true);
    expect(await files.url(fileId, 3600)).toEqual({
      url: expect.stringMatching(
        new RegExp(
          `^/files/${encodeURIComponent('exports-AbC123-好青年候选人汇总表-越城区-20261124.docx')}\\?exp=\\d+&who=&sig=[0-9a-f]{64}$`,
        ),
      ),
      expiresAt: new Date('2026-11-24T03:00:00.000Z'),
    });
    expect((await files.get(fileId))?.equals(bytes)).toBe(true);
    await files.remove(fileId);
    expect(await files.get(fileId)).toBeNull();
    await files.remove(fileId); // gone is gone
  });

  it('signs its links: a link verifies for its viewer and name until it expires, and not once changed (issue 8 §10)', async () => {
    let now = NOW;
    const local = createLocalFileStore(dir, '/files', () => now, Buffer.alloc(32, 1));
    const { fileId } = await local.put('uploads/abc/x.pdf', bytes, 'application/pdf');
    const { url } = await local.url(fileId, 60, { viewer: 'dev-unit-admin', fileName: '盖章汇总表.pdf' });
    const [path, query] = url.split('?');
    const name = decodeURIComponent(path.slice('/files/'.length));
    const check = (q: string, n = name) => local.verify(n, new URLSearchParams(q));
    expect(check(query)).toEqual({
      ok: true,
      path: join(dir, 'uploads-abc-x.pdf'),
      fileName: '盖章汇总表.pdf',
      viewer: 'dev-unit-admin',
    });
    expect(check(query.replace('who=dev-unit-admin', 'who=dev-city-admin'))).toEqual({ ok: false });
    expect(check(query.replace(/fn=[^&]+/, 'fn=x.pdf'))).toEqual({ ok: false });
    expect(check(query, 'uploads-abc-y.pdf')).toEqual({ ok: false });
    expect(check(query.replace(/exp=\d+/, `exp=${NOW.getTime() + 3_600_000}`))).toEqual({ ok: false });
    // Another store's key does not verify it.
    expect(
      createLocalFileStore(dir, '/files', () => now, Buffer.alloc(32, 2)).verify(name, new URLSearchParams(query)),
    ).toEqual({ ok: false });
    now = new Date(NOW.getTime() + 60_001);
    expect(check(query)).toEqual({ ok: false });
  });

  it.each([
    ['a backslash and a drive colon', 'exports/x/C:\\evil.docx', 'exports-x-C__evil.docx'],
    ['spaces and shell characters', 'exports/x/a b;$(rm).xlsx', 'exports-x-a_b__(rm).xlsx'],
    ['a leading dot', 'exports/x/.hidden', 'exports-x-.hidden'],
  ])('replaces %s: the name never carries a separator', async (_label, path, name) => {
    const { fileId } = await files.put(path, bytes, DOCX);
    expect(fileId).toBe(`local://${name}`);
    expect(readdirSync(dir)).toEqual([name]);
  });

  it.each([['exports/../../etc/passwd'], ['exports/./x'], ['exports//x'], ['/abs'], ['']])(
    'refuses %p and writes nothing',
    async (path) => {
      await expect(files.put(path, bytes, DOCX)).rejects.toThrow('empty or dot segment');
      expect(existsSync(dir)).toBe(false);
    },
  );

  it.each([['cloud://env.bucket/x.docx'], ['local://'], ['local://..'], ['local://a/b'], ['local://a\\b']])(
    'links only names it could have made, not %p',
    async (fileId) => {
      await expect(files.url(fileId, 60)).rejects.toThrow('not a local file id');
    },
  );
});

describe('CloudBase file store through the real SDK', () => {
  let fake: FakeTcbServer;
  let files: FileStore;
  beforeAll(async () => {
    fake = await startFakeTcbServer();
    files = createCloudbaseFileStore(connectSdk(fake), () => NOW);
  });
  afterEach(() => fake.reset());
  afterAll(() => fake.close());

  it('uploads with the metadata’s signature, then links the file for download', async () => {
    const path = 'exports/AbC123/好青年候选人汇总表-越城区-20261124.docx';
    const { fileId } = await files.put(path, bytes, DOCX);
    expect(fileId).toBe(`cloud://test-env.fake-bucket/${path}`);
    expect(fake.requests.map((r) => r.action)).toEqual(['storage.getUploadMetadata', 'cos.put']);
    expect(fake.requests[0].body).toEqual(expect.objectContaining({ path, method: 'put', envName: 'test-env' }));
    expect(fake.objects.get(path)?.bytes.equals(bytes)).toBe(true);

    const link = await files.url(fileId, 3600);
    expect(link.expiresAt).toEqual(new Date('2026-11-24T03:00:00.000Z'));
    expect(fake.requests[2]).toEqual({
      action: 'storage.batchGetDownloadUrl',
      body: expect.objectContaining({ file_list: [{ fileid: fileId, max_age: 3600 }] }),
    });
    const download = await fetch(link.url);
    expect(download.status).toBe(200);
    expect(Buffer.from(await download.arrayBuffer()).equals(bytes)).toBe(true);
    expect(fake.violations).toEqual([]);
  });

  it('makes path segments safe before they reach the cloud path', async () => {
    const { fileId } = await files.put('exports/x/a b:c.xlsx', bytes, DOCX);
    expect(fileId).toBe('cloud://test-env.fake-bucket/exports/x/a_b_c.xlsx');
    await expect(files.put('exports/../x.xlsx', bytes, DOCX)).rejects.toThrow('empty or dot segment');
    expect(fake.violations).toEqual([]);
  });

  it('fails loudly when the file has no download link', async () => {
    await expect(files.url('cloud://test-env.fake-bucket/missing.docx', 60)).rejects.toThrow(
      'temp url failed: STORAGE_FILE_NONEXIST',
    );
  });
});
