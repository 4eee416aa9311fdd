/**
 * 导出汇总表 (R4.5): the 附件 “好青年”候选人汇总表 of the caller's unit, a
 * district or the city, as Word (to print and stamp) or Excel. The file holds
 * full ID and phone numbers (R9.1), so the link is short-lived and every
 * export is audited on the server.
 */
import { call, localServer } from '../../../../services/cloud';
import { chinaDateTime } from '../../../../lib/format';
import {
  absoluteLink,
  districtChoices,
  loadAdminScope,
  type AdminScope,
  type Choice,
} from '../../../../components/admin-scope';
import { toast } from '../../../../lib/ui';

type Format = 'docx' | 'xlsx';
type ScopeKind = 'unit' | 'district' | 'city';

const FORMATS: Choice[] = [
  { value: 'docx', label: 'Word（打印盖章用）' },
  { value: 'xlsx', label: 'Excel' },
];

const KINDS: Record<AdminScope['level'], Choice[]> = {
  unit: [{ value: 'unit', label: '本单位' }],
  district: [
    { value: 'district', label: '本区县' },
    { value: 'unit', label: '单个单位' },
  ],
  city: [
    { value: 'city', label: '全市' },
    { value: 'district', label: '区县' },
    { value: 'unit', label: '单个单位' },
  ],
};

interface ExportResult {
  fileName: string;
  rows: number;
  link: string;
  expires: string;
  format: Format;
}

interface Target {
  scope: ScopeKind;
  orgId: string;
}

interface Choosing {
  kind: ScopeKind | '';
  level: AdminScope['level'];
  own: { id: string };
  districtId: string;
  unit: { id: string } | null;
}

/** What to export, or null until a district or unit is chosen. */
function targetOf(d: Choosing): Target | null {
  switch (d.kind) {
    case 'city':
      return { scope: 'city', orgId: d.own.id };
    case 'district': {
      const orgId = d.level === 'district' ? d.own.id : d.districtId;
      return orgId ? { scope: 'district', orgId } : null;
    }
    case 'unit': {
      const orgId = d.level === 'unit' ? d.own.id : (d.unit?.id ?? '');
      return orgId ? { scope: 'unit', orgId } : null;
    }
    default:
      return null;
  }
}

Component({
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

    onKind(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ kind: e.detail.value as ScopeKind, unit: null, districtId: '', result: null, failure: '' });
    },
    onDistrict(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ districtId: e.detail.value, result: null, failure: '' });
    },
    onUnitChange(e: WechatMiniprogram.CustomEvent<{ unit: { id: string; name: string } | null }>) {
      this.setData({ unit: e.detail.unit, result: null, failure: '' });
    },
    onFormat(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ format: e.detail.value as Format, result: null, failure: '' });
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
        success: () => toast(this, '链接已复制，请在电脑浏览器中打开下载', 'success'),
        fail: () => toast(this, '复制失败，请长按链接手动复制'),
      });
    },

    /** In WeChat: download to a temp file and open it (Word/Excel preview, with 转发/保存 in the menu). */
    onOpen() {
      const result = this.data.result;
      if (!result || this.data.opening) return;
      this.setData({ opening: true });
      const failed = () => {
        this.setData({ opening: false });
        toast(this, '文件打开失败，请重新生成后再试');
      };
      wx.downloadFile({
        url: result.link,
        success: (res) => {
          if (res.statusCode !== 200) return failed();
          wx.openDocument({
            filePath: res.tempFilePath,
            fileType: result.format,
            showMenu: true,
            success: () => this.setData({ opening: false }),
            fail: failed,
          });
        },
        fail: failed,
      });
    },

    onRetry() {
      void this.init();
    },
  },
});
