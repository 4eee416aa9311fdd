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
import { hasRole, loadActor } from '../cloudfunctions/_lib/identity';
import { firstMultipartFile, MAX_UPLOAD, saveUpload } from './local/file-store';
import { PERSONAS } from './local/seed';

const MAX_BODY = 1024 * 1024;
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.woff': 'font/woff',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.pdf': 'application/pdf',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
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

/** The body, or null when it exceeds `limit` (the rest is drained, not kept). */
function readBytes(req: IncomingMessage, limit: number): Promise<Buffer | null> {
  return new Promise((resolveBody, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size <= limit) chunks.push(c);
    });
    req.on('end', () => resolveBody(size > limit ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

async function readBody(req: IncomingMessage): Promise<string | null> {
  const bytes = await readBytes(req, MAX_BODY);
  return bytes === null ? null : bytes.toString('utf8');
}

/** Local stand-in for cloud storage: an identified user uploads one JPG/PNG photo or one PDF. */
async function upload(req: IncomingMessage, res: ServerResponse, filesDir: string | undefined): Promise<void> {
  if (!filesDir) return sendJson(res, 503, { message: '本地文件存储未启用' });
  if (!devOpenid(req)) return sendJson(res, 401, { message: '无法识别身份' });
  const body = await readBytes(req, MAX_UPLOAD + 64 * 1024);
  if (body === null) return sendJson(res, 413, { message: '文件不能超过 10 MB' });
  const type = req.headers['content-type'] ?? '';
  const bytes = type.startsWith('multipart/form-data') ? firstMultipartFile(body, type) : body;
  const saved = bytes ? saveUpload(filesDir, bytes) : { error: '未收到文件' };
  sendJson(res, 'fileId' in saved ? 200 : 400, 'fileId' in saved ? saved : { message: saved.error });
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

async function runTimer(deps: ServerDeps, req: IncomingMessage, res: ServerResponse, action: string): Promise<void> {
  const openid = devOpenid(req);
  const actor = openid ? await loadActor(deps, openid) : null;
  if (!actor || !hasRole(actor, ['cityAdmin'])) {
    sendJson(res, 403, { ok: false, error: { code: 'AUTH.FORBIDDEN', message: 'timers by hand need a city admin' } });
    return;
  }
  sendJson(res, 200, await FUNCTIONS.cron.handle({ action }, { openid: null, system: true }, deps));
}

/** Routes only the dev server has: uploads, timers by hand, personas, outbox. True when handled. */
async function devApi(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  filesDir?: string,
): Promise<boolean> {
  if (req.method === 'POST' && pathname === '/api/dev/files') {
    await upload(req, res, filesDir);
    return true;
  }
  // Stands in for CloudBase's timer triggers, so timed jobs can be run by hand locally — by a city admin only.
  const timer = /^\/api\/dev\/cron\/([A-Za-z]+)$/.exec(pathname)?.[1];
  if (req.method === 'POST' && timer) {
    await runTimer(deps, req, res, timer);
    return true;
  }
  const body = req.method === 'GET' ? await devRoute(deps, pathname) : undefined;
  if (body !== undefined) sendJson(res, 200, body);
  return body !== undefined;
}

export async function handleApi(
  deps: ServerDeps,
  req: IncomingMessage,
  res: ServerResponse,
  pathname: string,
  filesDir?: string,
): Promise<void> {
  if (await devApi(deps, req, res, pathname, filesDir)) return;
  const fn = /^\/api\/([a-z]+)$/.exec(pathname)?.[1];
  // Own names only: `constructor` and the like are Object.prototype's, not functions of ours.
  const router = fn && Object.prototype.hasOwnProperty.call(FUNCTIONS, fn) ? FUNCTIONS[fn] : undefined;
  if (req.method !== 'POST' || !router) {
    return sendJson(res, 404, { ok: false, error: { code: 'ACTION.UNKNOWN', message: 'no such function' } });
  }
  const body = await readBody(req);
  if (body === null) {
    return sendJson(res, 413, { ok: false, error: { code: 'INPUT.INVALID', message: 'body too large' } });
  }
  sendJson(res, 200, await router.handle(parseJson(body), { openid: devOpenid(req) }, deps));
}

/** The names this machine answers to on loopback (the preview is opened as localhost or 127.0.0.1). */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export function isLocalHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.startsWith('[') ? host.slice(0, host.indexOf(']') + 1) : host.split(':')[0];
  return LOCAL_HOSTS.has(name.toLowerCase());
}

export function startDevServer(
  deps: ServerDeps,
  options: {
    port: number;
    host?: string;
    staticDir: string;
    filesDir?: string;
    /** Runs the sender (`message.drainOutbox`, the cloud's timer) this often; off when unset. */
    drainEveryMs?: number;
  },
): Promise<DevServer> {
  const server = createServer((req, res) => {
    // A page elsewhere that resolves its own name to this machine (DNS rebinding) must not reach the API.
    if (!isLocalHost(req.headers.host)) {
      res.writeHead(403, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('forbidden host');
      return;
    }
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname.startsWith('/api/')) {
      handleApi(deps, req, res, pathname, options.filesDir).catch((e: unknown) => {
        deps.log.error('dev-server', { error: e instanceof Error ? e.message : 'unknown' });
        if (!res.headersSent)
          sendJson(res, 500, { ok: false, error: { code: 'SYS.INTERNAL', message: 'internal error' } });
      });
      return;
    }
    if (pathname.startsWith('/files/') && options.filesDir)
      return serveStatic(options.filesDir, pathname.slice('/files'.length), res);
    serveStatic(options.staticDir, pathname, res);
  });
  // Stands in for the `message` function's timer trigger: WeChat's side is the local emulator (scripts/local/wechat.ts).
  const drain = () =>
    FUNCTIONS.message.handle({ action: 'drainOutbox' }, { openid: null, system: true }, deps).catch(() => undefined);
  const drainTimer = options.drainEveryMs ? setInterval(() => void drain(), options.drainEveryMs) : null;
  return new Promise((resolveServer, reject) => {
    server.once('error', reject);
    server.listen(options.port, options.host ?? '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolveServer({
        url: `http://localhost:${port}`,
        close: () =>
          new Promise<void>((done) => {
            if (drainTimer) clearInterval(drainTimer);
            server.close(() => done());
          }),
      });
    });
  });
}
