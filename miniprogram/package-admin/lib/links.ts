/** Links to files the server stored (the exported summary table). */
import { localServer } from '../../services/cloud';

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

/** In WeChat: downloads to a temp file and opens it (Word/Excel preview, with 转发/保存 in the menu); false on failure. */
export function openDocument(url: string, fileType: 'docx' | 'xlsx'): Promise<boolean> {
  return new Promise((resolve) => {
    wx.downloadFile({
      url,
      success: (res) => {
        if (res.statusCode !== 200) return resolve(false);
        wx.openDocument({
          filePath: res.tempFilePath,
          fileType,
          showMenu: true,
          success: () => resolve(true),
          fail: () => resolve(false),
        });
      },
      fail: () => resolve(false),
    });
  });
}
