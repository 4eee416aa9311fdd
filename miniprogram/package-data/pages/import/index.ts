/**
 * 数据导入 (issue 14): the city or a district imports units and head-counts, a unit admin its youth list.
 * Download the template, choose the filled workbook from a WeChat chat, see what would change and every row's
 * error, fix and choose again, then apply — all rows or none.
 */
import type { ImportPreview, ImportResult } from '../../../core/contracts/registry';
import type { ImportKind } from '../../../core/registry-import';
import { textSize } from '../../../behaviors/text-size';
import { call } from '../../../services/cloud';
import { loadAdminScope } from '../../../services/session';
import { confirmModal, toast } from '../../../lib/ui';
import { chooseAndUploadWorkbook, openFile } from '../../lib/files';

const KIND_TEXT: Record<ImportKind, string> = { orgs: '单位与青年人数', youths: '本单位青年名册' };
const CHANGE_TEXT = { new: '新增', changed: '变更', unchanged: '不变' } as const;

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    kind: 'orgs' as ImportKind,
    kindText: KIND_TEXT.orgs,
    fileId: '',
    busy: false,
    preview: null as
      (ImportPreview & { rows: Array<{ row: number; change: string; name: string; detail: string }> }) | null,
    result: null as ImportResult | null,
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  methods: {
    async init() {
      const who = await loadAdminScope();
      if (!who.ok) return this.setData({ loading: false, error: who.message });
      const kind: ImportKind = who.scope.role === 'unitAdmin' ? 'youths' : 'orgs';
      this.setData({ loading: false, kind, kindText: KIND_TEXT[kind] });
    },
    onRetry() {
      this.setData({ loading: true });
      void this.init();
    },
    async onTemplate() {
      const res = await call('registry', 'importTemplate', { kind: this.data.kind });
      if (!res.ok) return toast(this, res.message);
      if (!(await openFile(res.data.url, 'xlsx', res.data.fileName))) toast(this, '模板下载失败，请重试');
    },
    async onChoose() {
      const uploaded = await chooseAndUploadWorkbook();
      if (!uploaded) return;
      if (!uploaded.ok) return toast(this, uploaded.message);
      this.setData({ fileId: uploaded.fileId, result: null });
      await this.preview();
    },
    async preview() {
      this.setData({ busy: true });
      const res = await call('registry', 'previewImport', { kind: this.data.kind, fileId: this.data.fileId });
      this.setData({ busy: false });
      if (!res.ok) return toast(this, res.message);
      const rows = res.data.changes.map((c) => ({ ...c, change: CHANGE_TEXT[c.change] }));
      this.setData({ preview: { ...res.data, rows } });
    },
    async onApply() {
      const p = this.data.preview;
      if (!p || p.errors.length > 0) return;
      const { new: added, changed } = p.counts;
      const ok = await confirmModal('确认导入', `将新增 ${added} 条、变更 ${changed} 条，导入后不可撤销。`, '导入');
      if (!ok) return;
      this.setData({ busy: true });
      const res = await call('registry', 'applyImport', { kind: this.data.kind, fileId: this.data.fileId });
      this.setData({ busy: false });
      if (!res.ok) return toast(this, res.message);
      this.setData({ result: res.data, preview: null, fileId: '' });
      toast(this, '导入完成', 'success');
    },
  },
});
