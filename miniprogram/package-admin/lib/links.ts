/**
 * Links to files the server stored (the exported summary table, a stamped
 * scan): short-lived, signed, issued by a function after its scope check
 * (issue 8 §10). In WeChat a file is downloaded to a temp path, then opened
 * (document preview) or sent on with its real name (wx.shareFileMessage, to a
 * chat or 文件传输助手, the phone's way of saving a file); the browser preview
 * plays both with the page's own download.
 */
import { DEV_OPENID_KEY, localServer } from '../../services/cloud';

/**
 * A file link the person can open elsewhere (copied to a computer): local mode
 * answers paths on the dev server, which in the browser preview is the page's
 * own origin.
 */
export function absoluteLink(url: string): string {
  if (!url.startsWith('/')) return url;
  const base = localServer();
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return `${base || origin || ''}${url}`;
}

/** Downloads a link to a temp file; null on failure (an expired link answers 403). */
export function downloadFile(url: string): Promise<string | null> {
  return new Promise((resolve) => {
    // Locally the dev server also checks that the link was issued to this persona.
    const persona: unknown = localServer() !== null ? wx.getStorageSync(DEV_OPENID_KEY) : '';
    wx.downloadFile({
      url,
      ...(typeof persona === 'string' && persona ? { header: { 'x-dev-openid': persona } } : {}),
      success: (res) => resolve(res.statusCode === 200 ? res.tempFilePath : null),
      fail: () => resolve(null),
    });
  });
}

export type DocumentType = 'docx' | 'xlsx' | 'pdf' | 'jpg' | 'png';

/** Downloads and opens the file (document preview with 转发/保存 in its menu, or the image viewer); false on failure. */
export async function openDocument(url: string, fileType: DocumentType): Promise<boolean> {
  const filePath = await downloadFile(url);
  if (!filePath) return false;
  return new Promise((resolve) => {
    if (fileType === 'jpg' || fileType === 'png') {
      wx.previewImage({ urls: [filePath], success: () => resolve(true), fail: () => resolve(false) });
      return;
    }
    wx.openDocument({
      filePath,
      fileType,
      showMenu: true,
      success: () => resolve(true),
      fail: () => resolve(false),
    });
  });
}

/** Downloads the file and sends it on under `fileName` (chat or 文件传输助手); false on failure or cancel. */
export async function saveDocument(url: string, fileName: string): Promise<boolean> {
  const filePath = await downloadFile(url);
  if (!filePath) return false;
  return new Promise((resolve) => {
    wx.shareFileMessage({ filePath, fileName, success: () => resolve(true), fail: () => resolve(false) });
  });
}
