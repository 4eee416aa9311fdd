/** Files as a phone would have uploaded them: under the uploader's own prefix in the test's file store (issue 8 §10). */
import { createHash, randomBytes } from 'node:crypto';
import type { ServerDeps } from '../../cloudfunctions/_lib/deps';
import { uploadPrefix } from '../../cloudfunctions/_lib/uploads';

export const JPEG = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), Buffer.alloc(256, 7)]);
export const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(256, 3)]);
export const PDF = Buffer.concat([Buffer.from('%PDF-1.7\n', 'latin1'), Buffer.alloc(512, 0x20)]);

export const sha256 = (bytes: Buffer): string => createHash('sha256').update(bytes).digest('hex');

/** Puts `bytes` where `openid`'s phone uploads; its file id and the SHA-256 the phone would have computed. */
export async function uploadAs(
  deps: ServerDeps,
  who: string | { openid: string },
  bytes: Buffer,
  ext: 'jpg' | 'png' | 'pdf' | 'xlsx',
): Promise<{ fileId: string; sha256: string }> {
  const openid = typeof who === 'string' ? who : who.openid;
  const path = `${uploadPrefix(deps, openid)}/${randomBytes(8).toString('hex')}.${ext}`;
  const { fileId } = await deps.files.put(path, bytes, '');
  return { fileId, sha256: sha256(bytes) };
}

/** A distinct JPEG per page (the same bytes would give the same hash). */
export const page = (n: number): Buffer => Buffer.concat([JPEG, Buffer.from(`page ${n}`)]);
