/** Landing page: the current period and the entries the caller's roles open. */
import { chinaDate, chineseDate, timeLeft } from '../../core/china-time';
import type { MeOutput, PeriodView } from '../../core/contracts/account';
import { STATUS_LABELS } from '../../core/nomination';
import { ROLE_LABELS, type Role } from '../../core/org';
import { call } from '../../services/cloud';
import { go, toast } from '../../lib/ui';

const REVIEWER_ROLES: readonly Role[] = ['unitAdmin', 'districtAdmin', 'cityAdmin'];
const INVITER_ROLES: readonly Role[] = ['cityAdmin', 'districtAdmin'];

interface PeriodCard {
  name: string;
  open: boolean;
  deadline: string;
  /** 剩余天数 or the reason the window is not open. */
  remaining: string;
}

interface HomeView {
  name: string;
  roles: string[];
  unregistered: boolean;
  youth: boolean;
  unitText: string;
  reviewer: boolean;
  /** 组织推荐 is for the unit's own admin (R4.1). */
  unitAdmin: boolean;
  inviter: boolean;
  mentor: boolean;
}

const chinaDay = (iso: string): string => chineseDate(chinaDate(new Date(iso)));

function remainingText(p: PeriodView, now: Date): string {
  if (p.window === 'not_open') return `本期推荐将于${chinaDay(p.nominationOpensAt)}开放`;
  const left = timeLeft(now, new Date(p.nominationDeadline));
  if (p.window === 'closed' || left.passed) return '本期推荐已截止';
  return left.days > 0 ? `距推荐截止还有 ${left.days} 天` : `距推荐截止还有 ${left.hours} 小时`;
}

function periodCard(p: PeriodView, now: Date): PeriodCard {
  return {
    name: p.name,
    open: p.window === 'open' && !timeLeft(now, new Date(p.nominationDeadline)).passed,
    deadline: chinaDay(p.nominationDeadline),
    remaining: remainingText(p, now),
  };
}

function homeView(me: MeOutput): HomeView {
  const has = (roles: readonly Role[]) => me.roles.some((g) => roles.includes(g.role));
  return {
    name: me.displayName ?? '',
    roles: me.roles.map((g) => (g.orgName ? `${ROLE_LABELS[g.role]} · ${g.orgName}` : ROLE_LABELS[g.role])),
    unregistered: me.roles.length === 0,
    youth: has(['youth']),
    unitText: me.unit ? [me.unit.districtName, me.unit.name].filter(Boolean).join(' · ') : '',
    reviewer: has(REVIEWER_ROLES),
    unitAdmin: has(['unitAdmin']),
    inviter: has(INVITER_ROLES),
    mentor: has(['mentor']),
  };
}

Component({
  data: {
    loading: true,
    error: '',
    view: null as HomeView | null,
    period: null as PeriodCard | null,
    periodError: '',
    mine: { loaded: false, has: false, draft: false, status: '', error: '' },
    pending: { loaded: false, count: 0, error: '' },
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      // Coming back from another page: refresh what may have changed there.
      if (!this.data.loading && this.data.view) void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const [me, period] = await Promise.all([call('account', 'me', {}), call('account', 'currentPeriod', {})]);
      if (!me.ok) {
        this.setData({ loading: false, error: me.message });
        return;
      }
      const view = homeView(me.data);
      this.setData({
        loading: false,
        view,
        period: period.ok ? periodCard(period.data, new Date()) : null,
        periodError: period.ok ? '' : period.message,
      });
      await Promise.all([view.youth ? this.loadMine() : null, view.reviewer ? this.loadPending() : null]);
    },

    async loadMine() {
      const res = await call('nomination', 'getMine', {});
      if (!res.ok) {
        this.setData({ mine: { loaded: true, has: false, draft: false, status: '', error: res.message } });
        return;
      }
      const { nomination: n, draft } = res.data;
      const status = n ? STATUS_LABELS[n.status] : '';
      this.setData({ mine: { loaded: true, has: n !== null, draft: !n && draft !== null, status, error: '' } });
    },

    async loadPending() {
      const res = await call('nomination', 'listForReview', { status: 'submitted', page: 1, pageSize: 1 });
      if (!res.ok) {
        this.setData({ pending: { loaded: true, count: 0, error: res.message } });
        toast(this, res.message);
        return;
      }
      this.setData({ pending: { loaded: true, count: res.data.total, error: '' } });
    },

    onRetry() {
      void this.load();
    },
    onBindUnit() {
      go('/pages/account/bind-unit/index');
    },
    onInvite() {
      go('/pages/account/invite/index');
    },
    onSelfNominate() {
      go('/pages/nomination/form/index');
    },
    onMine() {
      go('/pages/nomination/mine/index');
    },
    onReview() {
      go('/package-admin/pages/review/pending/index');
    },
    onUnitNominate() {
      go('/package-admin/pages/review/unit-nominate/index');
    },
    onClaim() {
      go('/pages/nomination/claim/index');
    },
    onWorkbench() {
      go('/package-admin/pages/admin/index');
    },
    onNotice() {
      go('/package-notice/pages/notice/index');
    },
  },
});
