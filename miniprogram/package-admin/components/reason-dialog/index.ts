/**
 * The reason dialog (a TDesign dialog with a counted text box) every page that
 * asks for a reason uses: rejecting, returning, revealing a full number,
 * disposing of an objection, sending a filing back, overriding a quota. The
 * page calls `open(request)` (see request.ts); the dialog checks the reason
 * against the contract's schema, sends it, keeps a refusal in view, and closes
 * on success. Extra fields (the quota's number) go in the slot.
 */
import { boundsOf, reasonError } from '../../../services/form-errors';
import type { ReasonRequest } from './request';

interface Pending {
  request: ReasonRequest<unknown>;
  resolve(value: unknown): void;
}

// The open request per dialog: it holds functions and a schema, which never go through setData.
const pending = new WeakMap<object, Pending>();

const CLOSED = { visible: false, value: '', error: '', busy: false };

Component({
  data: {
    ...CLOSED,
    title: '',
    placeholder: '',
    hint: '',
    warning: '',
    note: '',
    confirmText: '确定',
    maxlength: -1,
  },
  methods: {
    open<T>(request: ReasonRequest<T>): Promise<T | null> {
      pending.get(this)?.resolve(null);
      this.setData({
        ...CLOSED,
        visible: true,
        title: request.title,
        placeholder: request.placeholder ?? '',
        hint: request.hint ?? '',
        warning: request.warning ?? '',
        note: request.note ?? '',
        confirmText: request.confirmText ?? '确定',
        maxlength: boundsOf(request.schema).max ?? -1,
      });
      return new Promise<T | null>((resolve) => {
        pending.set(this, { request: request as ReasonRequest<unknown>, resolve: resolve as (value: unknown) => void });
      });
    },

    close(answer: unknown) {
      const open = pending.get(this);
      pending.delete(this);
      this.setData(CLOSED);
      open?.resolve(answer);
    },

    onChange(e: WechatMiniprogram.CustomEvent<{ value: string }>) {
      this.setData({ value: e.detail.value, error: '' });
    },

    onCancel() {
      if (!this.data.busy) this.close(null);
    },

    async onConfirm() {
      const open = pending.get(this);
      if (!open || this.data.busy) return;
      const { request } = open;
      const error = request.check?.() || reasonError(request.schema, this.data.value, request.label, request.required);
      if (error) {
        this.setData({ error });
        return;
      }
      this.setData({ busy: true, error: '' });
      const res = await request.send(this.data.value.trim());
      if (pending.get(this) !== open) return;
      if (res && res.ok) this.close(res.data);
      else this.setData({ busy: false, error: res ? res.message : '' });
    },
  },
});
