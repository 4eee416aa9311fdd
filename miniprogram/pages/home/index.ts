/** Landing page: the current period and the entries the caller's roles open. */
import { timeLeft } from '../../core/china-time';
import { chinaDateText } from '../../lib/format';
import type { PeriodView } from '../../core/contracts/account';
import { STATUS_LABELS } from '../../core/nomination';
import { INVITABLE_BY, ROLE_LABELS } from '../../core/org';
import { ADMIN_ROLES } from '../../core/scope';
import { call } from '../../services/cloud';
import { hasRole, loadSession, type Session } from '../../services/session';
import { unreadCount } from '../../services/subscribe';
import { go, toast } from '../../lib/ui';
import { textSize } from '../../behaviors/text-size';

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
  /** Whoever may invite anyone (core/org INVITABLE_BY). */
  inviter: boolean;
  mentor: boolean;
}

function remainingText(p: PeriodView, now: Date): string {
  if (p.window === 'not_open') return `本期推荐将于${chinaDateText(p.nominationOpensAt)}开放`;
  const left = timeLeft(now, new Date(p.nominationDeadline));
  if (p.window === 'closed' || left.passed) return '本期推荐已截止';
  return left.days > 0 ? `距推荐截止还有 ${left.days} 天` : `距推荐截止还有 ${left.hours} 小时`;
}

function periodCard(p: PeriodView, now: Date): PeriodCard {
  return {
    name: p.name,
    open: p.window === 'open' && !timeLeft(now, new Date(p.nominationDeadline)).passed,
    deadline: chinaDateText(p.nominationDeadline),
    remaining: remainingText(p, now),
  };
}

function homeView(s: Session): HomeView {
  return {
    name: s.displayName,
    roles: s.roles.map((g) => (g.orgName ? `${ROLE_LABELS[g.role]} · ${g.orgName}` : ROLE_LABELS[g.role])),
    unregistered: s.roles.length === 0,
    youth: hasRole(s, ['youth']),
    unitText: s.unit ? [s.unit.districtName, s.unit.name].filter(Boolean).join(' · ') : '',
    reviewer: hasRole(s, ADMIN_ROLES),
    unitAdmin: hasRole(s, ['unitAdmin']),
    inviter: s.roles.some((g) => INVITABLE_BY[g.role].length > 0),
    mentor: hasRole(s, ['mentor']),
  };
}

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    view: null as HomeView | null,
    period: null as PeriodCard | null,
    periodError: '',
    mine: { loaded: false, has: false, draft: false, approved: false, status: '', error: '', rebind: false },
    pending: { loaded: false, count: 0, error: '' },
    /** The message centre's badge (issue 10). */
    unread: 0,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      // Coming back from another page: refresh what may have changed there (the session stays the launch's).
      if (!this.data.loading && this.data.view) void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const [session, period] = await Promise.all([loadSession(), call('account', 'currentPeriod', {})]);
      if (!session.ok) {
        this.setData({ loading: false, error: session.message });
        return;
      }
      const view = homeView(session.data);
      this.setData({
        loading: false,
        view,
        period: period.ok ? periodCard(period.data, new Date()) : null,
        periodError: period.ok ? '' : period.message,
      });
      await Promise.all([
        view.youth ? this.loadMine() : null,
        view.reviewer ? this.loadPending() : null,
        unreadCount().then((unread) => this.setData({ unread })),
      ]);
    },

    async loadMine() {
      const res = await call('nomination', 'getMine', {});
      if (!res.ok) {
        const failed = {
          loaded: true,
          has: false,
          draft: false,
          approved: false,
          status: '',
          error: res.message,
          rebind: false,
        };
        this.setData({ mine: failed });
        return;
      }
      const { nomination: n, draft, options } = res.data;
      const status = n ? STATUS_LABELS[n.status] : '';
      // A selected youth states goals and meets their mentor (issue 11).
      const approved = n?.status === 'approved';
      // 更换所在单位 only when account.bindUnit would accept it (issue 9 §13).
      const rebind = options.rebind.allowed;
      this.setData({
        mine: { loaded: true, has: n !== null, draft: !n && draft !== null, approved, status, error: '', rebind },
      });
    },

    async loadPending() {
      // Only what this cadre decides on (issue 9 §2): a district counts its units without an admin, not everyone's.
      const query = { status: 'submitted', decidable: true, page: 1, pageSize: 1 } as const;
      const res = await call('nomination', 'listForReview', query);
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
    /** Every entry names its page in `data-url`. */
    onGo(e: WechatMiniprogram.CustomEvent) {
      const { url } = e.currentTarget.dataset as { url?: string };
      if (url) go(url);
    },
  },
});
