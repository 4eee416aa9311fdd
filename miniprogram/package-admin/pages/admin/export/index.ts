/**
 * 导出汇总表 (R4.5): the 附件 “好青年”候选人汇总表 of the caller's unit, a
 * district or the city, as Word (to print and stamp) or Excel. The file holds
 * full ID and phone numbers (R9.1), so the link is short-lived and every
 * export is audited on the server.
 */
import { call, localServer } from '../../../../services/cloud';
import { loadAdminScope, type AdminScope } from '../../../../services/session';
import { chinaDateTime } from '../../../../lib/format';
import { toast } from '../../../../lib/ui';
import { districtChoices, type Choice } from '../../../lib/choices';
import { FORMATS, KINDS, targetOf, type Format, type ScopeKind } from '../../../lib/export';
import { absoluteLink, openDocument, saveDocument } from '../../../lib/links';
import { textSize } from '../../../../behaviors/text-size';

interface ExportResult {
  fileName: string;
  rows: number;
  link: string;
  expires: string;
  format: Format;
}

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    level: 'unit' as AdminScope['level'],
    own: { id: '', name: '' },
    kinds: [] as Choice[],
    kind: '' as ScopeKind | '',
    districts: [] as Choice[],
    districtId: '',
    unit: null as { id: string; name: string } | null,
    pickerDistrictId: '',
    formats: FORMATS,
    format: 'docx' as Format,
    generating: false,
    failure: '',
    result: null as ExportResult | null,
    local: false,
    opening: false,
    saving: false,
  },
  lifetimes: {
    attached() {
      void this.init();
    },
  },
  methods: {
    async init() {
      this.setData({ loading: true, error: '', local: localServer() !== null });
      const who = await loadAdminScope();
      if (!who.ok) {
        this.setData({ loading: false, error: who.message });
        return;
      }
      const { level, orgId, orgName, districtId } = who.scope;
      const districts = level === 'city' ? (await districtChoices(orgId)).slice(1) : [];
      this.setData({
        loading: false,
        level,
        own: { id: orgId, name: orgName },
        kinds: KINDS[level],
        kind: KINDS[level][0].value as ScopeKind,
        districts,
        pickerDistrictId: districtId,
      });
    },

    /** A new choice: the last result and failure no longer apply. */
    choose(patch: Record<string, unknown>) {
      this.setData({ ...patch, result: null, failure: '' });
    },
    onKind(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.choose({ kind: e.detail.value as ScopeKind, unit: null, districtId: '' });
    },
    onDistrict(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.choose({ districtId: e.detail.value });
    },
    onUnitChange(e: WechatMiniprogram.CustomEvent<{ unit: { id: string; name: string } | null }>) {
      this.choose({ unit: e.detail.unit });
    },
    onFormat(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.choose({ format: e.detail.value as Format });
    },

    async onGenerate() {
      if (this.data.generating) return;
      const target = targetOf(this.data);
      if (!target) {
        this.setData({ failure: this.data.kind === 'unit' ? '请先选择单位' : '请先选择区县' });
        return;
      }
      const format = this.data.format;
      this.setData({ generating: true, failure: '', result: null });
      const res = await call('export', 'summaryTable', { ...target, format });
      if (!res.ok) {
        this.setData({ generating: false, failure: res.message });
        return;
      }
      const { fileName, rows, url, expiresAt } = res.data;
      this.setData({
        generating: false,
        result: { fileName, rows, link: absoluteLink(url), expires: chinaDateTime(expiresAt), format },
      });
    },

    onCopy() {
      const link = this.data.result?.link;
      if (!link) return;
      wx.setClipboardData({
        data: link,
        success: () => toast(this, `链接已复制，${this.data.result?.expires}前可在电脑浏览器中打开下载`, 'success'),
        fail: () => toast(this, '复制失败，请改用“保存文件”'),
      });
    },

    /** Saves under the real name: in WeChat sent to a chat or 文件传输助手; in the preview the browser's download. */
    async onSave() {
      const result = this.data.result;
      if (!result || this.data.saving) return;
      this.setData({ saving: true });
      const saved = await saveDocument(result.link, result.fileName);
      this.setData({ saving: false });
      if (!saved) toast(this, '文件未保存：链接可能已过期，请重新生成后再试');
    },

    /** The file opens in the phone's document preview (a new tab in the browser preview). */
    async onOpen() {
      const result = this.data.result;
      if (!result || this.data.opening) return;
      this.setData({ opening: true });
      const opened = await openDocument(result.link, result.format);
      this.setData({ opening: false });
      if (!opened) toast(this, '文件打开失败：链接可能已过期，请重新生成后再试');
    },

    onRetry() {
      void this.init();
    },
  },
});
