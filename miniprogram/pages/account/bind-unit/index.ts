/** A youth binds to the unit they work in; that unit's admin will review their nomination. */
import { call } from '../../../services/cloud';
import { confirmModal, toast } from '../../../lib/ui';

const NAME_MAX = 20;

Component({
  data: {
    current: '',
    unit: null as { id: string; name: string } | null,
    name: '',
    error: '',
    submitting: false,
    canSubmit: false,
  },
  lifetimes: {
    attached() {
      void this.loadMe();
    },
  },
  methods: {
    async loadMe() {
      const me = await call('account', 'me', {});
      if (!me.ok) {
        toast(this, me.message);
        return;
      }
      const unit = me.data.unit;
      this.setData({ current: unit ? unit.name : '' });
      if (!this.data.name && me.data.displayName) this.setName(me.data.displayName);
    },

    setName(name: string) {
      this.setData({ name, error: '' });
      this.refresh();
    },

    refresh() {
      const name = this.data.name.trim();
      this.setData({ canSubmit: this.data.unit !== null && name.length > 0 && name.length <= NAME_MAX });
    },

    onUnitChange(e: WechatMiniprogram.CustomEvent<{ unit: { id: string; name: string } | null }>) {
      this.setData({ unit: e.detail.unit, error: '' });
      this.refresh();
    },

    onName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setName(e.detail.value);
    },

    async onSubmit() {
      const unit = this.data.unit;
      if (!unit || !this.data.canSubmit || this.data.submitting) return;
      const sure = await confirmModal('确认绑定', `确认绑定到“${unit.name}”吗？提交推荐后将不能自行更换单位。`, '绑定');
      if (!sure) return;
      this.setData({ submitting: true, error: '' });
      const res = await call('account', 'bindUnit', { unitId: unit.id, displayName: this.data.name.trim() });
      this.setData({ submitting: false });
      if (!res.ok) {
        this.setData({ error: res.message });
        toast(this, res.message);
        return;
      }
      wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
