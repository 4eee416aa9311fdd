/**
 * 组织推荐 (R4.1): a unit admin enters the same form for a youth of their own
 * unit — the unit comes from the admin's roles, so no other unit can be
 * chosen. The admin attests that the youth agreed to the processing of the
 * ID number and phone. The one-time claim code is shown once, to hand over.
 * Opened with `youthId` (from 从青年名册推荐, issue 14) the form starts from
 * that imported youth's record: name, ID number, phone and post.
 */
import type { EligibilityRules } from '../../../../core/eligibility';
import { call } from '../../../../services/cloud';
import { loadSession } from '../../../../services/session';
import { nominationFormHost } from '../../../../behaviors/nomination-form-host';
import { nominationWindow } from '../../../../lib/period';
import { go, toast } from '../../../../lib/ui';
import { EMPTY_FORM } from '../../../../components/nomination-form/model';
import { textSize } from '../../../../behaviors/text-size';

interface Unit {
  id: string;
  name: string;
}

Component({
  behaviors: [textSize, nominationFormHost],
  data: {
    loading: true,
    error: '',
    units: [] as Unit[],
    unitId: '',
    rules: null as EligibilityRules | null,
    closed: '',
    consentObtained: false,
    /** The imported youth the form starts from (`?youthId=`), and their name once filled in. */
    youthId: '',
    fromYouth: '',
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
      const [me, period] = await Promise.all([loadSession(), call('account', 'currentPeriod', {})]);
      if (!me.ok) return this.setData({ loading: false, error: me.message });
      if (!period.ok) return this.setData({ loading: false, error: period.message });
      const units = me.data.roles.filter((g) => g.role === 'unitAdmin').map((g) => ({ id: g.orgId, name: g.orgName }));
      if (units.length === 0) return this.setData({ loading: false, error: '组织推荐仅限单位管理员使用' });
      this.setData({ loading: false, units, unitId: units[0].id, ...nominationWindow(period.data) });
      if (this.data.youthId) await this.prefill();
    },

    onLoad(query: { youthId?: string }) {
      if (!query.youthId) return;
      this.setData({ youthId: query.youthId });
      if (!this.data.loading && this.data.units.length > 0) void this.prefill();
    },

    /** Fills the form from the imported youth's record (an audited view of the numbers, for this form only). */
    async prefill() {
      const res = await call('registry', 'prefillNomination', { youthId: this.data.youthId });
      if (!res.ok) return toast(this, res.message);
      const p = res.data;
      if (this.data.units.some((u) => u.id === p.unitId)) this.setData({ unitId: p.unitId });
      this.setData({ fromYouth: p.name });
      const attestations = { ...EMPTY_FORM.attestations };
      this.resetForm({ ...EMPTY_FORM, attestations, name: p.name, idNumber: p.idNumber, phone: p.phone, post: p.post });
    },

    onCandidates() {
      go('/package-admin/pages/review/candidates/index');
    },

    onUnit(e: WechatMiniprogram.CustomEvent) {
      const id = (e.currentTarget.dataset as { id: string }).id;
      if (this.data.units.some((u) => u.id === id)) this.setData({ unitId: id });
      this.renewRequest();
    },

    onConsentObtained(e: WechatMiniprogram.CustomEvent<{ checked: boolean }>) {
      this.setData({ consentObtained: e.detail.checked === true });
    },

    async onSubmit() {
      const unit = this.data.units.find((u) => u.id === this.data.unitId);
      const res = await this.submitForm({
        blocked: !unit || !this.data.consentObtained || !!this.data.closed,
        question: (form) => [
          '确认提交组织推荐',
          `将以${unit?.name ?? ''}的名义推荐${form.name}，提交后进入本单位审核。确认提交吗？`,
          '提交',
        ],
        send: (form, requestId) =>
          call('nomination', 'nominateByUnit', { unitId: unit?.id ?? '', form, consentObtained: true }, requestId),
      });
      if (!res?.ok) return;
      const { nomination, claimCode } = res.data;
      this.setData({ result: { name: nomination.name, unitName: nomination.unitName, claimCode } });
    },

    onCopy() {
      const code = this.data.result?.claimCode;
      if (code) wx.setClipboardData({ data: code, success: () => toast(this, '认领码已复制', 'success') });
    },

    /** Starts the next nomination; the code just shown is gone for good. */
    onNext() {
      this.setData({ result: null, consentObtained: false, valid: false, youthId: '', fromYouth: '' });
      this.resetForm(EMPTY_FORM);
    },

    onDone() {
      wx.navigateBack({ fail: () => wx.reLaunch({ url: '/pages/home/index' }) });
    },

    onRetry() {
      void this.load();
    },
  },
});
