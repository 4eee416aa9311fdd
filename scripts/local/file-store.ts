/**
 * The dev server's stand-in for cloud storage: photos and stamped scans
 * uploaded in local mode land in `<data>/files/` and are referenced as
 * `local://<name>`.
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export type StoredType = 'jpg' | 'png' | 'pdf';

/** The phone checks the same limits (services/storage.ts), so both modes refuse the same files. */
export const MAX_BYTES: Record<StoredType, number> = {
  jpg: 5 * 1024 * 1024,
  png: 5 * 1024 * 1024,
  pdf: 10 * 1024 * 1024,
};
/** The largest file of any type: how much of a request body is worth reading. */
export const MAX_UPLOAD = Math.max(...Object.values(MAX_BYTES));

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');

/** The file's type from its first bytes; the declared content type and name are not trusted. */
export function storedType(bytes: Buffer): StoredType | null {
  if (bytes.length > 3 && bytes[0] === 0xff && bytes[1] === 0xd8 && bytes[2] === 0xff) return 'jpg';
  if (bytes.length > PNG_MAGIC.length && bytes.subarray(0, PNG_MAGIC.length).equals(PNG_MAGIC)) return 'png';
  if (bytes.length > PDF_MAGIC.length && bytes.subarray(0, PDF_MAGIC.length).equals(PDF_MAGIC)) return 'pdf';
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
  const type = storedType(bytes);
  if (!type) return { error: '仅支持 JPG、PNG 照片或 PDF 文件' };
  if (bytes.length > MAX_BYTES[type]) return { error: type === 'pdf' ? 'PDF 文件不能超过 10 MB' : '照片不能超过 5 MB' };
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const name = `${randomBytes(12).toString('hex')}.${type}`;
  writeFileSync(join(dir, name), bytes);
  return { fileId: `local://${name}` };
}
