/**
 * 组织推荐 (R4.1): a unit admin enters the same form for a youth of their own
 * unit — the unit comes from the admin's roles, so no other unit can be
 * chosen. The admin attests that the youth agreed to the processing of the
 * ID number and phone. The one-time claim code is shown once, to hand over.
 */
import type { PeriodView } from '../../../../core/contracts/account';
import type { EligibilityRules } from '../../../../core/eligibility';
import { call, newRequestId, type CallFailure } from '../../../../services/cloud';
import { errorText } from '../../../../services/error-text';
import {
  EMPTY_FORM,
  fieldOf,
  toSubmission,
  type FormHandle,
  type FormState,
} from '../../../../components/nomination-form/model';
import { confirmModal, toast } from '../../../../lib/ui';

interface Unit {
  id: string;
  name: string;
}

interface Session {
  form: FormState;
  requestId: string;
  submitting: boolean;
}

const sessions = new WeakMap<object, Session>();

function session(owner: object): Session {
  let s = sessions.get(owner);
  if (!s) {
    s = { form: EMPTY_FORM, requestId: newRequestId(), submitting: false };
    sessions.set(owner, s);
  }
  return s;
}

function closedText(p: PeriodView): string {
  if (p.window === 'open') return '';
  return errorText(p.window === 'closed' ? 'PERIOD.CLOSED' : 'PERIOD.NOT_OPEN', {
    deadline: p.nominationDeadline,
    opensAt: p.nominationOpensAt,
  });
}

Component({
  data: {
    loading: true,
    error: '',
    units: [] as Unit[],
    unitId: '',
    rules: null as EligibilityRules | null,
    closed: '',
    valid: false,
    consentObtained: false,
    formError: '',
    submitting: false,
    /** Shown once after the submit; never stored. */
    result: null as { name: string; unitName: string; claimCode: string } | null,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const [me, period] = await Promise.all([call('account', 'me', {}), call('account', 'currentPeriod', {})]);
      if (!me.ok || !period.ok) {
        this.setData({ loading: false, error: !me.ok ? me.message : period.ok ? '' : period.message });
        return;
      }
      const units = me.data.roles.filter((g) => g.role === 'unitAdmin').map((g) => ({ id: g.orgId, name: g.orgName }));
      if (units.length === 0) {
        this.setData({ loading: false, error: '组织推荐仅限单位管理员使用' });
        return;
      }
      this.setData({
        loading: false,
        units,
        unitId: units[0].id,
        rules: { cutoffBirthDate: period.data.cutoffBirthDate, minAge: period.data.minAge },
        closed: closedText(period.data),
      });
    },

    onUnit(e: WechatMiniprogram.CustomEvent) {
      const id = (e.currentTarget.dataset as { id: string }).id;
      if (this.data.units.some((u) => u.id === id)) this.setData({ unitId: id });
      session(this).requestId = newRequestId();
    },

    onFormChange(e: WechatMiniprogram.CustomEvent<{ value: FormState; valid: boolean; field: string }>) {
      const s = session(this);
      s.form = e.detail.value;
      if (e.detail.valid !== this.data.valid) this.setData({ valid: e.detail.valid });
      if (!e.detail.field) return;
      s.requestId = newRequestId();
      if (this.data.formError) this.setData({ formError: '' });
    },

    onConsentObtained(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ consentObtained: e.detail.checked === true });
    },

    async onSubmit() {
      const s = session(this);
      const form = toSubmission(s.form);
      const unit = this.data.units.find((u) => u.id === this.data.unitId);
      if (!form || !unit || !this.data.valid || !this.data.consentObtained || s.submitting || this.data.closed) return;
      s.submitting = true;
      const sure = await confirmModal(
        '确认提交组织推荐',
        `将以${unit.name}的名义推荐${form.name}，提交后进入本单位审核。确认提交吗？`,
        '提交',
      );
      if (!sure) {
        s.submitting = false;
        return;
      }
      this.setData({ submitting: true, formError: '' });
      const res = await call(
        'nomination',
        'nominateByUnit',
        { unitId: unit.id, form, consentObtained: true },
        s.requestId,
      );
      s.submitting = false;
      this.setData({ submitting: false });
      if (!res.ok) {
        this.showFailure(res);
        return;
      }
      const { nomination, claimCode } = res.data;
      this.setData({ result: { name: nomination.name, unitName: nomination.unitName, claimCode } });
    },

    showFailure(failure: CallFailure) {
      toast(this, failure.message);
      const field = fieldOf(failure);
      if (field) this.form()?.showErrors({ [field]: failure.message });
      else this.setData({ formError: failure.message });
    },

    onCopy() {
      const code = this.data.result?.claimCode;
      if (!code) return;
      wx.setClipboardData({ data: code, success: () => toast(this, '认领码已复制', 'success') });
    },

    /** Starts the next nomination; the code just shown is gone for good. */
    onNext() {
      const s = session(this);
      s.form = EMPTY_FORM;
      s.requestId = newRequestId();
      this.setData({ result: null, consentObtained: false, valid: false });
      this.form()?.setValue({});
    },

    form(): FormHandle | null {
      return this.selectComponent('.form') as unknown as FormHandle | null;
    },

    onDone() {
      wx.navigateBack({ fail: () => wx.reLaunch({ url: '/pages/home/index' }) });
    },

    onRetry() {
      void this.load();
    },
  },
});
