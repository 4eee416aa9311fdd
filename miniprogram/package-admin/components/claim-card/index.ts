/**
 * A unit-entered record's claim (认领, issue 9): whether the youth has taken it over in the app and, for the unit's
 * admin while it is unclaimed, a new one-time code (the old one stops working) to hand over again.
 */
import { call } from '../../../services/cloud';
import { confirmModal } from '../../../lib/ui';

const REISSUE_TEXT =
  '重新生成后，原认领码立即失效，错误尝试次数清零。请将新认领码当面或通过可信渠道交给本人，由其在小程序“认领推荐”中使用。';

Component({
  properties: {
    nominationId: { type: String, value: '' },
    claimed: { type: Boolean, value: false },
    /** The unit's own admin may reissue (the server checks it again). */
    mayReissue: { type: Boolean, value: false },
  },
  data: { code: '', busy: false, error: '' },
  methods: {
    async onReissue() {
      if (this.data.busy || !(await confirmModal('重新生成认领码', REISSUE_TEXT, '重新生成'))) return;
      this.setData({ busy: true, error: '' });
      const res = await call('nomination', 'reissueClaimCode', { nominationId: this.properties.nominationId });
      this.setData({ busy: false, ...(res.ok ? { code: res.data.claimCode } : { error: res.message }) });
    },
    onCopy() {
      wx.setClipboardData({ data: this.data.code });
    },
  },
});
