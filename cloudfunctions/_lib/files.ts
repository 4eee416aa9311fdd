/**
 * The file-storage port: generated files (the summary table, R4.5) are put
 * once and handed out through short-lived links. Two adapters: CloudBase
 * cloud storage in production, a directory behind the dev server locally.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudBase } from '@cloudbase/node-sdk';

export interface LinkOptions {
  /** The name the file is saved under (Content-Disposition locally; the path's last segment in the cloud). */
  fileName?: string;
  /** The OPENID the link is issued to (local links are bound to it). */
  viewer?: string;
}

export interface FileStore {
  /** `path` is a slash-separated relative path; unsafe characters in its segments are replaced. */
  put(path: string, bytes: Buffer, contentType: string): Promise<{ fileId: string }>;
  /** The stored bytes (to verify an upload), or null when there is no such file. */
  get(fileId: string): Promise<Buffer | null>;
  /** Deletes the file; a missing file is not an error. */
  remove(fileId: string): Promise<void>;
  /** A download link valid for about `ttlSeconds`, issued only after the caller's scope was checked. */
  url(fileId: string, ttlSeconds: number, options?: LinkOptions): Promise<{ url: string; expiresAt: Date }>;
}

/** Anything but letters, digits and a few harmless marks becomes `_` (no separators, no control characters). */
const UNSAFE = /[^\p{L}\p{N}._()（）-]/gu;

function isDotOrEmpty(segment: string): boolean {
  return /^\.*$/.test(segment);
}

/** The path's segments, each made safe; empty, `.` and `..` segments are refused rather than resolved. */
export function safeSegments(path: string): string[] {
  const segments = path.split('/').map((s) => s.replace(UNSAFE, '_'));
  if (segments.some(isDotOrEmpty)) throw new Error('file path has an empty or dot segment');
  return segments;
}

const LOCAL_PREFIX = 'local://';

/** A local link's parts, as the dev server reads them back from the query string. */
export type LinkCheck = { ok: true; path: string; fileName: string | null; viewer: string } | { ok: false };

/** The local adapter also checks the links it signed (the dev server serves nothing else). */
export interface LocalFileStore extends FileStore {
  verify(name: string, query: URLSearchParams): LinkCheck;
}

export function isLocalFileStore(files: FileStore): files is LocalFileStore {
  return typeof (files as Partial<LocalFileStore>).verify === 'function';
}

/** The one name a local file id may carry: one safe segment, nothing to resolve. */
function localName(fileId: string): string | null {
  const name = fileId.startsWith(LOCAL_PREFIX) ? fileId.slice(LOCAL_PREFIX.length) : '';
  return isDotOrEmpty(name) || name.replace(UNSAFE, '_') !== name ? null : name;
}

/** Constant-time comparison of two signatures. */
function sameText(a: string, b: string): boolean {
  const x = Buffer.from(a, 'utf8');
  const y = Buffer.from(b, 'utf8');
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Files in one flat directory: the path's segments joined by `-`, so a name
 * never carries a separator; fileId `local://<name>`. A link is
 * `<publicBase>/<name>?exp=…&who=…&fn=…&sig=…`, an HMAC over the name, the
 * expiry, the viewer and the file name under `signingKey`: the dev server
 * serves a file only with an unexpired link it can verify (issue 8 §10).
 */
export function createLocalFileStore(
  dir: string,
  publicBase = '/files',
  clock: () => Date = () => new Date(),
  signingKey: Buffer = createHmac('sha256', 'hqn-dev')
    .update(String(process.pid) + String(Math.random()))
    .digest(),
): LocalFileStore {
  const sign = (name: string, exp: string, who: string, fn: string) =>
    createHmac('sha256', signingKey).update(`${name}\n${exp}\n${who}\n${fn}`, 'utf8').digest('hex');
  const pathOf = (fileId: string) => {
    const name = localName(fileId);
    if (!name) throw new Error('not a local file id');
    return { name, path: join(dir, name) };
  };
  return {
    async put(path, bytes) {
      const name = safeSegments(path).join('-');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), bytes);
      return { fileId: `${LOCAL_PREFIX}${name}` };
    },
    async get(fileId) {
      const { path } = pathOf(fileId);
      return existsSync(path) ? readFileSync(path) : null;
    },
    async remove(fileId) {
      rmSync(pathOf(fileId).path, { force: true });
    },
    async url(fileId, ttlSeconds, options = {}) {
      const { name } = pathOf(fileId);
      const expiresAt = new Date(clock().getTime() + ttlSeconds * 1000);
      const exp = String(expiresAt.getTime());
      const who = options.viewer ?? '';
      const fn = options.fileName ?? '';
      const query = new URLSearchParams({ exp, who, ...(fn ? { fn } : {}), sig: sign(name, exp, who, fn) });
      return { url: `${publicBase}/${encodeURIComponent(name)}?${query.toString()}`, expiresAt };
    },
    verify(name, query) {
      const [exp, who, fn] = ['exp', 'who', 'fn'].map((k) => query.get(k) ?? '');
      const signed = sameText(query.get('sig') ?? '', sign(name, exp, who, fn));
      const path = join(dir, name);
      const fresh = /^\d+$/.test(exp) && Number(exp) >= clock().getTime();
      if (!signed || !fresh || !localName(`${LOCAL_PREFIX}${name}`) || !existsSync(path)) return { ok: false };
      return { ok: true, path, fileName: fn || null, viewer: who };
    },
  };
}

/** The slice of @cloudbase/node-sdk this adapter uses. */
type StorageSdk = Pick<CloudBase, 'uploadFile' | 'getTempFileURL' | 'downloadFile' | 'deleteFile'>;

/**
 * CloudBase cloud storage: `uploadFile` (upload metadata, then a PUT to COS)
 * and `getTempFileURL` for a signed link. The SDK sends no content type; COS
 * derives it from the extension, which is why paths keep theirs.
 */
export function createCloudbaseFileStore(app: StorageSdk, clock: () => Date = () => new Date()): FileStore {
  return {
    async put(path, bytes) {
      const res = await app.uploadFile({ cloudPath: safeSegments(path).join('/'), fileContent: bytes });
      if (!res.fileID) throw new Error('upload returned no fileID');
      return { fileId: res.fileID };
    },
    async get(fileId) {
      try {
        const res = await app.downloadFile({ fileID: fileId });
        return res.fileContent ? Buffer.from(res.fileContent) : null;
      } catch {
        return null;
      }
    },
    async remove(fileId) {
      const res = await app.deleteFile({ fileList: [fileId] });
      const code = res.fileList?.[0]?.code;
      if (code && code !== 'SUCCESS' && code !== 'STORAGE_FILE_NONEXIST') throw new Error(`delete failed: ${code}`);
    },
    // The name a download saves under is the path's last segment (exports are put under their real name).
    async url(fileId, ttlSeconds) {
      const res = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: ttlSeconds }] });
      const item = res.fileList?.[0];
      if (!item || item.code !== 'SUCCESS' || !item.tempFileURL) throw new Error(`temp url failed: ${item?.code}`);
      return { url: item.tempFileURL, expiresAt: new Date(clock().getTime() + ttlSeconds * 1000) };
    },
  };
}
