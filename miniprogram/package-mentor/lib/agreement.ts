/**
 * What the agreement page needs besides its view: the signature canvas (found by selector, drawn by the pad,
 * exported as PNG and uploaded through the checked-upload path) and opening the Word file from its signed link.
 */
import type { AgreementView } from '../../core/contracts/mentoring';
import { DEV_OPENID_KEY, localServer } from '../../services/cloud';
import { uploadFile } from '../../services/storage';
import { createPad, type Pad, type PadCanvas } from './signature-pad';

export const FIT_CHOICES = [
  { id: 'good', label: '合适' },
  { id: 'unsure', label: '再看看' },
  { id: 'poor', label: '不合适' },
] as const;
export const MONTH_CHOICES = [6, 12, 24] as const;
export const CYCLE_CHOICES = [
  { days: 14, label: '每两周' },
  { days: 30, label: '每月' },
  { days: 60, label: '每两个月' },
] as const;

/** What the page shows of an agreement. */
export function agreementRows(a: AgreementView) {
  const sig = (s: AgreementView['signatures']['mentor']) => (s ? `${s.name} 已签署（${s.at.slice(0, 10)}）` : '未签署');
  return {
    ...a,
    mentorSigned: sig(a.signatures.mentor),
    youthSigned: sig(a.signatures.youth),
    bothSigned: a.signatures.mentor !== null && a.signatures.youth !== null,
    myFit: a.party ? (a.fit[a.party] ?? '') : '',
    fingerprint: a.textHash.slice(0, 16),
  };
}

interface CanvasNode extends PadCanvas {
  _pad?: Pad;
}

/** The pad on the page's `#pad` canvas (created once per node). */
export function padOf(
  owner: WechatMiniprogram.Component.TrivialInstance,
): Promise<{ pad: Pad; node: CanvasNode } | null> {
  return new Promise((resolve) => {
    wx.createSelectorQuery()
      .in(owner)
      .select('#pad')
      .fields({ node: true, size: true })
      .exec((res: Array<{ node?: CanvasNode; width: number; height: number } | null>) => {
        const hit = res[0];
        if (!hit?.node) return resolve(null);
        const node = hit.node;
        node._pad ??= createPad(node, { width: hit.width, height: hit.height }, wx.getWindowInfo?.().pixelRatio ?? 2);
        resolve({ pad: node._pad, node });
      });
  });
}

/** The drawn signature as a PNG, uploaded under the signer's own prefix; its file id, or the reason it failed. */
export function uploadSignature(
  node: CanvasNode,
): Promise<{ ok: true; fileId: string } | { ok: false; message: string }> {
  return new Promise((resolve) => {
    wx.canvasToTempFilePath({
      canvas: node as unknown as WechatMiniprogram.Canvas,
      fileType: 'png',
      success: async (res) => {
        const up = await uploadFile(res.tempFilePath, 'signatures', 'png');
        resolve(up.ok ? { ok: true, fileId: up.fileId } : { ok: false, message: up.message });
      },
      fail: () => resolve({ ok: false, message: '签名图片生成失败，请重试' }),
    });
  });
}

/** Downloads the Word file from its short-lived link and opens it (转发/保存 in the menu); false on failure. */
export function openWord(url: string): Promise<boolean> {
  const persona: unknown = localServer() !== null ? wx.getStorageSync(DEV_OPENID_KEY) : '';
  return new Promise((resolve) => {
    wx.downloadFile({
      url: url.startsWith('/') ? `${localServer() ?? ''}${url}` : url,
      ...(typeof persona === 'string' && persona ? { header: { 'x-dev-openid': persona } } : {}),
      success: (res) => {
        if (res.statusCode !== 200) return resolve(false);
        wx.openDocument({
          filePath: res.tempFilePath,
          fileType: 'docx',
          showMenu: true,
          success: () => resolve(true),
          fail: () => resolve(false),
        });
      },
      fail: () => resolve(false),
    });
  });
}
