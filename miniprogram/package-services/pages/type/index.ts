/**
 * 编辑服务类型 (issue 12): the city names a type, who owns it, its time limit in working days, whether it is
 * sensitive, and the fields a youth fills in (a choice among options, or a short text). Requests already made keep
 * their deadlines; the handlers are set on their own page.
 */
import { confirmModal, toast } from '../../../lib/ui';
import { call, newRequestId } from '../../../services/cloud';
import {
  draftOf,
  emptyType,
  hasErrors,
  newField,
  TYPE_LIMITS,
  typeErrors,
  typeInput,
  type TypeDraft,
  type TypeErrors,
} from '../../lib/catalogue';
import { textSize } from '../../../behaviors/text-size';

const NO_ERRORS: TypeErrors = { id: '', name: '', description: '', limitDays: '', fields: [] };

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    isNew: true,
    draft: emptyType(0) as TypeDraft,
    errors: NO_ERRORS,
    limits: TYPE_LIMITS,
    saving: false,
    requestId: '',
  },
  methods: {
    onLoad(query: Record<string, string | undefined>) {
      this.setData({ requestId: newRequestId() });
      void this.load(query.id ?? '', Number(query.order ?? 0));
    },
    async load(id: string, order: number) {
      if (!id) {
        const code = `svc_${Math.random().toString(36).slice(2, 10)}`;
        return this.setData({ loading: false, isNew: true, draft: { ...emptyType(order), id: code } });
      }
      this.setData({ loading: true, error: '' });
      const res = await call('services', 'types', {});
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      const type = res.data.find((t) => t.id === id);
      if (!type) return this.setData({ loading: false, error: '该服务类型不存在' });
      wx.setNavigationBarTitle({ title: `编辑${type.name}` });
      this.setData({ loading: false, isNew: false, draft: draftOf(type) });
    },
    onRetry() {
      void this.load(this.data.draft.id, 0);
    },
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { field } = e.currentTarget.dataset as { field: 'name' | 'description' | 'limitDays' | 'order' };
      this.setData({ [`draft.${field}`]: e.detail.value, [`errors.${field}`]: '' });
    },
    onChoose(e: WechatMiniprogram.CustomEvent) {
      const { field, value } = e.currentTarget.dataset as { field: 'owner' | 'sensitive' | 'active'; value: unknown };
      this.setData({ [`draft.${field}`]: value });
    },
    onFieldInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { index, part } = e.currentTarget.dataset as { index: number; part: 'label' | 'optionsText' };
      this.setData({ [`draft.fields[${index}].${part}`]: e.detail.value, [`draft.fields[${index}].error`]: '' });
    },
    onFieldChoose(e: WechatMiniprogram.CustomEvent) {
      const { index, part, value } = e.currentTarget.dataset as { index: number; part: string; value: unknown };
      this.setData({ [`draft.fields[${index}].${part}`]: value, [`draft.fields[${index}].error`]: '' });
    },
    onAddField() {
      const fields = this.data.draft.fields;
      if (fields.length >= TYPE_LIMITS.fields) return toast(this, `最多 ${TYPE_LIMITS.fields} 个填写项`);
      this.setData({ 'draft.fields': [...fields, newField(fields)] });
    },
    async onRemoveField(e: WechatMiniprogram.CustomEvent) {
      const { index } = e.currentTarget.dataset as { index: number };
      const field = this.data.draft.fields[index];
      if (!field) return;
      if (field.label.trim() && !(await confirmModal('删除填写项', `删除“${field.label.trim()}”？`, '删除'))) return;
      this.setData({ 'draft.fields': this.data.draft.fields.filter((_, i) => i !== index) });
    },
    async onSave() {
      if (this.data.saving) return;
      const draft = this.data.draft;
      const errors = typeErrors(draft);
      this.setData({ errors, 'draft.fields': draft.fields.map((f, i) => ({ ...f, error: errors.fields[i] ?? '' })) });
      if (hasErrors(errors)) return toast(this, errors.id || '请按提示修改');
      const what = this.data.isNew ? `新增“${draft.name.trim()}”` : `保存对“${draft.name.trim()}”的修改`;
      const note = this.data.isNew ? '' : '已提交的申请仍按原办理时限。';
      if (!(await confirmModal('保存服务类型', `${what}？${note}`, '保存'))) return;
      this.setData({ saving: true });
      const res = await call('services', 'saveType', typeInput(draft), this.data.requestId);
      this.setData({ saving: false });
      if (!res.ok) return toast(this, res.message);
      this.setData({ requestId: newRequestId(), isNew: false });
      toast(this, '已保存', 'success');
      wx.navigateBack({ fail: () => undefined });
    },
  },
});
