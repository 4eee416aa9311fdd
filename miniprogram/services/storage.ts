/**
 * Files: cloud storage in WeChat, the dev server's file store in local mode.
 * Nomination photos and the stamped summary table (a PDF or photos) go through
 * here; each resolves a file id the records reference (`cloud://…` / `local://…`).
 */
import { MAX_SCAN_PHOTOS, type ScanKind } from '../core/filing';
import { call, DEV_OPENID_KEY, localServer } from './cloud';

export type UploadResult = { ok: true; fileId: string; path: string } | { ok: false; message: string };

export type FileExt = 'jpg' | 'png' | 'pdf' | 'xlsx';

/** The dev file store's limits too (scripts/local/file-store.ts), so both modes refuse the same files. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
export const MAX_PDF_BYTES = 10 * 1024 * 1024;

/** A file the person picked, before it is read or stored. `name` is empty for photos (WeChat gives none). */
export interface PickedFile {
  path: string;
  size: number;
  name: string;
  ext: FileExt;
}

export type PickResult = { ok: true; files: PickedFile[] } | { ok: false; message: string };

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

const noun = (ext: FileExt): string => (ext === 'pdf' ? 'PDF 文件' : ext === 'xlsx' ? '文件' : '照片');

function uploadLocal(base: string, filePath: string, ext: FileExt): Promise<UploadResult> {
  // The dev server's file store answers `{fileId}` or `{message}` in Chinese.
  const openid: unknown = wx.getStorageSync(DEV_OPENID_KEY);
  const failed = `${noun(ext)}上传失败，请重试`;
  return new Promise((resolve) => {
    wx.uploadFile({
      url: `${base}/api/dev/files`,
      filePath,
      name: 'file',
      header: { 'x-dev-openid': typeof openid === 'string' ? openid : '' },
      success: (res) => {
        try {
          const body = JSON.parse(res.data) as { fileId?: string; message?: string };
          resolve(
            body.fileId
              ? { ok: true, fileId: body.fileId, path: filePath }
              : { ok: false, message: body.message ?? failed },
          );
        } catch {
          resolve({ ok: false, message: failed });
        }
      },
      fail: () => resolve({ ok: false, message: `网络异常，${noun(ext)}未能上传` }),
    });
  });
}

let ownPrefix: Promise<string | null> | null = null;
function uploadPrefix(): Promise<string | null> {
  ownPrefix ??= call('account', 'uploadPath', {}).then((res) => {
    if (!res.ok) ownPrefix = null;
    return res.ok ? res.data.prefix : null;
  });
  return ownPrefix;
}

async function uploadCloud(filePath: string, folder: string, ext: FileExt): Promise<UploadResult> {
  const prefix = await uploadPrefix();
  if (!prefix) return { ok: false, message: `网络异常，${noun(ext)}未能上传` };
  try {
    const res = await wx.cloud.uploadFile({ cloudPath: `${prefix}/${folder}-${randomName()}.${ext}`, filePath });
    return { ok: true, fileId: res.fileID, path: filePath };
  } catch {
    return { ok: false, message: `网络异常，${noun(ext)}未能上传` };
  }
}

/** Stores one file under `folder/<random>.<ext>` (cloud storage, or the dev file store locally); resolves its file id. */
export function uploadFile(
  filePath: string,
  folder: 'photos' | 'scans' | 'imports' | 'signatures' | 'attachments',
  ext: FileExt,
): Promise<UploadResult> {
  const base = localServer();
  return base !== null ? uploadLocal(base, filePath, ext) : uploadCloud(filePath, folder, ext);
}

/** WeChat's temp paths keep the picked image's extension; anything else (the preview's blob: URLs) counts as JPG. */
const imageExt = (path: string): FileExt => (/\.png$/i.test(path) ? 'png' : 'jpg');

/** Lets the youth pick one photo (JPEG/PNG, ≤ 5 MB) and uploads it. Null when the youth cancels. */
export async function chooseAndUploadPhoto(): Promise<UploadResult | null> {
  let picked: { tempFilePath: string; size: number } | undefined;
  try {
    const res = await wx.chooseMedia({ count: 1, mediaType: ['image'], sizeType: ['compressed'] });
    picked = res.tempFiles[0];
  } catch {
    return null;
  }
  if (!picked) return null;
  if (picked.size > MAX_IMAGE_BYTES) return { ok: false, message: '照片不能超过 5 MB' };
  return uploadFile(picked.tempFilePath, 'photos', imageExt(picked.tempFilePath));
}

/** Photos of the stamped table, one a page, in the order picked; null when the person cancels. */
function choosePhotos(): Promise<PickedFile[] | null> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: MAX_SCAN_PHOTOS,
      mediaType: ['image'],
      // The original keeps the stamp and small print legible.
      sizeType: ['original'],
      success: (res) =>
        resolve(
          res.tempFiles.map((f) => ({ path: f.tempFilePath, size: f.size, name: '', ext: imageExt(f.tempFilePath) })),
        ),
      fail: () => resolve(null),
    });
  });
}

/** The scanned PDF, chosen from a WeChat chat (where a computer's file reaches the phone); null on cancel. */
function choosePdf(): Promise<PickedFile[] | null> {
  return new Promise((resolve) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['pdf'],
      success: (res) => resolve(res.tempFiles.map((f) => ({ path: f.path, size: f.size, name: f.name, ext: 'pdf' }))),
      fail: () => resolve(null),
    });
  });
}

/** Why these files cannot be the stamped table, in Chinese; null when they can. */
function scanFilesProblem(kind: ScanKind, files: PickedFile[]): string | null {
  if (kind === 'pdf') {
    const [pdf] = files;
    if (files.length !== 1 || !/\.pdf$/i.test(pdf.name)) return '请选择一个 PDF 文件';
    return pdf.size > MAX_PDF_BYTES ? 'PDF 文件不能超过 10 MB，请压缩后重新选择' : null;
  }
  if (files.length > MAX_SCAN_PHOTOS) return `最多选择 ${MAX_SCAN_PHOTOS} 张照片（每页一张）`;
  const big = files.findIndex((f) => f.size > MAX_IMAGE_BYTES);
  if (big < 0) return null;
  return files.length === 1 ? '照片不能超过 5 MB，请压缩后重新选择' : `第 ${big + 1} 张照片超过 5 MB，请压缩后重新选择`;
}

/**
 * The stamped summary table as the person picks it: one PDF, or up to 9
 * photos (one a page). Null when they cancel; a Chinese message when the
 * files will not do (type, count, size).
 */
export async function chooseScanFiles(kind: ScanKind): Promise<PickResult | null> {
  const files = await (kind === 'pdf' ? choosePdf() : choosePhotos());
  if (!files || files.length === 0) return null;
  const problem = scanFilesProblem(kind, files);
  return problem ? { ok: false, message: problem } : { ok: true, files };
}

export async function photoLink(ref: { nominationId: string } | { fileId: string }): Promise<string> {
  const res = await call('nomination', 'photoLink', ref);
  if (!res.ok) return '';
  const url = res.data.url;
  return url.startsWith('/') ? `${localServer() ?? ''}${url}` : url;
}
