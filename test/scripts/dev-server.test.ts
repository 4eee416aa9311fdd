import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startDevServer, type DevServer } from '../../scripts/dev-server';
import { makeHarness, type Harness } from '../support/harness';

describe('dev server (local mode only)', () => {
  let h: Harness;
  let server: DevServer;
  const staticDir = mkdtempSync(join(tmpdir(), 'hqn-static-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>预览</title>');

  beforeAll(async () => {
    h = await makeHarness();
    server = await startDevServer(h.deps, { port: 0, staticDir });
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
});
