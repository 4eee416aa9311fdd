/**
 * Drives the reason dialog (package-admin/components/reason-dialog) the way a
 * person does: the dialog is a component, so its text box, buttons and error
 * sit inside it (selectors do not cross component boundaries).
 */
import { find, tapButton, textOf, typeInto, type Bridge, type SimNode } from '../../support/cloud-bridge';

export interface ReasonDialogData {
  visible: boolean;
  title: string;
  value: string;
  error: string;
  busy: boolean;
  maxlength: number;
}

export function reasonDialog(page: SimNode<unknown>, host: string, bridge: Bridge) {
  return {
    get data(): ReasonDialogData {
      return find(page, host).data as unknown as ReasonDialogData;
    },
    /** The message under the text box, as rendered. */
    errorText: (): string => textOf(find(page, [host, '.reason-error'])),
    type: (text: string) => typeInto(page, [host, '.reason-input'], text, bridge),
    confirm: () => tapButton(page, [host, '.rd', '.t-dialog__button--confirm'], bridge),
    cancel: () => tapButton(page, [host, '.rd', '.t-dialog__button--cancel'], bridge),
  };
}
