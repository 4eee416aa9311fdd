/**
 * A service request in under a minute (issue 12): the type's own fields as taps, a short description, optional
 * photos or a PDF (uploaded as they are picked, removable before sending), and for a sensitive type (dating,
 * children) its own consent first — asked here, when the youth opens it.
 */
import type { ServiceTypeView } from '../../../core/contracts/services';
import type { ServiceField } from '../../../core/services';
import { confirmModal, toast } from '../../../lib/ui';
import { call, newRequestId } from '../../../services/cloud';
import { MAX_ATTACHMENTS, pickPdf, pickPhotos, upload, type AttachmentRow } from '../../lib/attachments';
import { SERVICES_ROOT } from '../../lib/request';
import { textSize } from '../../../behaviors/text-size';

const DESCRIPTION_MIN = 5;
const DESCRIPTION_MAX = 300;
const ISSUE_TEXT: Record<string, string> = {
  required: '请选择或填写',
  invalid_option: '请从选项中选择',
  too_long: '内容过长',
  unknown: '请刷新后重试',
};

interface FieldRow extends ServiceField {
  value: string;
  error: string;
  choices: Array<{ value: string; selected: boolean }>;
}

const fieldRow = (f: ServiceField, value = ''): FieldRow => ({
  ...f,
  value,
  error: '',
  choices: (f.options ?? []).map((o) => ({ value: o, selected: o === value })),
});

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    type: null as ServiceTypeView | null,
    needsConsent: false,
    fields: [] as FieldRow[],
    description: '',
    descriptionError: '',
    descriptionMax: DESCRIPTION_MAX,
    offerId: '',
    attachments: [] as AttachmentRow[],
    maxAttachments: MAX_ATTACHMENTS,
    submitting: false,
    requestId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ offerId: query.offer ?? '', requestId: newRequestId() });
      void this.load(query.type ?? '');
    },
    async load(typeId: string) {
      this.setData({ loading: true, error: '' });
      const res = await call('services', 'catalogue', {});
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      const type = res.data.find((t) => t.id === typeId);
      if (!type) return this.setData({ loading: false, error: '该服务类型暂不可申请' });
      wx.setNavigationBarTitle({ title: type.name });
      this.setData({
        loading: false,
        type,
        needsConsent: !type.consented,
        fields: type.fields.map((f) => fieldRow(f)),
      });
    },
    onRetry() {
      const type = this.data.type;
      if (type) void this.load(type.id);
    },
    async onConsent(e: WechatMiniprogram.CustomEvent) {
      const granted = (e.currentTarget.dataset as { granted?: boolean }).granted === true;
      const type = this.data.type;
      if (!type) return;
      if (!granted) return wx.navigateBack({ fail: () => wx.redirectTo({ url: `${SERVICES_ROOT}/home/index` }) });
      const res = await call('services', 'consent', { typeId: type.id, granted: true });
      if (!res.ok) return toast(this, res.message);
      this.setData({ needsConsent: false });
    },
    onChooseField(e: WechatMiniprogram.CustomEvent) {
      const { field, value } = e.currentTarget.dataset as { field: string; value: string };
      const index = this.data.fields.findIndex((f) => f.key === field);
      if (index >= 0) this.setData({ [`fields[${index}]`]: fieldRow(this.data.fields[index], value) });
    },
    onTextField(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { key } = e.currentTarget.dataset as { key: string };
      const index = this.data.fields.findIndex((f) => f.key === key);
      if (index >= 0) this.setData({ [`fields[${index}].value`]: e.detail.value, [`fields[${index}].error`]: '' });
    },
    onDescription(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ description: e.detail.value, descriptionError: '' });
    },
    /** What the phone can tell before sending: each required field, the description's length. */
    check(): boolean {
      const fields = this.data.fields.map((f) => ({
        ...f,
        error: f.required && !f.value.trim() ? ISSUE_TEXT.required : '',
      }));
      const text = this.data.description.trim();
      const descriptionError = text.length < DESCRIPTION_MIN ? `请简要描述您的需求（至少${DESCRIPTION_MIN}个字）` : '';
      this.setData({ fields, descriptionError });
      return !descriptionError && fields.every((f) => !f.error);
    },
    async onAddPhotos() {
      await this.add(await pickPhotos(MAX_ATTACHMENTS - this.data.attachments.length));
    },
    async onAddPdf() {
      await this.add(await pickPdf());
    },
    async add(picked: Awaited<ReturnType<typeof pickPhotos>>) {
      if (!picked) return;
      if (!picked.ok) return toast(this, picked.message);
      if (this.data.attachments.length + picked.rows.length > MAX_ATTACHMENTS)
        return toast(this, `最多 ${MAX_ATTACHMENTS} 个附件`);
      this.setData({ attachments: [...this.data.attachments, ...picked.rows] });
      // One at a time, each row showing where it stands.
      for (const r of picked.rows) await this.send(r);
    },
    async send(r: AttachmentRow) {
      const done = await upload(r);
      const index = this.data.attachments.findIndex((a) => a.key === r.key);
      if (index >= 0) this.setData({ [`attachments[${index}]`]: done }); // unless removed meanwhile
    },
    onRetryAttachment(e: WechatMiniprogram.CustomEvent) {
      const r = this.data.attachments.find((a) => a.key === (e.currentTarget.dataset as { key: string }).key);
      if (!r || r.state !== 'failed') return;
      const index = this.data.attachments.indexOf(r);
      this.setData({ [`attachments[${index}].state`]: 'uploading', [`attachments[${index}].stateText`]: '上传中…' });
      void this.send(r);
    },
    onRemoveAttachment(e: WechatMiniprogram.CustomEvent) {
      const { key } = e.currentTarget.dataset as { key: string };
      this.setData({ attachments: this.data.attachments.filter((a) => a.key !== key) });
    },
    async onSubmit() {
      const type = this.data.type;
      if (!type || this.data.submitting || !this.check()) return;
      if (this.data.attachments.some((a) => a.state !== 'done'))
        return toast(this, '附件还在上传或上传失败，请稍候、重试或删除');
      if (!(await confirmModal('提交申请', `提交${type.name}服务申请？经办人将在1个工作日内受理。`, '提交'))) return;
      this.setData({ submitting: true });
      const values = Object.fromEntries(
        this.data.fields.filter((f) => f.value.trim()).map((f) => [f.key, f.value.trim()]),
      );
      const attachments = this.data.attachments.map((a) => a.fileId);
      const input = {
        typeId: type.id,
        description: this.data.description.trim(),
        fields: values,
        ...(attachments.length > 0 ? { attachments } : {}),
      };
      const res = await call(
        'services',
        'submit',
        this.data.offerId ? { ...input, offerId: this.data.offerId } : input,
        this.data.requestId,
      );
      this.setData({ submitting: false });
      if (!res.ok) return this.showIssues(res.details, res.message);
      wx.redirectTo({ url: `${SERVICES_ROOT}/request/index?id=${res.data.id}` });
    },
    showIssues(details: Record<string, unknown> | undefined, message: string) {
      const issues = (details?.issues ?? []) as Array<{ path: string; code: string }>;
      const byKey = new Map(issues.map((i) => [i.path.replace(/^fields\./, ''), ISSUE_TEXT[i.code] ?? message]));
      if (byKey.size === 0) return toast(this, message);
      this.setData({
        fields: this.data.fields.map((f) => ({ ...f, error: byKey.get(f.key) ?? '' })),
        descriptionError: byKey.get('description') ?? '',
      });
    },
  },
});
