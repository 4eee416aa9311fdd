/**
 * 志愿服务与保障 (R7.3): the youth records the volunteer and public-welfare organisations they join with their
 * service hours, and sees what the League recorded for them (accident insurance, joint credit incentives).
 */
import type { ParticipationView } from '../../../core/contracts/services';
import { chinaDateText } from '../../../lib/format';
import { toast } from '../../../lib/ui';
import { call, newRequestId } from '../../../services/cloud';
import { textSize } from '../../../behaviors/text-size';

const row = (p: ParticipationView) => ({
  id: p.id,
  kind: p.kindLabel,
  name: p.name,
  detail: p.kind === 'volunteer' ? `${p.hours} 小时` : `团组织登记${p.on ? `，${p.on} 起` : ''}`,
  at: chinaDateText(p.at),
});

Component({
  behaviors: [textSize],
  data: {
    loading: true,
    error: '',
    items: [] as Array<ReturnType<typeof row>>,
    hours: '0',
    name: '',
    hoursText: '',
    formError: '',
    sending: false,
    requestId: '',
  },
  lifetimes: {
    attached() {
      this.setData({ requestId: newRequestId() });
      void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await call('services', 'myParticipation', {});
      if (!res.ok) return this.setData({ loading: false, error: res.message });
      const items = res.data.map(row);
      const hours = res.data.filter((p) => p.kind === 'volunteer').reduce((s, p) => s + p.hours, 0);
      this.setData({ loading: false, items, hours: String(Math.round(hours * 10) / 10) });
    },
    onRetry() {
      void this.load();
    },
    onInput(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      const { field } = e.currentTarget.dataset as { field: 'name' | 'hoursText' };
      this.setData({ [field]: e.detail.value, formError: '' });
    },
    async onRecord() {
      const name = this.data.name.trim();
      const hours = Number(this.data.hoursText);
      if (name.length < 2) return this.setData({ formError: '请填写志愿服务组织的名称' });
      if (!Number.isFinite(hours) || hours < 0.5 || hours > 500)
        return this.setData({ formError: '服务时长为 0.5–500 小时' });
      this.setData({ sending: true });
      const res = await call('services', 'recordVolunteering', { name, hours }, this.data.requestId);
      this.setData({ sending: false });
      if (!res.ok) return this.setData({ formError: res.message });
      this.setData({ name: '', hoursText: '', requestId: newRequestId() });
      toast(this, '已记录', 'success');
      await this.load();
    },
  },
});
