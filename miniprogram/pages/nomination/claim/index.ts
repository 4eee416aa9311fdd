/**
 * 认领单位推荐: a youth whom the unit nominated (组织推荐, R4.1) takes the
 * record over with the one-time code the unit handed over and their own ID
 * number. The ID number is processed even to match, so the separate consent
 * (PIPL art. 29) comes first.
 */
import { normalizeIdNumber } from '../../../core/id-number';
import { call, newRequestId } from '../../../services/cloud';
import { idFeedback, type Feedback } from '../../../components/nomination-form/model';
import { toast } from '../../../lib/ui';

const CODE_LENGTH = 8;

/** Claim codes are upper-case letters and digits; people type them any way. */
const cleanCode = (raw: string): string =>
  raw
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, CODE_LENGTH);

// The request id per page instance, renewed when the input changes (a retry reuses it).
const requestIds = new WeakMap<object, string>();

Component({
  data: {
    locked: true,
    code: '',
    idNumber: '',
    idTip: { tip: '', status: 'default' } as Feedback,
    canSubmit: false,
    error: '',
    submitting: false,
  },
  methods: {
    update(patch: { code?: string; idNumber?: string }) {
      const next = { code: this.data.code, idNumber: this.data.idNumber, ...patch };
      const idTip = idFeedback(next.idNumber, null, new Date());
      const canSubmit = !this.data.locked && next.code.length === CODE_LENGTH && idTip.status === 'success';
      requestIds.delete(this);
      this.setData({ ...patch, idTip, canSubmit, error: '' });
    },

    onConsent(e: WechatMiniprogram.CustomEvent<{ granted: boolean }>) {
      this.setData({ locked: !e.detail.granted });
      this.update({});
    },

    onCode(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ code: cleanCode(e.detail.value) });
    },

    onIdNumber(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ idNumber: e.detail.value });
    },

    async onSubmit() {
      if (!this.data.canSubmit || this.data.submitting) return;
      const requestId = requestIds.get(this) ?? newRequestId();
      requestIds.set(this, requestId);
      this.setData({ submitting: true, error: '' });
      const res = await call(
        'nomination',
        'claim',
        { claimCode: this.data.code, idNumber: normalizeIdNumber(this.data.idNumber) },
        requestId,
      );
      this.setData({ submitting: false });
      if (res.ok) {
        wx.redirectTo({ url: '/pages/nomination/mine/index' });
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
