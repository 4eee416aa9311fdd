/**
 * The stamped summary table's files: read and hashed on the phone (SHA-256),
 * listed for the uploader to check, then stored through services/storage.ts —
 * cloud storage in WeChat, the dev server's file store in local mode.
 */
import type { ScanKind } from '../../../core/filing';
import type { FileExt, PickedFile } from '../../../services/storage';
import { sha256Hex } from '../../lib/sha256';
import { fileSize } from '../../../lib/format';

/** One file of the scan as the dialog lists it; `fileId` is filled once it is stored. */
export interface ScanRow {
  path: string;
  ext: FileExt;
  /** The PDF's name, or 第N页 for a photo. */
  label: string;
  sizeText: string;
  sha256: string;
  shortHash: string;
  fileId: string;
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

const labelOf = (kind: ScanKind, file: PickedFile, index: number): string =>
  kind === 'photos' ? `第${index + 1}页` : file.name || 'PDF 扫描件';

/**
 * Reads and hashes each picked file in order, reporting `(done, total)` before
 * each; a Chinese message when one cannot be read.
 */
export async function hashFiles(
  kind: ScanKind,
  files: PickedFile[],
  progress: (index: number, total: number) => void,
): Promise<ScanRow[] | string> {
  const rows: ScanRow[] = [];
  for (const [i, file] of files.entries()) {
    progress(i + 1, files.length);
    const bytes = await readBytes(file.path);
    const label = labelOf(kind, file, i);
    if (!bytes) return kind === 'photos' ? `无法读取${label}照片，请重新选择` : '无法读取所选 PDF 文件，请重新选择';
    const sha256 = sha256Hex(bytes);
    rows.push({
      path: file.path,
      ext: file.ext,
      label,
      sizeText: fileSize(file.size),
      sha256,
      shortHash: `${sha256.slice(0, 16)}…`,
      fileId: '',
    });
  }
  return rows;
}
