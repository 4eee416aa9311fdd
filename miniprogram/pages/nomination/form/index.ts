/**
 * Self-nomination (个人自荐, R4.1) around the shared form. The separate
 * consent (PIPL art. 29) is asked when the form opens, never at launch.
 * Drafts are saved as the youth types, without the ID number and phone,
 * which stay on the phone until the submit. A double tap or a retry reuses
 * the request id, so it creates one nomination.
 */
import type { PeriodView } from '../../../core/contracts/account';
import type { NominationView } from '../../../core/contracts/nomination';
import type { EligibilityRules } from '../../../core/eligibility';
import { ACTIVE_STATUSES, STATUS_LABELS } from '../../../core/nomination';
import { call, newRequestId, type CallFailure } from '../../../services/cloud';
import { errorText } from '../../../services/error-text';
import { chinaDateTime } from '../../../lib/format';
import {
  draftOf,
  EMPTY_FORM,
  fieldOf,
  formFrom,
  toSubmission,
  type FormHandle,
  type FormState,
} from '../../../components/nomination-form/model';
import { confirmModal, go, toast } from '../../../lib/ui';

/** Where the ID number and phone wait on the phone between visits (never in a server draft). */
const PERSONAL_KEY = 'hqn.selfNomination.personal';
const AUTOSAVE_MS = 800;
const MINE_URL = '/pages/nomination/mine/index';

interface Session {
  form: FormState;
  /** Kept while the form is unchanged, so a retry is the same request to the server. */
  requestId: string;
  timer: number | null;
  submitting: boolean;
  alive: boolean;
}

// Per-page state that is never rendered, kept out of `data` (and out of setData).
const sessions = new WeakMap<object, Session>();

function session(owner: object): Session {
  let s = sessions.get(owner);
  if (!s) {
    s = { form: EMPTY_FORM, requestId: newRequestId(), timer: null, submitting: false, alive: true };
    sessions.set(owner, s);
  }
  return s;
}

function readPersonal(): { idNumber?: unknown; phone?: unknown } | null {
  const saved: unknown = wx.getStorageSync(PERSONAL_KEY);
  return typeof saved === 'object' && saved !== null ? saved : null;
}

/** An existing nomination that blocks a new one: anything active except one returned for changes. */
function blocking(n: NominationView | null): NominationView | null {
  return n && ACTIVE_STATUSES.includes(n.status) && n.status !== 'returned' ? n : null;
}

function closedText(p: PeriodView): string {
  if (p.window === 'open') return '';
  return errorText(p.window === 'closed' ? 'PERIOD.CLOSED' : 'PERIOD.NOT_OPEN', {
    deadline: p.nominationDeadline,
    opensAt: p.nominationOpensAt,
  });
}

const lastComment = (n: NominationView, action: string): string =>
  [...n.history].reverse().find((h) => h.action === action)?.comment ?? '';

const savedText = (iso: string): string => `草稿已保存 ${chinaDateTime(iso).slice(11)}`;

Component({
  data: {
    loading: true,
    loadError: '',
    unbound: false,
    /** Why the period does not accept nominations now ('' = open). */
    closed: '',
    rules: null as EligibilityRules | null,
    existing: null as { status: string } | null,
    returnedComment: '',
    locked: true,
    valid: false,
    formError: '',
    submitting: false,
    draftSaved: '',
    draftError: '',
  },
  lifetimes: {
    attached() {
      session(this);
      void this.load();
    },
    detached() {
      this.flushDraft();
      session(this).alive = false;
    },
  },
  pageLifetimes: {
    hide() {
      this.flushDraft();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, loadError: '' });
      const [period, mine] = await Promise.all([
        call('account', 'currentPeriod', {}),
        call('nomination', 'getMine', {}),
      ]);
      if (!period.ok) return this.setData({ loading: false, loadError: period.message });
      if (!mine.ok) return this.loadFailed(mine);
      const { nomination, draft } = mine.data;
      const block = blocking(nomination);
      if (block) return this.setData({ loading: false, existing: { status: STATUS_LABELS[block.status] } });
      // A returned record is the start; a later draft and the numbers kept on the phone go over it.
      const returned = nomination && nomination.status === 'returned' ? nomination : null;
      const initial = formFrom(returned, draft?.fields, readPersonal());
      session(this).form = initial;
      this.setData({
        loading: false,
        rules: { cutoffBirthDate: period.data.cutoffBirthDate, minAge: period.data.minAge },
        closed: closedText(period.data),
        returnedComment: returned ? lastComment(returned, 'return') : '',
        draftSaved: draft ? savedText(draft.updatedAt) : '',
      });
      this.form()?.setValue(initial);
    },

    loadFailed(failure: CallFailure) {
      // Only a youth bound to a unit may nominate themself (the server answers FORBIDDEN otherwise).
      const unbound = failure.code === 'AUTH.FORBIDDEN';
      this.setData({ loading: false, unbound, loadError: unbound ? errorText('ACCOUNT.NOT_BOUND') : failure.message });
    },

    form(): FormHandle | null {
      return this.selectComponent('.form') as unknown as FormHandle | null;
    },

    onConsent(e: WechatMiniprogram.CustomEvent<{ granted: boolean; answered: boolean }>) {
      const { granted, answered } = e.detail;
      if (granted === this.data.locked) this.setData({ locked: !granted });
      if (granted || !answered) return;
      // Refused: nothing personal is kept, not even on the phone.
      wx.removeStorageSync(PERSONAL_KEY);
      const form = session(this).form;
      if (form.idNumber || form.phone) this.form()?.setValue({ ...form, idNumber: '', phone: '' });
    },

    onReadConsent() {
      const consent = this.selectComponent('.consent') as unknown as { open(): void } | null;
      consent?.open();
    },

    onFormChange(e: WechatMiniprogram.CustomEvent<{ value: FormState; valid: boolean; field: string }>) {
      const s = session(this);
      const { value, valid, field } = e.detail;
      s.form = value;
      if (valid !== this.data.valid) this.setData({ valid });
      if (!field) return;
      s.requestId = newRequestId();
      if (this.data.formError) this.setData({ formError: '' });
      if (field === 'idNumber' || field === 'phone') {
        wx.setStorageSync(PERSONAL_KEY, { idNumber: value.idNumber, phone: value.phone });
        return;
      }
      this.scheduleDraft();
    },

    scheduleDraft() {
      const s = session(this);
      if (this.data.closed) return;
      if (s.timer !== null) clearTimeout(s.timer);
      s.timer = setTimeout(() => void this.saveDraft(), AUTOSAVE_MS);
    },

    cancelDraft(): boolean {
      const s = session(this);
      if (s.timer === null) return false;
      clearTimeout(s.timer);
      s.timer = null;
      return true;
    },

    flushDraft() {
      if (this.cancelDraft()) void this.saveDraft();
    },

    async saveDraft() {
      const s = session(this);
      s.timer = null;
      const res = await call('nomination', 'saveDraft', { fields: draftOf(s.form) });
      if (!s.alive) return;
      if (res.ok) this.setData({ draftSaved: savedText(res.data.draft.updatedAt), draftError: '' });
      else this.setData({ draftError: `草稿未能保存：${res.message}` });
    },

    async onSubmit() {
      const s = session(this);
      const form = toSubmission(s.form);
      if (!form || !this.data.valid || s.submitting || this.data.closed) return;
      s.submitting = true;
      const sure = await confirmModal(
        '确认提交',
        '提交后将由所在单位审核，审核期间不能修改。确认提交个人自荐吗？',
        '提交',
      );
      if (!sure) {
        s.submitting = false;
        return;
      }
      const draftPending = this.cancelDraft();
      this.setData({ submitting: true, formError: '' });
      const res = await call('nomination', 'submitSelf', form, s.requestId);
      s.submitting = false;
      this.setData({ submitting: false });
      if (res.ok) {
        wx.removeStorageSync(PERSONAL_KEY);
        wx.redirectTo({ url: MINE_URL });
        return;
      }
      if (draftPending) this.scheduleDraft();
      this.showFailure(res);
    },

    showFailure(failure: CallFailure) {
      toast(this, failure.message);
      if (failure.code === 'CONSENT.REQUIRED') {
        this.setData({ locked: true });
        this.onReadConsent();
        return;
      }
      const field = fieldOf(failure);
      if (field) this.form()?.showErrors({ [field]: failure.message });
      else this.setData({ formError: failure.message });
    },

    onRetry() {
      void this.load();
    },
    onViewMine() {
      wx.redirectTo({ url: MINE_URL });
    },
    onBindUnit() {
      go('/pages/account/bind-unit/index');
    },
  },
});
