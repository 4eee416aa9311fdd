import { mkdtempSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer, type DevServer } from '../../scripts/dev-server';
import { uploaderTag } from '../../cloudfunctions/_lib/uploads';
import { makeHarness, type Harness } from '../support/harness';

describe('dev server (local mode only)', () => {
  let h: Harness;
  let server: DevServer;
  const staticDir = mkdtempSync(join(tmpdir(), 'hqn-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>预览</title>');

  beforeAll(async () => {
    h = await makeHarness({ filesDir: join(staticDir, 'files') });
    server = await startDevServer(h.deps, { port: 0, staticDir, filesDir: join(staticDir, 'files') });
  });
  afterAll(() => server.close());

  const post = (fn: string, body: unknown, openid?: string) =>
    fetch(`${server.url}/api/${fn}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });

  it('runs the same routers, with identity from the x-dev-openid header', async () => {
    const res = await post('account', { action: 'me', data: {} }, 'dev-unit-admin');
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual(
      expect.objectContaining({ ok: true, data: expect.objectContaining({ displayName: '陈管理员' }) }),
    );
  });

  it('identity in the payload is ignored', async () => {
    const res = await post('account', { action: 'me', data: {}, openid: 'dev-city-admin' });
    expect(await res.json()).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.UNAUTHENTICATED' }) }),
    );
  });

  it('malformed JSON becomes INPUT.INVALID, an unknown function 404, an oversize body 413', async () => {
    expect(await (await post('account', '{not json', 'dev-youth-zhang')).json()).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'INPUT.INVALID' }) }),
    );
    expect((await post('nosuch', { action: 'x' })).status).toBe(404);
    expect((await post('account', 'x'.repeat(1024 * 1024 + 10))).status).toBe(413);
  });

  it('lists personas of every role and the outbox', async () => {
    const personas = (await (await fetch(`${server.url}/api/dev/personas`)).json()) as Array<{ role: string }>;
    expect(new Set(personas.map((p) => p.role))).toEqual(
      new Set(['youth', 'mentor', 'unitAdmin', 'districtAdmin', 'cityAdmin']),
    );
    expect(await (await fetch(`${server.url}/api/dev/outbox`)).json()).toEqual([]);
  });

  it('serves the preview and refuses paths outside it', async () => {
    expect(await (await fetch(`${server.url}/`)).text()).toContain('预览');
    expect((await fetch(`${server.url}/..%2f..%2fetc%2fpasswd`)).status).toBe(404);
  });

  const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(64, 1)]);
  const upload = (body: Buffer, type: string, openid?: string) =>
    fetch(`${server.url}/api/dev/files`, {
      method: 'POST',
      headers: { 'content-type': type, ...(openid ? { 'x-dev-openid': openid } : {}) },
      body: new Uint8Array(body),
    });

  /** What a function hands out after its scope check: a signed, expiring link bound to the viewer. */
  const linkTo = async (fileId: string, viewer: string, fileName?: string) =>
    `${server.url}${(await h.deps.files.url(fileId, 60, { viewer, ...(fileName ? { fileName } : {}) })).url}`;
  const ownPrefix = (openid: string) => `local://uploads-${uploaderTag(h.deps, openid)}-`;

  it('stores an uploaded photo (raw or multipart) under the uploader’s prefix; serves it only through a signed link', async () => {
    const raw = (await (await upload(PNG, 'image/png', 'dev-youth-zhang')).json()) as { fileId: string };
    expect(raw.fileId.startsWith(ownPrefix('dev-youth-zhang'))).toBe(true);
    expect(raw.fileId).toMatch(/^local:\/\/uploads-[0-9a-f]{24}-[0-9a-f]{24}\.png$/);
    // No open /files/ any more (issue 8 §10).
    expect((await fetch(`${server.url}/files/${raw.fileId.slice(8)}`)).status).toBe(403);
    const served = Buffer.from(await (await fetch(await linkTo(raw.fileId, 'dev-youth-zhang'))).arrayBuffer());
    expect(served.equals(PNG)).toBe(true);
    const boundary = 'XyZ';
    const multipart = Buffer.concat([
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="a.png"\r\nContent-Type: image/png\r\n\r\n`,
      ),
      PNG,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    const res = (await (
      await upload(multipart, `multipart/form-data; boundary=${boundary}`, 'dev-youth-zhang')
    ).json()) as { fileId: string };
    expect(res.fileId).toMatch(/^local:\/\//);
  });

  const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n%\xe2\xe3\xcf\xd3\n', 'latin1'), Buffer.alloc(2048, 0x20)]);

  it('stores a stamped scan as PDF and serves it back as application/pdf', async () => {
    const res = await upload(PDF, 'application/pdf', 'dev-unit-admin');
    expect(res.status).toBe(200);
    const { fileId } = (await res.json()) as { fileId: string };
    expect(fileId.startsWith(ownPrefix('dev-unit-admin'))).toBe(true);
    const served = await fetch(await linkTo(fileId, 'dev-unit-admin', '盖章汇总表.pdf'), {
      headers: { 'x-dev-openid': 'dev-unit-admin' },
    });
    expect(served.headers.get('content-type')).toBe('application/pdf');
    expect(served.headers.get('content-disposition')).toBe(
      `attachment; filename="_____.pdf"; filename*=UTF-8''${encodeURIComponent('盖章汇总表.pdf')}`,
    );
    // Another persona, a tampered link, an expired one: refused alike.
    const link = await linkTo(fileId, 'dev-unit-admin');
    expect((await fetch(link, { headers: { 'x-dev-openid': 'dev-youth-zhang' } })).status).toBe(403);
    expect((await fetch(link.replace('who=dev-unit-admin', 'who=dev-youth-zhang'))).status).toBe(403);
    h.setNow(new Date(h.deps.clock().getTime() + 61_000));
    expect((await fetch(link)).status).toBe(403);
    expect(Buffer.from(await served.arrayBuffer()).equals(PDF)).toBe(true);
  });

  it('takes a PDF up to 10 MB but a photo only up to 5 MB', async () => {
    const big = (head: Buffer, size: number) => Buffer.concat([head, Buffer.alloc(size - head.length, 1)]);
    expect((await upload(big(PDF, 6 * 1024 * 1024), 'application/pdf', 'dev-unit-admin')).status).toBe(200);
    const photo = await upload(big(PNG, 6 * 1024 * 1024), 'image/png', 'dev-unit-admin');
    expect(photo.status).toBe(400);
    expect(await photo.json()).toEqual({ message: '照片不能超过 5 MB' });
    const pdf = await upload(big(PDF, 10 * 1024 * 1024 + 1), 'application/pdf', 'dev-unit-admin');
    expect(pdf.status).toBe(400);
    expect(await pdf.json()).toEqual({ message: 'PDF 文件不能超过 10 MB' });
    expect((await upload(big(PDF, 11 * 1024 * 1024), 'application/pdf', 'dev-unit-admin')).status).toBe(413);
    // Some 40 MB through the loopback: give a busy machine time.
  }, 20_000);

  it.each([
    ['an SVG declared as PNG', Buffer.from('<svg onload=alert(1)>'), 'image/png'],
    ['a fake PDF (HTML with a .pdf type)', Buffer.from('<html><script>alert(1)</script>%PDF-1.7'), 'application/pdf'],
    ['a PDF header too short to be a file', Buffer.from('%PDF-'), 'application/pdf'],
  ])('refuses %s, whatever the declared type', async (_label, body, type) => {
    const res = await upload(body, type, 'dev-unit-admin');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ message: '仅支持 JPG、PNG 照片、PDF 或 Excel 文件' });
  });

  it('refuses uploads without identity and paths outside the store', async () => {
    expect((await upload(PNG, 'image/png')).status).toBe(401);
    expect((await upload(PDF, 'application/pdf')).status).toBe(401);
    expect((await fetch(`${server.url}/files/..%2f..%2fetc%2fpasswd`)).status).toBe(403);
  });

  it('runs a timed job by hand for a city admin persona only, standing in for the timer trigger', async () => {
    const cron = (openid?: string) =>
      fetch(`${server.url}/api/dev/cron/purgeWithdrawn`, {
        method: 'POST',
        headers: openid ? { 'x-dev-openid': openid } : {},
      });
    expect((await cron()).status).toBe(403);
    expect((await cron('dev-youth-zhang')).status).toBe(403);
    const res = await cron('dev-city-admin');
    expect(await res.json()).toEqual(
      expect.objectContaining({ ok: true, data: { erased: 0, drafts: 0, more: false } }),
    );
    const viaPhone = await post('cron', { action: 'purgeWithdrawn' }, 'dev-city-admin');
    expect(await viaPhone.json()).toEqual(
      expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'AUTH.FORBIDDEN' }) }),
    );
  });

  it.each(['constructor', 'toString', '__proto__', 'hasOwnProperty'])(
    'a function named like an Object.prototype key (%s) is unknown, not a fault',
    async (fn) => {
      const res = await post(fn, { action: 'me', data: {} }, 'dev-unit-admin');
      expect(res.status).toBe(404);
      expect(await res.json()).toEqual(
        expect.objectContaining({ ok: false, error: expect.objectContaining({ code: 'ACTION.UNKNOWN' }) }),
      );
    },
  );

  it('refuses a request whose Host is not this machine (DNS rebinding)', async () => {
    const { port } = new URL(server.url);
    const status = (host: string) =>
      new Promise<number>((resolve, reject) => {
        const req = request(
          {
            host: '127.0.0.1',
            port,
            path: '/api/account',
            method: 'POST',
            headers: { host, 'content-type': 'application/json' },
          },
          (res) => {
            res.resume();
            resolve(res.statusCode ?? 0);
          },
        );
        req.on('error', reject);
        req.end(JSON.stringify({ action: 'currentPeriod', data: {} }));
      });
    expect(await status('evil.example')).toBe(403);
    expect(await status(`evil.example:${port}`)).toBe(403);
    expect(await status(`localhost:${port}`)).toBe(200);
    expect(await status(`127.0.0.1:${port}`)).toBe(200);
  });
});
