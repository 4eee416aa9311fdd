/**
 * 上传盖章汇总表: after filing, the unit photographs the printed and stamped
 * summary table (R4.5). The photo is hashed on the phone (SHA-256), stored,
 * and recorded with its page count and the row count the uploader confirms;
 * the server flags a row count that differs from the filed list. Emits
 * `uploaded` with `{ filing }`.
 */
import { call } from '../../services/cloud';
import { sha256Hex } from '../admin-sha256/index';
import { MAX_SCAN_BYTES, pickScan, readBytes, uploadScan } from './files';

interface ScanDialog {
  visible: boolean;
  fileId: string;
  sha256: string;
  pageCount: string;
  confirmedRows: string;
  error: string;
  busy: boolean;
}

const CLOSED: ScanDialog = {
  visible: false,
  fileId: '',
  sha256: '',
  pageCount: '',
  confirmedRows: '',
  error: '',
  busy: false,
};

/** A whole number within [min, max], or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

function scanNumbers(d: ScanDialog): { pageCount: number; confirmedRows: number } | string {
  const pageCount = wholeNumber(d.pageCount, 1, 200);
  if (pageCount === null) return '请填写汇总表页数（1–200）';
  const confirmedRows = wholeNumber(d.confirmedRows, 0, 5000);
  if (confirmedRows === null) return '请填写盖章汇总表上的人数（行数）';
  return { pageCount, confirmedRows };
}

Component({
  properties: {
    filingId: { type: String, value: '' },
    approvedRows: { type: Number, value: 0 },
    hasScan: { type: Boolean, value: false },
  },
  data: {
    busy: false,
    progress: '',
    error: '',
    dialog: CLOSED,
  },
  methods: {
    async onPick() {
      if (this.data.busy) return;
      this.setData({ error: '' });
      const picked = await pickScan();
      if (!picked) return;
      if (picked.size > MAX_SCAN_BYTES) {
        this.setData({ error: '照片不能超过 5 MB，请压缩后重新选择' });
        return;
      }
      this.setData({ busy: true, progress: '正在计算校验值…' });
      const bytes = await readBytes(picked.path);
      if (!bytes) {
        this.setData({ busy: false, progress: '', error: '无法读取所选照片，请重新选择' });
        return;
      }
      const sha256 = sha256Hex(bytes);
      this.setData({ progress: '正在上传…' });
      const uploaded = await uploadScan(picked.path);
      if (!uploaded.ok) {
        this.setData({ busy: false, progress: '', error: uploaded.message });
        return;
      }
      this.setData({
        busy: false,
        progress: '',
        dialog: { ...CLOSED, visible: true, fileId: uploaded.value, sha256, pageCount: '1' },
      });
    },

    onPageCount(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'dialog.pageCount': e.detail.value, 'dialog.error': '' });
    },
    onConfirmedRows(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ 'dialog.confirmedRows': e.detail.value, 'dialog.error': '' });
    },
    onCancel() {
      if (!this.data.dialog.busy) this.setData({ dialog: CLOSED });
    },

    async onConfirm() {
      const d = this.data.dialog;
      if (d.busy) return;
      const numbers = scanNumbers(d);
      if (typeof numbers === 'string') {
        this.setData({ 'dialog.error': numbers });
        return;
      }
      this.setData({ 'dialog.busy': true });
      const res = await call('admin', 'attachScan', {
        filingId: this.properties.filingId,
        fileId: d.fileId,
        sha256: d.sha256,
        ...numbers,
      });
      if (!res.ok) {
        this.setData({ 'dialog.busy': false, 'dialog.error': res.message });
        return;
      }
      this.setData({ dialog: CLOSED });
      this.triggerEvent('uploaded', { filing: res.data.filing });
    },
  },
});
