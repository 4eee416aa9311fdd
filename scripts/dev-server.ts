/**
 * The local dev server: the same function routers as production behind
 * `POST /api/<function>`, identity from the `x-dev-openid` header (local mode
 * only), demo personas, the notification outbox, and the browser preview.
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { extname, join, normalize, resolve } from 'node:path';
import { C, type OutboxDoc } from '../cloudfunctions/_lib/collections';
import type { ServerDeps } from '../cloudfunctions/_lib/deps';
import { FUNCTIONS } from './local/functions';
import { PERSONAS } from './local/seed';

const MAX_BODY = 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.svg': 'image/svg+xml',
};

export interface DevServer {
  url: string;
  close(): Promise<void>;
}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8', 'cache-control': 'no-store' });
  res.end(text);
}

/** The body as text, or null when it exceeds MAX_BODY (the rest is drained, not kept). */
function readBody(req: IncomingMessage): Promise<string | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= MAX_BODY) chunks.push(c);
    });
    req.on('end', () => resolveBody(size > MAX_BODY ? null : Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return undefined;
  }
}

function serveStatic(root: string, pathname: string, res: ServerResponse): void {
  const rel = pathname === '/' ? 'index.html' : decodeURIComponent(pathname).replace(/^\/+/, '');
  const file = normalize(join(root, rel));
  if (!file.startsWith(resolve(root)) || !existsSync(file) || !statSync(file).isFile()) {
    res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
    res.end('未找到该页面');
    return;
  }
  res.writeHead(200, {
    'content-type': TYPES[extname(file)] ?? 'application/octet-stream',
    'cache-control': 'no-cache',
  });
  createReadStream(file).pipe(res);
}

async function devRoute(deps: ServerDeps, pathname: string): Promise<unknown> {
  if (pathname === '/api/dev/personas')
    return PERSONAS.map(({ openid, name, role, note }) => ({ openid, name, role, note }));
  if (pathname === '/api/dev/outbox') {
    return deps.store.collection<OutboxDoc>(C.outbox).find({}, { sort: { createdAt: -1 }, limit: 50 });
  }
  return undefined;
}

function devOpenid(req: IncomingMessage): string | null {
  const header = req.headers['x-dev-openid'];
  // Local mode only: the production entry takes identity from the platform context.
  return typeof header === 'string' && header.length > 0 && header.length <= 64 ? header : null;
}

export async function handleApi(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
): Promise<void> {
  if (req.method === 'GET') {
    const body = await devRoute(deps, pathname);
    if (body !== undefined) return sendJson(res, 200, body);
  }
  const fn = /^\/api\/([a-z]+)$/.exec(pathname)?.[1];
  const router = fn ? FUNCTIONS[fn] : undefined;
  if (req.method !== 'POST' || !router) {
    return sendJson(res, 404, { ok: false, error: { code: 'ACTION.UNKNOWN', message: 'no such function' } });
  }
  const body = await readBody(req);
  if (body === null)
    return sendJson(res, 413, { ok: false, error: { code: 'INPUT.INVALID', message: 'body too large' } });
  sendJson(res, 200, await router.handle(parseJson(body), { openid: devOpenid(req) }, deps));
}

export function startDevServer(
  deps: ServerDeps,
  options: { port: number; host?: string; staticDir: string },
): Promise<DevServer> {
  const server = createServer((req, res) => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname.startsWith('/api/')) {
      handleApi(deps, req, res, pathname).catch((e: unknown) => {
        deps.log.error('dev-server', { error: e instanceof Error ? e.message : 'unknown' });
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'SYS.INTERNAL', message: 'internal error' } });
      });
      return;
    }
    serveStatic(options.staticDir, pathname, res);
  });
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolveServer({
        url: `http://localhost:${port}`,
        close: () => new Promise<void>((done) => server.close(() => done())),
      });
    });
  });
}
