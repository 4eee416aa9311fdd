/**
 * Photos and documents on a service request (issue 12): picked on the phone (photos from the album or camera, a
 * PDF from a WeChat chat), checked for count and size, uploaded one by one under the youth's own prefix (the
 * server checks each again by its bytes), and opened on the request page through short-lived links.
 */
import { call, localServer } from '../../services/cloud';
import { MAX_IMAGE_BYTES, MAX_PDF_BYTES, uploadFile, type FileExt } from '../../services/storage';

/** As the contract's `attachments` (at most 3). */
export const MAX_ATTACHMENTS = 3;

export interface AttachmentRow {
  key: string;
  label: string;
  kind: 'image' | 'pdf';
  path: string;
  ext: FileExt;
  state: 'uploading' | 'done' | 'failed';
  stateText: string;
  fileId: string;
}

let counter = 0;
const row = (path: string, ext: FileExt, label: string): AttachmentRow => ({
  key: `a${(counter += 1)}`,
  label,
  kind: ext === 'pdf' ? 'pdf' : 'image',
  path,
  ext,
  state: 'uploading',
  stateText: '上传中…',
  fileId: '',
});

export type Picked = { ok: true; rows: AttachmentRow[] } | { ok: false; message: string } | null;

/** Photos from the album or the camera, at most `room`, each ≤ 5 MB; null when the youth cancels. */
export async function pickPhotos(room: number): Promise<Picked> {
  let files: Array<{ tempFilePath: string; size: number }>;
  try {
    files = (await wx.chooseMedia({ count: room, mediaType: ['image'], sizeType: ['compressed'] })).tempFiles;
  } catch {
    return null;
  }
  if (files.length === 0) return null;
  if (files.length > room) return { ok: false, message: `最多再添加 ${room} 个附件` };
  if (files.some((f) => f.size > MAX_IMAGE_BYTES)) return { ok: false, message: '每张照片不能超过 5 MB' };
  return {
    ok: true,
    rows: files.map((f) => row(f.tempFilePath, /\.png$/i.test(f.tempFilePath) ? 'png' : 'jpg', '照片')),
  };
}

/** One PDF from a WeChat chat (where a computer's file reaches the phone), ≤ 10 MB; null on cancel. */
export async function pickPdf(): Promise<Picked> {
  let files: Array<{ path: string; size: number; name: string }>;
  try {
    files = (await wx.chooseMessageFile({ count: 1, type: 'file', extension: ['pdf'] })).tempFiles;
  } catch {
    return null;
  }
  const [pdf] = files;
  if (!pdf) return null;
  if (!/\.pdf$/i.test(pdf.name)) return { ok: false, message: '请选择 PDF 文件' };
  if (pdf.size > MAX_PDF_BYTES) return { ok: false, message: 'PDF 文件不能超过 10 MB' };
  return { ok: true, rows: [row(pdf.path, 'pdf', pdf.name)] };
}

/** Uploads one picked file; the row as it stands afterwards. */
export async function upload(r: AttachmentRow): Promise<AttachmentRow> {
  const res = await uploadFile(r.path, 'attachments', r.ext);
  return res.ok
    ? { ...r, state: 'done', stateText: '已上传', fileId: res.fileId }
    : { ...r, state: 'failed', stateText: `${res.message}（点击重试）` };
}

/** A short-lived link to attachment `index` of a request, or a Chinese message. */
export async function attachmentUrl(
  requestId: string,
  index: number,
): Promise<{ ok: true; url: string } | { ok: false; message: string }> {
  const res = await call('services', 'attachmentLink', { requestId, index });
  if (!res.ok) return { ok: false, message: res.message };
  const url = res.data.url;
  return { ok: true, url: url.startsWith('/') ? `${localServer() ?? ''}${url}` : url };
}

/** Opens a PDF attachment in WeChat's document viewer. */
export function openPdf(url: string): Promise<boolean> {
  return new Promise((resolve) => {
    wx.downloadFile({
      url,
      success: (d) =>
        wx.openDocument({
          filePath: d.tempFilePath,
          fileType: 'pdf',
          success: () => resolve(true),
          fail: () => resolve(false),
        }),
      fail: () => resolve(false),
    });
  });
}
