/** A youth binds to the unit they work in; that unit's admin will review their nomination. */
import { BindUnitInput } from '../../../../core/contracts/forms';
import { call } from '../../../../services/cloud';
import { accepts, limitsOf } from '../../../../services/form-errors';
import { adoptSession, loadSession } from '../../../../services/session';
import { alertModal, confirmModal, toast } from '../../../../lib/ui';
import { textSize } from '../../../../behaviors/text-size';

interface Unit {
  id: string;
  name: string;
}

/** The request the form would send, when the contract accepts it (the submit button's state). */
const canSubmit = (unit: Unit | null, name: string): boolean =>
  unit !== null && accepts(BindUnitInput, { unitId: unit.id, displayName: name });

Component({
  behaviors: [textSize],
  data: {
    current: '',
    unit: null as Unit | null,
    name: '',
    nameMax: limitsOf(BindUnitInput).displayName.max,
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
      const me = await loadSession();
      if (!me.ok) {
        toast(this, me.message);
        return;
      }
      this.setData({ current: me.data.unit ? me.data.unit.name : '' });
      if (!this.data.name && me.data.displayName) this.update({ name: me.data.displayName });
    },

    update(patch: { unit?: Unit | null; name?: string }) {
      const next = { unit: this.data.unit, name: this.data.name, ...patch };
      this.setData({ ...patch, error: '', canSubmit: canSubmit(next.unit, next.name) });
    },

    onUnitChange(e: WechatMiniprogram.CustomEvent<{ unit: Unit | null }>) {
      this.update({ unit: e.detail.unit });
    },

    onName(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.update({ name: e.detail.value });
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
        // Said whole, inline and in a dialog: a refused change of unit is something to act on (issue 9 §5).
        this.setData({ error: res.message });
        void alertModal('未能更换单位', res.message);
        return;
      }
      // The answer is the caller's new account: home opens on it without asking again.
      adoptSession(res.data);
      wx.reLaunch({ url: '/pages/home/index' });
    },
  },
});
