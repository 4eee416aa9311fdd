/**
 * What a page asks of the reason dialog, and how it asks: `askReason(this,
 * '.reject-dialog', { … })` opens it and resolves with what `send` answered,
 * or null when the person cancels. Rules come from the contract: `schema` is
 * the field's own schema (its min/max are the dialog's), `label` names it in
 * the messages (services/form-errors.ts).
 */
import type * as z from 'zod/mini';
import type { CallResult } from '../../../services/cloud';
import type { FieldLabel } from '../../../services/form-errors';

export interface ReasonRequest<T = unknown> {
  title: string;
  /** The reason as messages name it: 不通过的原因, or { label: '退回原因', after: '单位将看到此原因' }. */
  label: FieldLabel;
  /** The contract's schema of the field the reason is sent in. */
  schema: z.ZodMiniType;
  /** A decision that needs a reason where the contract's field is optional (a review comment). */
  required?: boolean;
  placeholder?: string;
  /** A line above the text box, and one in red (what confirming will do). */
  hint?: string;
  warning?: string;
  /** A line under the text box (e.g. that the view is audited). */
  note?: string;
  confirmText?: string;
  /** Checked before the reason: a message stops the confirm (a field of the page's own in the slot). */
  check?(): string;
  /** Sends the reason; a failure's message stays in the dialog; null when nothing was sent (a second thought). */
  send(reason: string): Promise<CallResult<T> | null>;
}

export interface ReasonDialogHandle {
  open<T>(request: ReasonRequest<T>): Promise<T | null>;
}

/** Opens the reason dialog with `selector` on `host` (a page); null when it is not on the page. */
export function askReason<T>(
  host: WechatMiniprogram.Component.TrivialInstance,
  selector: string,
  request: ReasonRequest<T>,
): Promise<T | null> {
  const dialog = host.selectComponent(selector) as unknown as ReasonDialogHandle | null;
  return dialog ? dialog.open(request) : Promise.resolve(null);
}
