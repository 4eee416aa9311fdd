/**
 * 擅长领域清单 (issue 11): the city maintains the list mentors pick their expertise from and youths their goals,
 * one area a line. Profiles and goals already saved keep what they chose.
 */
import { call } from '../../../../services/cloud';
import { confirmModal, toast } from '../../../../lib/ui';
import { areasOf } from '../../../lib/expertise';
import { textSize } from '../../../../behaviors/text-size';

Component({
  behaviors: [textSize],
  data: { loading: true, error: '', text: '', count: 0, formError: '', saving: false },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await call('mentoring', 'options', {});
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      this.setData({ loading: false, text: res.data.expertise.join('\n'), count: res.data.expertise.length });
    },
    onRetry() {
      void this.load();
    },
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ text: e.detail.value, count: areasOf(e.detail.value).items.length, formError: '' });
    },
    async onSave() {
      const { items, error } = areasOf(this.data.text);
      if (error) return this.setData({ formError: error });
      const sure = await confirmModal('保存清单', `保存后导师和青年将从这 ${items.length} 项中选择。`, '保存');
      if (!sure) return;
      this.setData({ saving: true });
      const res = await call('mentoring', 'saveExpertise', { items });
      this.setData({ saving: false });
      if (!res.ok) return this.setData({ formError: res.message });
      this.setData({ text: res.data.expertise.join('\n'), count: res.data.expertise.length });
      toast(this, '擅长领域清单已保存', 'success');
    },
  },
});
