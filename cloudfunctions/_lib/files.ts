/**
 * The file-storage port: generated files (the summary table, R4.5) are put
 * once and handed out through short-lived links. Two adapters: CloudBase
 * cloud storage in production, a directory behind the dev server locally.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { CloudBase } from '@cloudbase/node-sdk';

export interface FileStore {
  /** `path` is a slash-separated relative path; unsafe characters in its segments are replaced. */
  put(path: string, bytes: Buffer, contentType: string): Promise<{ fileId: string }>;
  /** A download link valid for about `ttlSeconds`. */
  url(fileId: string, ttlSeconds: number): Promise<{ url: string; expiresAt: Date }>;
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

/**
 * Files in one flat directory: the path's segments joined by `-`, so a name
 * never carries a separator; fileId `local://<name>`, link `<publicBase>/<name>`
 * (the dev server serves it). Local links do not expire; `expiresAt` is what
 * the cloud would give.
 */
export function createLocalFileStore(
  dir: string,
  publicBase = '/files',
  clock: () => Date = () => new Date(),
): FileStore {
  return {
    async put(path, bytes) {
      const name = safeSegments(path).join('-');
      mkdirSync(dir, { recursive: true });
      writeFileSync(join(dir, name), bytes);
      return { fileId: `${LOCAL_PREFIX}${name}` };
    },
    async url(fileId, ttlSeconds) {
      const name = fileId.startsWith(LOCAL_PREFIX) ? fileId.slice(LOCAL_PREFIX.length) : '';
      // Only names this store could have made: one safe segment, nothing to resolve.
      if (isDotOrEmpty(name) || name.replace(UNSAFE, '_') !== name) throw new Error('not a local file id');
      return {
        url: `${publicBase}/${encodeURIComponent(name)}`,
        expiresAt: new Date(clock().getTime() + ttlSeconds * 1000),
      };
    },
  };
}

/** The slice of @cloudbase/node-sdk this adapter uses. */
type StorageSdk = Pick<CloudBase, 'uploadFile' | 'getTempFileURL'>;

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
    async url(fileId, ttlSeconds) {
      const res = await app.getTempFileURL({ fileList: [{ fileID: fileId, maxAge: ttlSeconds }] });
      const item = res.fileList?.[0];
      if (!item || item.code !== 'SUCCESS' || !item.tempFileURL) throw new Error(`temp url failed: ${item?.code}`);
      return { url: item.tempFileURL, expiresAt: new Date(clock().getTime() + ttlSeconds * 1000) };
    },
  };
}
