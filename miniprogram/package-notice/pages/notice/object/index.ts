/**
 * 我有异议: anyone may object to a youth in the public notice (R8). The
 * objection goes to the reviewing unit, which must dispose of it before the
 * list can be filed. The request id is kept across retries, so a tap after a
 * lost answer never files the same objection twice. The contract's schema
 * checks the text before it is sent (services/form-errors.ts).
 */
import { ObjectionInput } from '../../../../core/contracts/forms';
import { call, newRequestId } from '../../../../services/cloud';
import { formErrors, limitsOf } from '../../../../services/form-errors';
import { textSize } from '../../../../behaviors/text-size';

const LABELS = { content: { label: '异议内容', ask: '请具体说明' }, objectorName: '您的姓名' };

/** Query values arrive undecoded from WeChat; a bad escape is shown as it came. */
function decoded(value: string | undefined): string {
  try {
    return value ? decodeURIComponent(value) : '';
  } catch {
    return value ?? '';
  }
}

interface Typed {
  content: string;
  objectorName: string;
  contact: string;
}

/**
 * The request, and the message of its first field at fault (content, the name, then contact); the server checks
 * the rest. The notice asks for 实名反映, so the name is required here (issue 9 §17).
 */
function objection(nominationId: string, typed: Typed) {
  const name = typed.objectorName.trim();
  const contact = typed.contact.trim();
  const input = { nominationId, content: typed.content.trim(), ...(name ? { objectorName: name } : {}) };
  const sent = { ...input, ...(contact ? { contact } : {}) };
  const errors = formErrors(ObjectionInput, sent, LABELS);
  const missingName = name ? '' : '请填写您的姓名';
  return { input: sent, error: errors.content ?? (missingName || errors.objectorName) ?? errors.contact ?? '' };
}

Component({
  behaviors: [textSize],
  data: {
    nominationId: '',
    name: '',
    content: '',
    objectorName: '',
    contact: '',
    limits: limitsOf(ObjectionInput),
    error: '',
    busy: false,
    done: false,
    requestId: '',
  },
  methods: {
    onLoad(query: { id?: string; name?: string }) {
      const nominationId = decoded(query.id);
      this.setData({
        nominationId,
        name: decoded(query.name),
        requestId: newRequestId(),
        error: nominationId ? '' : '未指定公示人员，请从公示名单进入',
      });
    },
    onContent(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ content: e.detail.value, error: '' });
    },
    onObjectorName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ objectorName: e.detail.value, error: '' });
    },
    onContact(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ contact: e.detail.value, error: '' });
    },

    async onSubmit() {
      const { nominationId, busy, requestId } = this.data;
      if (busy || !nominationId) return;
      const { input, error } = objection(nominationId, this.data);
      if (error) return this.setData({ error });
      this.setData({ busy: true, error: '' });
      const res = await call('notice', 'object', input, requestId);
      this.setData(res.ok ? { busy: false, done: true } : { busy: false, error: res.message });
    },

    onBack() {
      wx.navigateBack({ delta: 1, fail: () => wx.redirectTo({ url: '/package-notice/pages/notice/index' }) });
    },
  },
});
