/**
 * Files of the data pages (issue 14): an Excel workbook chosen from a WeChat chat (where a computer's file
 * reaches the phone) and uploaded as every upload is; a file the server made (the template, the youth's own
 * data) downloaded and opened, or its link copied in the browser preview.
 */
import { DEV_OPENID_KEY, localServer } from '../../services/cloud';
import { uploadFile, type UploadResult } from '../../services/storage';

export const MAX_WORKBOOK_BYTES = 10 * 1024 * 1024;

/** The workbook the cadre picks, uploaded; null when they cancel, a Chinese message when it will not do. */
export async function chooseAndUploadWorkbook(): Promise<UploadResult | null> {
  const picked = await new Promise<{ path: string; size: number; name: string } | null>((resolve) => {
    wx.chooseMessageFile({
      count: 1,
      type: 'file',
      extension: ['xlsx'],
      success: (res) => resolve(res.tempFiles[0] ?? null),
      fail: () => resolve(null),
    });
  });
  if (!picked) return null;
  if (!/\.xlsx$/i.test(picked.name)) return { ok: false, message: '请选择 Excel 文件（.xlsx）' };
  if (picked.size > MAX_WORKBOOK_BYTES) return { ok: false, message: '文件不能超过 10 MB，请分批导入' };
  return uploadFile(picked.path, 'imports', 'xlsx');
}

/** A server path made absolute for the preview's own origin. */
export function absoluteLink(url: string): string {
  if (!url.startsWith('/')) return url;
  const origin = (globalThis as { location?: { origin?: string } }).location?.origin;
  return `${localServer() || origin || ''}${url}`;
}

/**
 * Downloads the file and opens it (Excel in WeChat's document preview, with 转发/保存) or, for other files,
 * sends it on under its name (a chat or 文件传输助手: the phone's way of saving a file); false on failure.
 */
export function openFile(url: string, fileType: 'xlsx' | 'json', fileName: string): Promise<boolean> {
  const persona: unknown = localServer() !== null ? wx.getStorageSync(DEV_OPENID_KEY) : '';
  return new Promise((resolve) => {
    wx.downloadFile({
      url: absoluteLink(url),
      ...(typeof persona === 'string' && persona ? { header: { 'x-dev-openid': persona } } : {}),
      success: (res) => {
        if (res.statusCode !== 200) return resolve(false);
        if (fileType === 'json') {
          wx.shareFileMessage({
            filePath: res.tempFilePath,
            fileName,
            success: () => resolve(true),
            fail: () => resolve(false),
          });
          return;
        }
        wx.openDocument({
          filePath: res.tempFilePath,
          fileType: 'xlsx',
          showMenu: true,
          success: () => resolve(true),
          fail: () => resolve(false),
        });
      },
      fail: () => resolve(false),
    });
  });
}
