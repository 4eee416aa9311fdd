/**
 * 管理工作台: the entries a unit, district or city admin needs (R3, R4, R8),
 * each with a live figure where one query gives it cheaply.
 */
import { FILING_LABELS } from '../../../core/filing';
import { ROLE_LABELS, type OrgLevel } from '../../../core/org';
import { call } from '../../../services/cloud';
import { loadAdminScope, type Session } from '../../../services/session';
import { go } from '../../../lib/ui';
import { textSize } from '../../../behaviors/text-size';

type AdminLevel = OrgLevel;

type EntryKey =
  | 'dashboard'
  | 'quotas'
  | 'quota-requests'
  | 'roster'
  | 'filings'
  | 'objections'
  | 'export'
  | 'audit'
  | 'notice'
  | 'notifications'
  | 'access'
  | 'group'
  | 'matching'
  | 'service-queue'
  | 'service-dashboard'
  | 'service-offers'
  | 'service-catalogue'
  | 'service-coverage'
  | 'import'
  | 'database'
  | 'period'
  | 'compare'
  | 'changes'
  | 'ledger'
  | 'pipeline'
  | 'reserve'
  | 'honours'
  | 'health';

interface Entry {
  key: EntryKey;
  title: string;
  desc: string;
  url: string;
  figure: string;
}

const URLS: Partial<Record<EntryKey, string>> = {
  notice: '/package-notice/pages/notice/index',
  group: '/package-admin/pages/mentoring/group/index',
  matching: '/package-admin/pages/mentoring/matching/index',
  'service-queue': '/package-services/pages/queue/index',
  'service-dashboard': '/package-services/pages/dashboard/index',
  'service-offers': '/package-services/pages/offers/index',
  'service-catalogue': '/package-services/pages/catalogue/index',
  'service-coverage': '/package-services/pages/insurance/index',
  import: '/package-data/pages/import/index',
  database: '/package-data/pages/database/index',
  period: '/package-data/pages/period/index',
  compare: '/package-data/pages/compare/index',
  ledger: '/package-cultivation/pages/ledger/index',
  pipeline: '/package-cultivation/pages/pipeline/index',
  reserve: '/package-cultivation/pages/reserve/index',
  honours: '/package-admin/pages/cultivation/honours/index',
  health: '/package-admin/pages/mentoring/health/index',
};

const entry = (key: EntryKey, title: string, desc: string): Entry => ({
  key,
  title,
  desc,
  url: URLS[key] ?? `/package-admin/pages/admin/${key}/index`,
  figure: '',
});

const UNIT_ENTRIES: Entry[] = [
  entry('quotas', '名额', '本单位建议名额与已通过人数'),
  entry('quota-requests', '名额申请', '向区县团委申请增加名额'),
  entry('roster', '花名册', '本单位推荐人员，按条件筛选'),
  entry('filings', '备案', '提交备案、上传盖章汇总表'),
  entry('objections', '异议处理', '核实公示期间收到的异议'),
  entry('export', '导出汇总表', '“好青年”候选人汇总表（Word/Excel）'),
  entry('notice', '公示名单', '查看公示中的好青年'),
  entry('database', '青年库', '在册青年与校友、待确认提醒、信息变更审核'),
  entry('changes', '信息变更审核', '青年申请转入本单位或变更岗位，待本单位审核'),
  entry('import', '导入青年名册', '按模板导入本单位青年名册（Excel）'),
  entry('ledger', '培养台账', '培养措施、谈心交流、待确认记录'),
  entry('pipeline', '推优入党', '入党培养各阶段，好青年优先'),
  entry('reserve', '后备干部', '推荐好青年为后备干部，查看进展'),
  entry('honours', '评优评先', '符合条件的好青年排名，生成推荐审批表'),
  entry('notifications', '通知送达', '各类通知的微信送达、仅站内和失败数'),
];

const OVERSEER_ENTRIES: Entry[] = [
  entry('dashboard', '工作看板', '进度、截止倒计时、覆盖情况'),
  entry('quotas', '名额管理', '各单位建议名额，调整名额'),
  entry('quota-requests', '名额申请', '审批单位的增加名额申请'),
  entry('roster', '花名册', '辖区推荐人员，按条件筛选'),
  entry('filings', '备案情况', '各单位备案进度，提醒与退回'),
  entry('objections', '异议', '公示异议及处理情况'),
  entry('export', '导出汇总表', '全市、区县或单位的汇总表'),
  entry('notice', '公示名单', '查看公示中的好青年'),
  entry('group', '导师服务团', '各区县导师及结对负荷，暂停或恢复导师'),
  entry('matching', '结对管理', '一键匹配、审核草案、发布结对'),
  entry('service-queue', '服务工单', '青年的服务申请：受理、进展、办结，超时优先'),
  entry('service-dashboard', '服务看板', '各类服务的受理、办结用时、超时率、满意度和志愿服务覆盖'),
  entry('service-offers', '政策找人', '按条件向符合的青年推送政策，查看触达和申请人数'),
  entry('service-catalogue', '服务目录与经办人', '服务类型、办理时限、敏感服务和各级经办人'),
  entry('service-coverage', '保险与守信激励', '登记好青年的意外保险和守信激励，查看覆盖情况'),
  entry('ledger', '培养台账', '各单位谈心交流覆盖、一年无培养名单'),
  entry('pipeline', '推优入党', '辖区入党培养各阶段，好青年优先'),
  entry('reserve', '后备干部库', '入库、考察、任用或退出，理由留档'),
  entry('honours', '评优评先', '发起评选、按培养记录排名、推荐审批表'),
  entry('health', '结对健康度', '各导师、单位、区县的培养进展'),
  entry('notifications', '通知送达', '各类通知的微信送达、仅站内和失败数'),
  entry('access', '账号与权限', '撤销下级管理员权限、作废未使用的邀请码'),
  entry('database', '青年库', '在册青年与校友、超一年未确认的一键提醒'),
  entry('import', '导入单位与青年人数', '按模板导入组织架构和青年人数（Excel）'),
  entry('compare', '各期对比', '各期入选、覆盖、两新占比、培养和服务的图表'),
];

/** The city also reads the audit trail of reveals and exports (issue 9). */
const CITY_ENTRIES: Entry[] = [
  ...OVERSEER_ENTRIES,
  entry('audit', '查看与导出记录', '谁在何时因何查看完整号码、导出汇总表'),
  entry('period', '开启新一期', '设置新一期规则，上一期入选青年转为校友'),
];

type Figures = Partial<Record<EntryKey, string>>;

/** What the workbench tells someone without an admin role, naming who they are (issue 9 §17). */
function notForYou(session: Session): string {
  const roles = session.roles.map((g) => ROLE_LABELS[g.role]).join('、');
  const who = roles ? `您当前的身份是${roles}，` : '';
  return `管理工作台供单位、区县和团市委管理员使用。${who}无需使用工作台；如需开通管理员账号，请向上级团组织申请邀请码。`;
}

async function objectionsFigure(): Promise<Figures> {
  const res = await call('admin', 'objections', { status: 'open', page: 1, pageSize: 1 });
  return res.ok ? { objections: res.data.total > 0 ? `待处理 ${res.data.total} 条` : '暂无待处理' } : {};
}

async function unitFigures(unitId: string): Promise<Figures> {
  const [quota, filing, changes] = await Promise.all([
    call('admin', 'quotas', { page: 1, pageSize: 1 }),
    call('admin', 'filings', { page: 1, pageSize: 1 }),
    call('registry', 'changes', { unitId, page: 1, pageSize: 1 }),
  ]);
  const figures: Figures = {};
  if (changes.ok) figures.changes = changes.data.total > 0 ? `待审核 ${changes.data.total} 条` : '暂无待审核';
  const q = quota.ok ? quota.data.items[0] : undefined;
  if (q) figures.quotas = `已通过 ${q.approved} / 名额 ${q.limit}`;
  if (filing.ok) {
    const f = filing.data.items[0];
    figures.filings = f ? FILING_LABELS[f.state] : '由区县统一备案';
  }
  return figures;
}

async function overseerFigures(): Promise<Figures> {
  const res = await call('admin', 'dashboard', {});
  if (!res.ok) return {};
  const d = res.data;
  return {
    dashboard: `已通过 ${d.approved} / 目标 ${d.target}`,
    filings: `已备案 ${d.filing.filed} / ${d.filing.total}`,
  };
}

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    /** False when the caller holds no admin role: 重新加载 cannot help them. */
    retryable: true,
    level: '' as AdminLevel | '',
    /** The unit of a unit admin (its pending changes are counted). */
    orgId: '',
    levelLabel: '',
    orgName: '',
    entries: [] as Entry[],
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      // Back from a page that may have changed a figure (a filing, a resolved objection).
      if (this.data.level) void this.loadFigures(this.data.level);
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await loadAdminScope();
      if (!res.ok) {
        const forbidden = res.forbidden;
        this.setData({ loading: false, error: forbidden ? notForYou(forbidden) : res.message, retryable: !forbidden });
        return;
      }
      const { role, level, orgName, orgId } = res.scope;
      const entries = level === 'unit' ? UNIT_ENTRIES : level === 'city' ? CITY_ENTRIES : OVERSEER_ENTRIES;
      this.setData({ loading: false, level, orgId, levelLabel: ROLE_LABELS[role], orgName, entries });
      await this.loadFigures(level);
    },

    async loadFigures(level: AdminLevel) {
      const parts = await Promise.all([
        objectionsFigure(),
        level === 'unit' ? unitFigures(this.data.orgId) : overseerFigures(),
      ]);
      const figures: Figures = Object.assign({}, ...parts);
      const patch: Record<string, string> = {};
      this.data.entries.forEach((e, i) => {
        const figure = figures[e.key];
        if (figure !== undefined && figure !== e.figure) patch[`entries[${i}].figure`] = figure;
      });
      if (Object.keys(patch).length > 0) this.setData(patch);
    },

    onEntry(e: WechatMiniprogram.CustomEvent) {
      const { url } = e.currentTarget.dataset as { url?: string };
      if (url) go(url);
    },
    onRetry() {
      void this.load();
    },
    onHome() {
      wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
