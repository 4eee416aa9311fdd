/**
 * The youth's own nomination in the current period at every step: a draft
 * not yet submitted, 待审核, 退回修改 (with the unit's comment), 已通过, 未通过
 * (with the reason); the masked record, the deeds, the history (R4.2), and
 * withdrawal (R9.2) after a confirmation that explains what it does, and the
 * withdrawal of the consent to processing the ID number and phone (PIPL art. 47).
 */
import type { ActionOption, DraftView, MineOptions, NominationView } from '../../../../core/contracts/nomination';
import { PERSONAL_INFO_CONSENT_VERSION } from '../../../../core/profile';
import type { Waiting } from '../../../../core/waiting';
import { waitingText } from '../../../../lib/waiting';
import { call } from '../../../../services/cloud';
import { forgetPersonal } from '../../../../services/personal-draft';
import { adoptSession, loadSession } from '../../../../services/session';
import { chinaDateTime } from '../../../../lib/format';
import { alertModal, confirmModal, go, toast } from '../../../../lib/ui';
import { textSize } from '../../../../behaviors/text-size';

const WITHDRAW_TEXT =
  '撤回后，本推荐将立即从单位、区县和团市委的所有名单和统计中移除，不能恢复；' +
  '您的身份证号、手机号等个人信息将在本期保留期满后删除。截止前如仍符合条件，可重新提交。确认撤回吗？';

const WITHDRAW_CONSENT_TEXT =
  '撤回后，我们将停止处理您的身份证号和手机号：进行中的推荐（待审核、退回修改、未备案的已通过）将立即撤回，' +
  '名额退回，记录在下一次定时清理时删除；草稿一并删除。已备案名单上的推荐仍保留在名单中，' +
  '但手机号立即删除、身份证号不再供查看。撤回后如需再次推荐，须重新同意。确认撤回授权吗？';

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
    case 'held':
      return {
        tone: 'warning',
        text: '本单位名单已备案锁定，您的推荐已保存，待区县团委重新开放名单后由单位审核（届时会通知您）。',
      };
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
    /** The consent to processing the ID number and phone is on record (PIPL art. 29), so it can be withdrawn. */
    consentGranted: false,
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
      const [res, me] = await Promise.all([call('nomination', 'getMine', {}), loadSession()]);
      const consent = me.ok ? me.data.consent : null;
      const consentGranted = consent !== null && consent.granted && consent.version === PERSONAL_INFO_CONSENT_VERSION;
      if (!res.ok) this.setData({ loading: false, error: res.message });
      else
        this.setData({
          loading: false,
          consentGranted,
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
        // Shown whole, never cut in a toast: the youth must act on it (a locked list…), issue 9 §5.
        void alertModal('未能撤回', res.message);
        if (res.code === 'NOMINATION.INVALID_STATE') void this.load();
        return;
      }
      wx.showToast({ title: '已撤回推荐', icon: 'success' });
      wx.reLaunch({ url: '/pages/home/index' });
    },

    /** PIPL art. 47: withdraw the consent, after a confirmation that says what follows. */
    async onWithdrawConsent() {
      if (this.data.withdrawing) return;
      if (!(await confirmModal('撤回个人信息处理授权', WITHDRAW_CONSENT_TEXT, '撤回授权'))) return;
      this.setData({ withdrawing: true });
      const res = await call('account', 'withdrawConsent', {});
      this.setData({ withdrawing: false });
      if (!res.ok) return alertModal('未能撤回授权', res.message);
      adoptSession(res.data.account);
      forgetPersonal(); // the numbers the form kept on the phone
      toast(this, '已撤回授权', 'success');
      await this.load();
    },

    onRetry() {
      void this.load();
    },
    onNominate() {
      go('/package-youth/pages/nomination/form/index');
    },
    onClaim() {
      go('/package-youth/pages/nomination/claim/index');
    },
  },
});
