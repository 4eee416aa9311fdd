/**
 * 我有异议: anyone may object to a youth in the public notice (R8). The
 * objection goes to the reviewing unit, which must dispose of it before the
 * list can be filed. The request id is kept across retries, so a tap after a
 * lost answer never files the same objection twice.
 */
import { call, newRequestId } from '../../../../services/cloud';

const CONTENT_MIN = 10;
const CONTENT_MAX = 500;

function validation(content: string, contact: string): string {
  if (content.length < CONTENT_MIN) return `请具体说明异议内容（至少${CONTENT_MIN}个字）`;
  if (content.length > CONTENT_MAX) return `异议内容不超过${CONTENT_MAX}个字`;
  if (contact.length > 30) return '联系方式不超过30个字';
  return '';
}

/** Query values arrive undecoded from WeChat; a bad escape is shown as it came. */
function decoded(value: string | undefined): string {
  try {
    return value ? decodeURIComponent(value) : '';
  } catch {
    return value ?? '';
  }
}

Component({
  data: {
    nominationId: '',
    name: '',
    content: '',
    contact: '',
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
    onContact(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ contact: e.detail.value, error: '' });
    },

    async onSubmit() {
      const { nominationId, busy, requestId } = this.data;
      const content = this.data.content.trim();
      const contact = this.data.contact.trim();
      if (busy || !nominationId) return;
      const invalid = validation(content, contact);
      if (invalid) {
        this.setData({ error: invalid });
        return;
      }
      this.setData({ busy: true, error: '' });
      const res = await call('notice', 'object', { nominationId, content, ...(contact ? { contact } : {}) }, requestId);
      if (!res.ok) {
        this.setData({ busy: false, error: res.message });
        return;
      }
      this.setData({ busy: false, done: true });
    },

    onBack() {
      wx.navigateBack({ delta: 1, fail: () => wx.redirectTo({ url: '/package-notice/pages/notice/index' }) });
    },
  },
});
