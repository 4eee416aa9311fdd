/**
 * Photos: cloud storage in WeChat, the dev server's file store in local mode.
 * Resolves a file id the nomination can reference (`cloud://…` / `local://…`).
 */
import { DEV_OPENID_KEY, localServer } from './cloud';

export type UploadResult = { ok: true; fileId: string } | { ok: false; message: string };

/** The dev file store's limit too, so both modes refuse the same files. */
export const MAX_IMAGE_BYTES = 5 * 1024 * 1024;

function randomName(): string {
  return `${Date.now().toString(36)}${Math.random().toString(36).slice(2, 10)}`;
}

function uploadLocal(base: string, filePath: string): Promise<UploadResult> {
  // The dev server's file store answers `{fileId}` or `{message}` in Chinese.
  const openid: unknown = wx.getStorageSync(DEV_OPENID_KEY);
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
              ? { ok: true, fileId: body.fileId }
              : { ok: false, message: body.message ?? '照片上传失败，请重试' },
          );
        } catch {
          resolve({ ok: false, message: '照片上传失败，请重试' });
        }
      },
      fail: () => resolve({ ok: false, message: '网络异常，照片未能上传' }),
    });
  });
}

async function uploadCloud(filePath: string, folder: string): Promise<UploadResult> {
  try {
    const ext = /\.png$/i.test(filePath) ? 'png' : 'jpg';
    const res = await wx.cloud.uploadFile({ cloudPath: `${folder}/${randomName()}.${ext}`, filePath });
    return { ok: true, fileId: res.fileID };
  } catch {
    return { ok: false, message: '网络异常，照片未能上传' };
  }
}

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
  return uploadImage(picked.tempFilePath, 'photos');
}

/** Stores one JPG/PNG image under `folder` (cloud storage, or the dev file store locally); resolves its file id. */
export function uploadImage(filePath: string, folder: 'photos' | 'scans'): Promise<UploadResult> {
  const base = localServer();
  return base !== null ? uploadLocal(base, filePath) : uploadCloud(filePath, folder);
}

/** What an <image src> can show for a file id. */
export function photoUrl(fileId: string): string {
  if (fileId.startsWith('local://')) return `${localServer() ?? ''}/files/${fileId.slice('local://'.length)}`;
  return fileId; // WeChat's <image> resolves cloud:// file ids itself
}
