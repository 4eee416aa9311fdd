/**
 * Self-nomination (个人自荐, R4.1). Eligibility feedback is instant and uses
 * the same core rules as the server (R2); the server stays the authority and
 * its field errors are shown under the field they concern.
 */
import { chineseDate } from '../../../core/china-time';
import type { PeriodView } from '../../../core/contracts/account';
import type { NominationView, SelfNominationInput } from '../../../core/contracts/nomination';
import { checkEligibility, type EligibilityRules } from '../../../core/eligibility';
import { isMobilePhone, normalizeIdNumber } from '../../../core/id-number';
import { ACTIVE_STATUSES, STATUS_LABELS } from '../../../core/nomination';
import { call, type CallFailure } from '../../../services/cloud';
import { errorText } from '../../../services/error-text';
import { confirmModal, go, toast } from '../../../components/ui';
import { SEX_LABELS } from '../../../components/format';

type Field = keyof SelfNominationInput;
type Status = 'default' | 'success' | 'error';

interface Feedback {
  tip: string;
  status: Status;
}

type FormView = Record<Field, Feedback> & { canSubmit: boolean };

const FIELDS: readonly Field[] = ['name', 'idNumber', 'phone', 'post', 'onStaff'];
const NEUTRAL: Feedback = { tip: '', status: 'default' };
const ID_LENGTH = 18;

function idFeedback(idNumber: string, rules: EligibilityRules, now: Date): Feedback {
  const id = normalizeIdNumber(idNumber);
  if (id.length === 0) return NEUTRAL;
  if (id.length < ID_LENGTH) return { tip: `请输入18位身份证号（已输入${id.length}位）`, status: 'default' };
  const verdict = checkEligibility({ idNumber: id }, rules, now);
  if (!verdict.ok) return { tip: errorText(verdict.error.code, verdict.error.params), status: 'error' };
  const { birthDate, sex } = verdict.value;
  return { tip: `出生日期：${chineseDate(birthDate)}，性别：${SEX_LABELS[sex]}`, status: 'success' };
}

function phoneFeedback(phone: string): Feedback {
  if (phone.length < 11) return NEUTRAL;
  return isMobilePhone(phone) ? NEUTRAL : { tip: errorText('ELIGIBILITY.PHONE_FORMAT'), status: 'error' };
}

function onStaffFeedback(onStaff: boolean): Feedback {
  return onStaff ? NEUTRAL : { tip: errorText('ELIGIBILITY.NOT_ON_STAFF'), status: 'error' };
}

/** What the form shows for the current input; a server error on a field wins until that field changes. */
function formView(
  form: SelfNominationInput,
  rules: EligibilityRules,
  now: Date,
  server: Partial<Record<Field, string>>,
): FormView {
  const local: Record<Field, Feedback> = {
    name: NEUTRAL,
    idNumber: idFeedback(form.idNumber, rules, now),
    phone: phoneFeedback(form.phone),
    post: NEUTRAL,
    onStaff: onStaffFeedback(form.onStaff),
  };
  const eligible = checkEligibility(form, rules, now).ok;
  const filled = form.name.trim() !== '' && form.post.trim() !== '';
  const view = { canSubmit: eligible && filled } as FormView;
  for (const f of FIELDS) {
    const serverTip = server[f];
    view[f] = serverTip ? { tip: serverTip, status: 'error' } : local[f];
    if (serverTip) view.canSubmit = false;
  }
  return view;
}

const SERVER_FIELDS = new Set<string>(FIELDS);

/** The field a server failure concerns: `details.field` (eligibility) or the first input issue's path. */
function fieldOf(failure: CallFailure): Field | null {
  const d = failure.details ?? {};
  const issues = Array.isArray(d.issues) ? (d.issues as Array<{ path?: unknown }>) : [];
  const candidate = typeof d.field === 'string' ? d.field : issues.length > 0 ? String(issues[0].path ?? '') : '';
  return SERVER_FIELDS.has(candidate) ? (candidate as Field) : null;
}

/** An existing nomination that blocks a new submission: anything active except one returned for changes. */
function blocking(n: NominationView | null): NominationView | null {
  return n && ACTIVE_STATUSES.includes(n.status) && n.status !== 'returned' ? n : null;
}

const EMPTY_FORM: SelfNominationInput = { name: '', idNumber: '', phone: '', post: '', onStaff: true };
const INITIAL_VIEW: FormView = {
  name: NEUTRAL,
  idNumber: NEUTRAL,
  phone: NEUTRAL,
  post: NEUTRAL,
  onStaff: NEUTRAL,
  canSubmit: false,
};

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
    form: { ...EMPTY_FORM },
    serverErrors: {} as Partial<Record<Field, string>>,
    view: INITIAL_VIEW,
    formError: '',
    submitting: false,
  },
  lifetimes: {
    attached() {
      void this.load();
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
      if (!mine.ok) {
        // Only a youth bound to a unit may nominate themself (the server answers FORBIDDEN otherwise).
        const unbound = mine.code === 'AUTH.FORBIDDEN';
        this.setData({ loading: false, unbound, loadError: unbound ? errorText('ACCOUNT.NOT_BOUND') : mine.message });
        return;
      }
      this.applyPeriod(period.data);
      this.applyMine(mine.data.nomination);
      this.setData({ loading: false });
      this.refresh();
    },

    applyPeriod(p: PeriodView) {
      const closed =
        p.window === 'open'
          ? ''
          : errorText(p.window === 'closed' ? 'PERIOD.CLOSED' : 'PERIOD.NOT_OPEN', {
              deadline: p.nominationDeadline,
              opensAt: p.nominationOpensAt,
            });
      this.setData({ rules: { cutoffBirthDate: p.cutoffBirthDate, minAge: p.minAge }, closed });
    },

    applyMine(n: NominationView | null) {
      const block = blocking(n);
      if (block) {
        this.setData({ existing: { status: STATUS_LABELS[block.status] } });
        return;
      }
      if (n && n.status === 'returned') {
        // Masked numbers cannot be resubmitted: the youth re-enters ID and phone.
        const comment = [...n.history].reverse().find((h) => h.action === 'return')?.comment ?? '';
        this.setData({ returnedComment: comment, form: { ...this.data.form, name: n.name, post: n.post } });
      }
    },

    refresh() {
      const rules = this.data.rules;
      if (!rules) return;
      this.setData({ view: formView(this.data.form, rules, new Date(), this.data.serverErrors) });
    },

    update(patch: Partial<SelfNominationInput>) {
      const serverErrors = { ...this.data.serverErrors };
      for (const key of Object.keys(patch)) delete serverErrors[key as Field];
      this.setData({ form: { ...this.data.form, ...patch }, serverErrors, formError: '' });
      this.refresh();
    },

    onName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ name: e.detail.value });
    },
    onIdNumber(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ idNumber: e.detail.value });
    },
    onPhone(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ phone: e.detail.value });
    },
    onPost(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ post: e.detail.value });
    },
    onOnStaff(e: WechatMiniprogram.CustomEvent<{ value: boolean }>) {
      this.update({ onStaff: e.detail.value });
    },
    onToggleOnStaff() {
      this.update({ onStaff: !this.data.form.onStaff });
    },
    noop() {
      // Swallows the switch's tap so the row does not toggle it a second time.
    },

    async onSubmit() {
      if (!this.data.view.canSubmit || this.data.submitting || this.data.closed) return;
      const ok = await confirmModal(
        '确认提交',
        '提交后将由所在单位审核，审核期间不能修改。确认提交个人自荐吗？',
        '提交',
      );
      if (!ok) return;
      this.setData({ submitting: true, formError: '' });
      const { name, idNumber, phone, post, onStaff } = this.data.form;
      const res = await call('nomination', 'submitSelf', {
        name: name.trim(),
        idNumber: normalizeIdNumber(idNumber),
        phone: phone.trim(),
        post: post.trim(),
        onStaff,
      });
      this.setData({ submitting: false });
      if (res.ok) {
        wx.redirectTo({ url: '/pages/nomination/mine/index' });
        return;
      }
      this.showFailure(res);
    },

    showFailure(failure: CallFailure) {
      const field = fieldOf(failure);
      if (field) {
        this.setData({ serverErrors: { ...this.data.serverErrors, [field]: failure.message } });
        this.refresh();
      } else {
        this.setData({ formError: failure.message });
      }
      toast(this, failure.message);
    },

    onRetry() {
      void this.load();
    },
    onViewMine() {
      wx.redirectTo({ url: '/pages/nomination/mine/index' });
    },
    onBindUnit() {
      go('/pages/account/bind-unit/index');
    },
  },
});
