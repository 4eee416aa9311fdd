/**
 * 认领单位推荐: a youth whom the unit nominated (组织推荐, R4.1) takes the
 * record over with the one-time code the unit handed over and their own ID
 * number. The ID number is processed even to match, so the separate consent
 * (PIPL art. 29) comes first.
 */
import { ClaimInput } from '../../../../core/contracts/forms';
import { normalizeIdNumber } from '../../../../core/id-number';
import { call, newRequestId } from '../../../../services/cloud';
import { accepts } from '../../../../services/form-errors';
import { refreshSession } from '../../../../services/session';
import { idFeedback } from '../../../../components/nomination-form/model';
import { normalizeCode } from '../../../../lib/format';
import { backTo, toast } from '../../../../lib/ui';
import { textSize } from '../../../../behaviors/text-size';

// The request id per page instance, renewed when the input changes (a retry reuses it).
const requestIds = new WeakMap<object, string>();

/** The instant ID feedback, and whether the contract (and the ID's check digit) would take the claim. */
function claimView(locked: boolean, code: string, idNumber: string) {
  const idTip = idFeedback(idNumber, null, new Date());
  const valid = accepts(ClaimInput, { claimCode: code, idNumber: normalizeIdNumber(idNumber) });
  return { idTip, canSubmit: !locked && valid && idTip.status === 'success' };
}

Component({
  behaviors: [textSize],
  data: {
    locked: true,
    code: '',
    idNumber: '',
    ...claimView(true, '', ''),
    error: '',
    submitting: false,
  },
  methods: {
    update(patch: { locked?: boolean; code?: string; idNumber?: string }) {
      const { locked, code, idNumber } = { ...this.data, ...patch };
      requestIds.delete(this);
      this.setData({ ...patch, ...claimView(locked, code, idNumber), error: '' });
    },

    onConsent(e: WechatMiniprogram.CustomEvent<{ granted: boolean }>) {
      this.update({ locked: !e.detail.granted });
    },
    onCode(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ code: normalizeCode(e.detail.value) });
    },
    onIdNumber(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ idNumber: e.detail.value });
    },

    async onSubmit() {
      if (!this.data.canSubmit || this.data.submitting) return;
      const requestId = requestIds.get(this) ?? newRequestId();
      requestIds.set(this, requestId);
      this.setData({ submitting: true, error: '' });
      const input = { claimCode: this.data.code, idNumber: normalizeIdNumber(this.data.idNumber) };
      const res = await call('nomination', 'claim', input, requestId);
      this.setData({ submitting: false });
      if (res.ok) {
        // Claiming binds the youth to the unit: the session asks again.
        await refreshSession();
        backTo('/package-youth/pages/nomination/mine/index');
        return;
      }
      this.setData({ error: res.message });
      toast(this, res.message);
      if (res.code === 'CONSENT.REQUIRED') {
        this.setData({ locked: true, canSubmit: false });
        (this.selectComponent('.consent') as unknown as { open(): void } | null)?.open();
      }
    },
  },
});
