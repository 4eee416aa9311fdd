/**
 * 我的 (tab): who I am (name, unit, roles, the masked phone of my nomination), my nomination this period with what
 * it waits for, and what I agreed to and when (PIPL art. 29; the showcase consent of R8.1). Only sections that work
 * are shown; nothing here reveals a full number (R9.1).
 */
import type { MineOptions, NominationView } from '../../core/contracts/nomination';
import { STATUS_LABELS } from '../../core/nomination';
import { ROLE_LABELS } from '../../core/org';
import { call } from '../../services/cloud';
import { hasRole, loadSession, type Session } from '../../services/session';
import { chinaDateTime } from '../../lib/format';
import { go } from '../../lib/ui';
import { waitingText } from '../../lib/waiting';
import type { Waiting } from '../../core/waiting';
import { textSize } from '../../behaviors/text-size';

interface ConsentRow {
  title: string;
  answer: string;
  note: string;
}

interface MeView {
  name: string;
  unitText: string;
  roles: string[];
  unbound: boolean;
  youth: boolean;
}

interface MineView {
  status: string;
  /** Who it waits on now (core/waiting.ts), e.g. 等待越城区智造科技有限公司管理员审核. */
  next: string;
  statusKey: string;
  phone: string;
  unitName: string;
}

function meView(s: Session): MeView {
  return {
    name: s.displayName || '未填写姓名',
    unitText: s.unit ? [s.unit.districtName, s.unit.name].filter(Boolean).join(' · ') : '',
    roles: s.roles.map((g) => (g.orgName ? `${ROLE_LABELS[g.role]} · ${g.orgName}` : ROLE_LABELS[g.role])),
    unbound: s.roles.length === 0,
    youth: hasRole(s, ['youth']),
  };
}

function consentRows(s: Session, n: NominationView | null): ConsentRow[] {
  const rows: ConsentRow[] = [];
  if (s.consent) {
    rows.push({
      title: '个人信息处理规则（身份证号、手机号）',
      answer: `${s.consent.granted ? '已同意' : '未同意'} ${chinaDateTime(s.consent.at)}`,
      note: `规则版本 ${s.consent.version}`,
    });
  }
  if (n) {
    rows.push({
      title: '公开展示典型事迹（公示和展示）',
      answer: n.showcaseConsent ? '同意' : '不同意',
      note: n.submittedAt ? `随推荐提交于 ${chinaDateTime(n.submittedAt)}` : '随推荐填写',
    });
  }
  return rows;
}

const mineView = (n: NominationView, w: Waiting | null): MineView => ({
  status: STATUS_LABELS[n.status],
  next: waitingText(w),
  statusKey: n.status,
  phone: n.phoneMasked,
  unitName: n.unitName,
});

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    me: null as MeView | null,
    mine: null as MineView | null,
    mineError: '',
    options: null as MineOptions | null,
    consents: [] as ConsentRow[],
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      if (!this.data.loading && this.data.me) void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const session = await loadSession();
      if (!session.ok) return this.setData({ loading: false, error: session.message });
      const me = meView(session.data);
      const res = me.youth ? await call('nomination', 'getMine', {}) : null;
      const n = res?.ok ? res.data.nomination : null;
      this.setData({
        loading: false,
        me,
        mine: n ? mineView(n, res?.ok ? res.data.waiting : null) : null,
        mineError: res && !res.ok ? res.message : '',
        consents: consentRows(session.data, n),
      });
    },

    onRetry() {
      void this.load();
    },
    onGo(e: WechatMiniprogram.CustomEvent) {
      const { url } = e.currentTarget.dataset as { url?: string };
      if (url) go(url);
    },
  },
});
