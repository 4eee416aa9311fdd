/**
 * The stamped summary table's photo: picked, read (to hash it) and stored
 * through services/storage.ts — cloud storage in WeChat, the dev server's
 * file store in local mode.
 */
import { MAX_IMAGE_BYTES, uploadImage } from '../../services/storage';

export const MAX_SCAN_BYTES = MAX_IMAGE_BYTES;

export interface PickedFile {
  path: string;
  size: number;
}

export type Outcome<T> = { ok: true; value: T } | { ok: false; message: string };

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

/** Stores the photo like nomination photos; resolves its file id (`cloud://…` / `local://…`). */
export async function uploadScan(path: string): Promise<Outcome<string>> {
  const res = await uploadImage(path, 'scans');
  return res.ok ? { ok: true, value: res.fileId } : { ok: false, message: res.message };
}
