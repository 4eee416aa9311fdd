/**
 * 上传盖章汇总表: after filing, the unit sends back the printed and stamped
 * summary table (R4.5) as one PDF or as photos, one a page (up to 9). Each
 * file is hashed on the phone (SHA-256) and listed; the page count is the
 * number of photos, or entered for a PDF; the uploader enters the row count
 * on the stamped table. On submit the files are stored and recorded; the
 * server flags a row count that differs from the filed list. Emits
 * `uploaded` with `{ filing }`.
 */
import { MAX_SCAN_PAGES, type ScanKind } from '../../../core/filing';
import { call } from '../../../services/cloud';
import { chooseScanFiles, uploadFile } from '../../../services/storage';
import { hashFiles, type ScanRow } from './files';

interface ScanDialog {
  visible: boolean;
  kind: ScanKind;
  files: ScanRow[];
  pageCount: string;
  confirmedRows: string;
  error: string;
  busy: boolean;
  progress: string;
}

const CLOSED: ScanDialog = {
  visible: false,
  kind: 'photos',
  files: [],
  pageCount: '',
  confirmedRows: '',
  error: '',
  busy: false,
  progress: '',
};

/** A whole number within [min, max], or null. */
function wholeNumber(text: string, min: number, max: number): number | null {
  if (!/^\d{1,4}$/.test(text.trim())) return null;
  const n = Number(text.trim());
  return n >= min && n <= max ? n : null;
}

function scanNumbers(d: ScanDialog): { pageCount: number; confirmedRows: number } | string {
  // Photos are one a page: their number is the page count.
  const pageCount = d.kind === 'photos' ? d.files.length : wholeNumber(d.pageCount, 1, MAX_SCAN_PAGES);
  if (pageCount === null) return `请填写 PDF 的页数（1–${MAX_SCAN_PAGES}）`;
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
    busyKind: '' as ScanKind | '',
    progress: '',
    error: '',
    dialog: CLOSED,
  },
  methods: {
    onPickPdf() {
      return this.pick('pdf');
    },
    onPickPhotos() {
      return this.pick('photos');
    },

    /** Pick, check and hash the files, then open the dialog that lists them. */
    async pick(kind: ScanKind) {
      if (this.data.busy) return;
      this.setData({ error: '' });
      const picked = await chooseScanFiles(kind);
      if (!picked) return;
      if (!picked.ok) {
        this.setData({ error: picked.message });
        return;
      }
      this.setData({ busy: true, busyKind: kind, progress: '正在计算校验值…' });
      const rows = await hashFiles(kind, picked.files, (i, n) =>
        this.setData({ progress: n > 1 ? `正在计算校验值（${i}/${n}）…` : '正在计算校验值…' }),
      );
      if (typeof rows === 'string') {
        this.setData({ busy: false, busyKind: '', progress: '', error: rows });
        return;
      }
      const pageCount = kind === 'photos' ? String(rows.length) : '';
      this.setData({
        busy: false,
        busyKind: '',
        progress: '',
        dialog: { ...CLOSED, visible: true, kind, files: rows, pageCount },
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

    /** Stores the files not yet stored (a retry skips the ones that made it); false after a failure. */
    async storeFiles(): Promise<boolean> {
      const files = this.data.dialog.files;
      for (const [i, file] of files.entries()) {
        if (file.fileId) continue;
        const progress = files.length > 1 ? `正在上传（${i + 1}/${files.length}）…` : '正在上传…';
        this.setData({ 'dialog.progress': progress });
        const res = await uploadFile(file.path, 'scans', file.ext);
        if (!res.ok) {
          this.setData({ 'dialog.busy': false, 'dialog.progress': '', 'dialog.error': res.message });
          return false;
        }
        this.setData({ [`dialog.files[${i}].fileId`]: res.fileId });
      }
      return true;
    },

    async onConfirm() {
      const d = this.data.dialog;
      if (d.busy) return;
      const numbers = scanNumbers(d);
      if (typeof numbers === 'string') {
        this.setData({ 'dialog.error': numbers });
        return;
      }
      this.setData({ 'dialog.busy': true, 'dialog.error': '' });
      if (!(await this.storeFiles())) return;
      this.setData({ 'dialog.progress': '正在提交…' });
      const res = await call('admin', 'attachScan', {
        filingId: this.properties.filingId,
        kind: d.kind,
        files: this.data.dialog.files.map(({ fileId, sha256 }) => ({ fileId, sha256 })),
        ...numbers,
      });
      if (!res.ok) {
        this.setData({ 'dialog.busy': false, 'dialog.progress': '', 'dialog.error': res.message });
        return;
      }
      this.setData({ dialog: CLOSED });
      this.triggerEvent('uploaded', { filing: res.data.filing });
    },
  },
});
