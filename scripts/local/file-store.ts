/**
 * The dev server's stand-in for cloud storage: photos and stamped scans
 * uploaded in local mode land in `<data>/files/` under the uploader's own
 * prefix, `local://uploads-<tag>-<random>.<ext>` (what the functions accept
 * from that caller only, `_lib/uploads.ts`).
 */
import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { MAX_UPLOAD_BYTES, uploadTypeOf, type UploadType } from '../../cloudfunctions/_lib/uploads';

export type StoredType = UploadType;

/** The phone checks the same limits (services/storage.ts), so both modes refuse the same files. */
export const MAX_BYTES = MAX_UPLOAD_BYTES;
/** The largest file of any type: how much of a request body is worth reading. */
export const MAX_UPLOAD = Math.max(...Object.values(MAX_BYTES));

/** The file's type from its first bytes; the declared content type and name are not trusted. */
export const storedType = uploadTypeOf;

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

const SIZE_TEXT: Record<StoredType, string> = {
  jpg: '照片不能超过 5 MB',
  png: '照片不能超过 5 MB',
  pdf: 'PDF 文件不能超过 10 MB',
  xlsx: 'Excel 文件不能超过 10 MB',
};

/** Stores an upload under the uploader's tag (`uploaderTag`); refuses what is not a JPG, PNG, PDF or Excel workbook within its size. */
export function saveUpload(dir: string, bytes: Buffer, tag: string): { fileId: string } | { error: string } {
  const type = storedType(bytes);
  if (!type) return { error: '仅支持 JPG、PNG 照片、PDF 或 Excel 文件' };
  if (bytes.length > MAX_BYTES[type]) return { error: SIZE_TEXT[type] };
  if (!existsSync(dir)) mkdirSync(dir, { recursive: true });
  const name = `uploads-${tag}-${randomBytes(12).toString('hex')}.${type}`;
  writeFileSync(join(dir, name), bytes);
  return { fileId: `local://${name}` };
}
