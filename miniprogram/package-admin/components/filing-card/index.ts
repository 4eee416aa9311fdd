/**
 * One filing (备案, R4.4) as a card: state, rows, objections, who filed and
 * when, the reason it was sent back, and the stamped table with its row-count
 * check. Actions go in the slot.
 */
import type { FilingView } from '../../../core/contracts/admin';
import { FILING_LABELS, type FilingState } from '../../../core/filing';
import { chinaDateTime } from '../../../lib/format';
import { call } from '../../../services/cloud';
import { openDocument, type DocumentType } from '../../lib/links';

type Theme = 'default' | 'success' | 'warning';

const THEMES: Record<FilingState, Theme> = { open: 'default', filed: 'success', reopened: 'warning' };

interface Row {
  label: string;
  value: string;
}

interface CardView {
  name: string;
  stateLabel: string;
  theme: Theme;
  rows: Row[];
  reopenReason: string;
  objections: number;
  /** Issue 9 §3: submitted while the list was locked, waiting for it to reopen. */
  waiting: number;
  scanRows: Row[];
  /** 查看盖章扫描件: one button for the PDF, one a page for photos. */
  scanFiles: Array<{ index: number; label: string; type: DocumentType }>;
  mismatch: string;
}

function scanFiles(f: FilingView): CardView['scanFiles'] {
  if (!f.scan) return [];
  const many = f.scan.files.length > 1;
  return f.scan.files.map((file, index) => ({
    index,
    label: many ? `查看第${index + 1}页` : '查看盖章扫描件',
    type: (/\.(pdf|png)$/.exec(file.fileId)?.[1] ?? 'jpg') as DocumentType,
  }));
}

function baseRows(f: FilingView): Row[] {
  const rows: Row[] = [];
  if (f.districtName) rows.push({ label: '所属', value: f.districtName });
  rows.push({ label: f.state === 'filed' ? '备案人数' : '已通过人数', value: `${f.approvedRows} 人` });
  // Issue 9 §4: an empty list is filed only as a declaration, and the card says so.
  if (f.emptyReason) rows.push({ label: '备案声明', value: `本单位本期无推荐人选：${f.emptyReason}` });
  if (f.filedAt) rows.push({ label: '备案时间', value: chinaDateTime(f.filedAt) });
  if (f.filedByName) rows.push({ label: '备案人', value: f.filedByName });
  return rows;
}

const shortHash = (sha256: string): string => `SHA-256 ${sha256.slice(0, 16)}…`;

/** One hash row for a PDF or a single photo; one a page for several photos. */
function hashRows(scan: NonNullable<FilingView['scan']>): Row[] {
  if (scan.files.length === 1) return [{ label: '校验值', value: shortHash(scan.files[0].sha256) }];
  return scan.files.map((file, i) => ({ label: `第${i + 1}页`, value: shortHash(file.sha256) }));
}

function scanRows(f: FilingView): Row[] {
  if (!f.scan) return [];
  const { kind, files, pageCount, confirmedRows } = f.scan;
  const form = kind === 'pdf' ? 'PDF' : `照片 ${files.length} 张`;
  return [
    { label: '盖章汇总表', value: `${form}，${pageCount} 页，确认 ${confirmedRows} 行` },
    { label: '上传', value: `${f.scan.uploadedByName || '—'} · ${chinaDateTime(f.scan.at)}` },
    ...hashRows(f.scan),
  ];
}

function cardView(f: FilingView): CardView {
  return {
    name: f.name,
    stateLabel: FILING_LABELS[f.state],
    theme: THEMES[f.state],
    rows: baseRows(f),
    reopenReason: f.state === 'reopened' ? (f.reopenReason ?? '') : '',
    objections: f.openObjections,
    waiting: f.waiting,
    scanRows: scanRows(f),
    scanFiles: scanFiles(f),
    mismatch:
      f.rowMismatch && f.scan
        ? `盖章汇总表确认 ${f.scan.confirmedRows} 行，系统备案 ${f.approvedRows} 人，行数不一致，请核实`
        : '',
  };
}

const isView = (f: Partial<FilingView>): f is FilingView => typeof f.id === 'string' && f.id !== '';

Component({
  properties: {
    filing: { type: Object, value: {} },
  },
  data: { view: null as CardView | null, opening: -1, scanError: '' },
  observers: {
    filing(f: Partial<FilingView>) {
      this.setData({ view: isView(f) ? cardView(f) : null, scanError: '' });
    },
  },
  methods: {
    /** A short-lived link issued after the scope check (admin.scanLink), downloaded and opened (issue 9 §7). */
    async onOpenScan(e: WechatMiniprogram.CustomEvent) {
      const { index } = e.currentTarget.dataset as { index?: number };
      const filing = this.properties.filing as Partial<FilingView>;
      const file = this.data.view?.scanFiles.find((s) => s.index === index);
      if (!file || !filing.id || this.data.opening >= 0) return;
      this.setData({ opening: file.index, scanError: '' });
      const res = await call('admin', 'scanLink', { filingId: filing.id, index: file.index });
      const opened = res.ok && (await openDocument(res.data.url, file.type));
      this.setData({
        opening: -1,
        scanError: opened ? '' : res.ok ? '扫描件打开失败，请稍后重试' : res.message,
      });
    },
  },
});
