/**
 * Files people upload (nomination photos, stamped scans; issue 8 §10). The
 * phone writes to its own prefix, `uploads/<tag>/…` (`tag` a keyed hash of
 * the OPENID, which `account.uploadPath` tells the phone); a function
 * accepts a file id only under the caller's own prefix, downloads the file
 * through the storage port, checks its type by its first bytes and its size,
 * and records the SHA-256 it computed itself, never one the phone sent.
 */
import { createHash } from 'node:crypto';
import { appError } from '../../miniprogram/core/errors';
import { err, ok, type Result } from '../../miniprogram/core/result';
import type { ServerDeps } from './deps';

/** `xlsx`: an Excel workbook to import (issue 14), a zip by its first bytes; the import reads it with exceljs. */
export type UploadType = 'jpg' | 'png' | 'pdf' | 'xlsx';

/** The phone checks the same limits (services/storage.ts), and so does the dev server's upload endpoint. */
export const MAX_UPLOAD_BYTES: Record<UploadType, number> = {
  jpg: 5 * 1024 * 1024,
  png: 5 * 1024 * 1024,
  pdf: 10 * 1024 * 1024,
  xlsx: 10 * 1024 * 1024,
};

const PNG_MAGIC = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
const PDF_MAGIC = Buffer.from('%PDF-', 'latin1');
const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

const MAGIC: Array<[Buffer, UploadType]> = [
  [Buffer.from([0xff, 0xd8, 0xff]), 'jpg'],
  [PNG_MAGIC, 'png'],
  [PDF_MAGIC, 'pdf'],
  [ZIP_MAGIC, 'xlsx'],
];

/** The file's type from its first bytes; a declared content type or name is not trusted. */
export function uploadTypeOf(bytes: Buffer): UploadType | null {
  const hit = MAGIC.find(([magic]) => bytes.length > magic.length && bytes.subarray(0, magic.length).equals(magic));
  return hit ? hit[1] : null;
}

/** The caller's folder tag: hex, so `local://uploads-<tag>-…` cannot be confused with another caller's. */
export function uploaderTag(deps: ServerDeps, openid: string): string {
  return deps.crypto.hash(`uploader:${openid}`).slice(0, 24);
}

/** Where the phone uploads (cloud path prefix, no trailing slash). */
export function uploadPrefix(deps: ServerDeps, openid: string): string {
  return `uploads/${uploaderTag(deps, openid)}`;
}

/** Whether `fileId` lies under the caller's own upload prefix, in cloud storage or the dev file store. */
export function isOwnUpload(deps: ServerDeps, openid: string, fileId: string): boolean {
  const tag = uploaderTag(deps, openid);
  if (fileId.startsWith('local://')) return new RegExp(`^local://uploads-${tag}-[A-Za-z0-9_-]+\\.[a-z]+$`).test(fileId);
  return new RegExp(`^cloud://[A-Za-z0-9._-]+/uploads/${tag}/[A-Za-z0-9_-]+\\.[a-z]+$`).test(fileId);
}

export interface VerifiedUpload {
  fileId: string;
  type: UploadType;
  bytes: number;
  sha256: string;
}

export type UploadProblem = 'not_own' | 'missing' | 'type' | 'size';

/** The upload, checked: under the caller's prefix, present, of an allowed type by its bytes, within its size. */
export async function verifyUpload(
  deps: ServerDeps,
  openid: string,
  fileId: string,
  allowed: readonly UploadType[],
): Promise<Result<VerifiedUpload, ReturnType<typeof appError<'FILE.INVALID'>>>> {
  const refuse = (problem: UploadProblem) => err(appError('FILE.INVALID', `upload refused: ${problem}`, { problem }));
  if (!isOwnUpload(deps, openid, fileId)) return refuse('not_own');
  const bytes = await deps.files.get(fileId);
  if (!bytes) return refuse('missing');
  const type = uploadTypeOf(bytes);
  if (!type || !allowed.includes(type)) return refuse('type');
  if (bytes.length > MAX_UPLOAD_BYTES[type]) return refuse('size');
  return ok({ fileId, type, bytes: bytes.length, sha256: createHash('sha256').update(bytes).digest('hex') });
}
