/**
 * The stamped summary table's photo: picked, read (to hash it) and stored the
 * way services/storage.ts stores nomination photos — cloud storage in WeChat,
 * the dev server's file store in local mode.
 */
import { DEV_OPENID_KEY, localServer } from '../../services/cloud';

export const MAX_SCAN_BYTES = 10 * 1024 * 1024;

export interface PickedFile {
  path: string;
  size: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

const UPLOAD_FAILED = '盖章汇总表上传失败，请重试';

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

/** One JPG/PNG photo of the stamped table; null when the person cancels. */
export function pickScan(): Promise<PickedFile | null> {
  return new Promise((resolve) => {
    wx.chooseMedia({
      count: 1,
      mediaType: ['image'],
      sizeType: ['original'],
      success: (res) => {
        const f = res.tempFiles[0];
        resolve(f ? { path: f.tempFilePath, size: f.size } : null);
      },
      fail: () => resolve(null),
    });
  });
}

type BytesLike = { byteLength: number };
const isBuffer = (v: unknown): v is ArrayBuffer =>
  typeof v === 'object' && v !== null && typeof (v as BytesLike).byteLength === 'number';

type FetchLike = (url: string) => Promise<{ arrayBuffer(): Promise<ArrayBuffer> }>;

/** The browser preview's temp paths are blob: URLs its file manager cannot read; fetch can. */
async function readByFetch(path: string): Promise<Uint8Array | null> {
  const fetchFn = (globalThis as { fetch?: FetchLike }).fetch;
  if (typeof fetchFn !== 'function') return null;
  try {
    return new Uint8Array(await (await fetchFn(path)).arrayBuffer());
  } catch {
    return null;
  }
}

/** The file's bytes (WeChat's file system manager, else fetch in the preview); null when unreadable. */
export function readBytes(path: string): Promise<Uint8Array | null> {
  return new Promise((resolve) => {
    const fallback = () => void readByFetch(path).then(resolve);
    try {
      wx.getFileSystemManager().readFile({
        filePath: path,
        success: (res) =>
          isBuffer(res.data) && res.data.byteLength > 0 ? resolve(new Uint8Array(res.data)) : fallback(),
        fail: fallback,
      });
    } catch {
      fallback();
    }
  });
}

function uploadLocal(base: string, path: string): Promise<Outcome<string>> {
  const openid: unknown = wx.getStorageSync(DEV_OPENID_KEY);
  return new Promise((resolve) => {
    wx.uploadFile({
      url: `${base}/api/dev/files`,
      filePath: path,
      name: 'file',
      header: { 'x-dev-openid': typeof openid === 'string' ? openid : '' },
      success: (res) => {
        try {
          const body = JSON.parse(res.data) as { fileId?: string; message?: string };
          resolve(
            body.fileId ? { ok: true, value: body.fileId } : { ok: false, message: body.message ?? UPLOAD_FAILED },
          );
        } catch {
          resolve({ ok: false, message: UPLOAD_FAILED });
        }
      },
      fail: () => resolve({ ok: false, message: '网络异常，盖章汇总表未能上传' }),
    });
  });
}

async function uploadCloud(path: string): Promise<Outcome<string>> {
  try {
    const ext = /\.png$/i.test(path) ? 'png' : 'jpg';
    const res = await wx.cloud.uploadFile({ cloudPath: `scans/${randomName()}.${ext}`, filePath: path });
    return { ok: true, value: res.fileID };
  } catch {
    return { ok: false, message: '网络异常，盖章汇总表未能上传' };
  }
}

/** Stores the photo; resolves its file id (`cloud://…` / `local://…`). */
export function uploadScan(path: string): Promise<Outcome<string>> {
  const base = localServer();
  return base !== null ? uploadLocal(base, path) : uploadCloud(path);
}
