/** A nomination's status as a coloured tag, labelled from core's STATUS_LABELS. */
import { STATUS_LABELS, type NominationStatus } from '../../core/nomination';

type Theme = 'default' | 'primary' | 'success' | 'warning' | 'danger';

const THEMES: Record<NominationStatus, Theme> = {
  draft: 'default',
  submitted: 'primary',
  held: 'warning',
  returned: 'warning',
  approved: 'success',
  rejected: 'danger',
  withdrawn: 'default',
  voided: 'default',
};

Component({
  properties: {
    status: { type: String, value: '' },
  },
  data: { label: '', theme: 'default' as Theme },
  observers: {
    status(status: string) {
      const known = Object.prototype.hasOwnProperty.call(STATUS_LABELS, status);
      const key = status as NominationStatus;
      this.setData({ label: known ? STATUS_LABELS[key] : '', theme: known ? THEMES[key] : 'default' });
    },
  },
});
