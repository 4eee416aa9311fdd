/**
 * The dev server's stand-in for cloud storage: photos uploaded in local mode
 * land in `<data>/files/` and are referenced as `local://<name>`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const MAX_UPLOAD = 5 * 1024 * 1024;

/** The image type from the file's first bytes; the declared content type is not trusted. */
export function imageType(bytes: Buffer): 'jpg' | 'png' | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length > 8 && bytes.subarray(0, 8).equals(Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])))
    return 'png';
  return null;
}

/** The first file part of a multipart/form-data body (what wx.uploadFile sends from DevTools). */
export function firstMultipartFile(body: Buffer, contentType: string): Buffer | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;]+))/.exec(contentType);
  if (!boundary) return null;
  const marker = Buffer.from(`--${boundary[1] ?? boundary[2]}`);
  const start = body.indexOf(marker);
  const headerEnd = start < 0 ? -1 : body.indexOf('\r\n\r\n', start);
  const next = headerEnd < 0 ? -1 : body.indexOf(marker, headerEnd);
  if (headerEnd < 0 || next < 0) return null;
  return body.subarray(headerEnd + 4, next - 2); // the part ends with CRLF before the next boundary
}

export function saveUpload(dir: string, bytes: Buffer): { fileId: string } | { error: string } {
  const type = imageType(bytes);
  if (!type) return { error: '仅支持 JPG 或 PNG 照片' };
  if (bytes.length > MAX_UPLOAD) return { error: '照片不能超过 5 MB' };
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const name = `${randomBytes(12).toString('hex')}.${type}`;
  writeFileSync(join(dir, name), bytes);
  return { fileId: `local://${name}` };
}
