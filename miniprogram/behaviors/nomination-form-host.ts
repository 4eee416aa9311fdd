/**
 * What a page around the nomination form (components/nomination-form) shares,
 * whichever channel fills it (个人自荐, 组织推荐): the value the form last
 * reported (kept out of `data`), whether every rule holds (`valid`), the
 * request id kept while the form is unchanged (a double tap or a retry is one
 * request), the submit behind its confirmation, and a refusal shown under the
 * field it concerns or above the button. The form component is `.form`.
 */
import type { NominationForm } from '../core/contracts/nomination-form';
import { newRequestId, type CallFailure, type CallResult } from '../services/cloud';
import { confirmModal, toast } from '../lib/ui';
import {
  EMPTY_FORM,
  fieldErrorOf,
  toSubmission,
  type FormHandle,
  type FormState,
} from '../components/nomination-form/model';

interface HostState {
  form: FormState;
  requestId: string;
  submitting: boolean;
}

// Per page, never rendered.
const states = new WeakMap<object, HostState>();

function stateOf(owner: object): HostState {
  let s = states.get(owner);
  if (!s) states.set(owner, (s = { form: EMPTY_FORM, requestId: newRequestId(), submitting: false }));
  return s;
}

export interface Submit<T> {
  /** Something outside the form stops the submit (the window closed, no unit chosen). */
  blocked: boolean;
  /** The confirmation asked first: [title, content, confirm button]. */
  question(form: NominationForm): [string, string, string];
  send(form: NominationForm, requestId: string): Promise<CallResult<T>>;
  /** Runs once confirmed, before sending (e.g. a pending draft save is cancelled). */
  before?(): void;
  /** A refusal the page shows its own way; true when it did. */
  refused?(failure: CallFailure): boolean;
}

/** The page may define `onFormEdited(field, value)`: the person changed `field`. */
interface EditHook {
  onFormEdited?(field: string, value: FormState): void;
}

export const nominationFormHost = Behavior({
  data: { valid: false, formError: '', submitting: false, missing: [] as string[] },
  methods: {
    form(): FormHandle | null {
      return this.selectComponent('.form') as unknown as FormHandle | null;
    },

    formValue(): FormState {
      return stateOf(this).form;
    },

    /** Puts a value in the form (a restored draft, a fresh start): the next submit is a new request. */
    resetForm(value: FormState) {
      const s = stateOf(this);
      s.form = value;
      s.requestId = newRequestId();
      this.form()?.setValue(value);
    },

    /** Something the request depends on changed outside the form (e.g. the unit). */
    renewRequest() {
      stateOf(this).requestId = newRequestId();
    },

    onFormChange(
      e: WechatMiniprogram.CustomEvent<{ value: FormState; valid: boolean; missing: string[]; field: string }>,
    ) {
      const s = stateOf(this);
      const { value, valid, missing, field } = e.detail;
      s.form = value;
      if (valid !== this.data.valid) this.setData({ valid });
      // Deferred: this event may fire inside the page's own setData (a property the form observes), and a nested
      // setData there drops the pending update of the form's bindings.
      if (missing.join('|') !== this.data.missing.join('|'))
        void Promise.resolve().then(() => this.setData({ missing }));
      if (!field) return;
      s.requestId = newRequestId();
      if (this.data.formError) this.setData({ formError: '' });
      (this as unknown as EditHook).onFormEdited?.(field, value);
    },

    /** Confirms, sends once however often it is tapped; null when nothing was sent. Refusals are shown here. */
    async submitForm<T>(submit: Submit<T>): Promise<CallResult<T> | null> {
      const s = stateOf(this);
      const form = toSubmission(s.form);
      if (!form || !this.data.valid || s.submitting || submit.blocked) return null;
      s.submitting = true;
      const sure = await confirmModal(...submit.question(form));
      if (!sure) {
        s.submitting = false;
        return null;
      }
      submit.before?.();
      this.setData({ submitting: true, formError: '' });
      const res = await submit.send(form, s.requestId);
      s.submitting = false;
      this.setData({ submitting: false });
      if (!res.ok) this.showFailure(res, submit.refused);
      return res;
    },

    showFailure(failure: CallFailure, refused?: (failure: CallFailure) => boolean) {
      toast(this, failure.message);
      if (refused?.(failure)) return;
      const errors = fieldErrorOf(failure);
      if (errors) this.form()?.showErrors(errors);
      else this.setData({ formError: failure.message });
    },
  },
});
