/**
 * The youth's own nomination in the current period at every step: a draft
 * not yet submitted, 待审核, 退回修改 (with the unit's comment), 已通过, 未通过
 * (with the reason); the masked record, the deeds, the history (R4.2), and
 * withdrawal (R9.2) after a confirmation that explains what it does.
 */
import type { ActionOption, DraftView, MineOptions, NominationView } from '../../../core/contracts/nomination';
import type { Waiting } from '../../../core/waiting';
import { waitingText } from '../../../lib/waiting';
import { call } from '../../../services/cloud';
import { chinaDateTime } from '../../../lib/format';
import { confirmModal, go, toast } from '../../../lib/ui';
import { textSize } from '../../../behaviors/text-size';

const WITHDRAW_TEXT =
  '撤回后，本推荐将立即从单位、区县和团市委的所有名单和统计中移除，不能恢复；' +
  '您的身份证号、手机号等个人信息将在本期保留期满后删除。截止前如仍符合条件，可重新提交。确认撤回吗？';

interface Banner {
  tone: 'info' | 'warning' | 'success' | 'danger';
  text: string;
}

const lastComment = (n: NominationView, action: string): string =>
  [...n.history].reverse().find((h) => h.action === action)?.comment ?? '';

function bannerOf(n: NominationView, w: Waiting | null): Banner | null {
  const next = waitingText(w);
  switch (n.status) {
    case 'submitted':
      return { tone: 'info', text: `已提交，${next || '等待审核'}。` };
    case 'returned':
      return { tone: 'warning', text: `单位退回修改：${lastComment(n, 'return') || '请核对后重新提交'}` };
    case 'approved':
      return { tone: 'success', text: next ? `您的推荐已通过单位审核，${next}。` : '您的推荐已通过单位审核。' };
    case 'rejected':
      return { tone: 'danger', text: `未通过审核。原因：${lastComment(n, 'reject') || '未说明'}` };
    default:
      return null;
  }
}

/** Why 撤回推荐 is not offered, when the server says the action would refuse it for a reason the youth can act on. */
function withdrawNote(option: ActionOption | null): string {
  if (!option || option.allowed) return '';
  return option.code === 'FILING.LOCKED'
    ? '本单位名单已备案锁定，暂不能撤回推荐。如确需撤回，请联系单位管理员，由区县团委或团市委退回名单后办理。'
    : '';
}

/** Everything the page shows, derived from the answer. */
function viewOf(n: NominationView | null, draft: DraftView | null, options: MineOptions | null, w: Waiting | null) {
  return {
    nomination: n,
    banner: n ? bannerOf(n, w) : null,
    /** The draft's save time, when there is a draft and no nomination. */
    draftSaved: !n && draft ? chinaDateTime(draft.updatedAt) : '',
    // Offered only when the server, with the action's own rules, would accept it (issue 9 §13).
    canWithdraw: n !== null && options?.withdraw?.allowed === true,
    withdrawNote: n ? withdrawNote(options?.withdraw ?? null) : '',
  };
}

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    ...viewOf(null, null, null, null),
    withdrawing: false,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      if (!this.data.loading) void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await call('nomination', 'getMine', {});
      if (!res.ok) this.setData({ loading: false, error: res.message });
      else
        this.setData({
          loading: false,
          ...viewOf(res.data.nomination, res.data.draft, res.data.options, res.data.waiting),
        });
    },

    async onWithdraw() {
      const n = this.data.nomination;
      if (!n || this.data.withdrawing) return;
      const sure = await confirmModal('撤回推荐', WITHDRAW_TEXT, '撤回');
      if (!sure) return;
      this.setData({ withdrawing: true });
      const res = await call('nomination', 'withdraw', { nominationId: n.id });
      this.setData({ withdrawing: false });
      if (!res.ok) {
        toast(this, res.message);
        if (res.code === 'NOMINATION.INVALID_STATE') void this.load();
        return;
      }
      wx.showToast({ title: '已撤回推荐', icon: 'success' });
      wx.reLaunch({ url: '/pages/home/index' });
    },

    onRetry() {
      void this.load();
    },
    onNominate() {
      go('/pages/nomination/form/index');
    },
    onClaim() {
      go('/pages/nomination/claim/index');
    },
  },
});
