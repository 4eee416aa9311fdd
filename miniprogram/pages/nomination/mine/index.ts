/** The youth's own nomination in the current period: status, masked details and every review step (R4.2). */
import type { NominationView } from '../../../core/contracts/nomination';
import { CHANNEL_LABELS } from '../../../core/nomination';
import { call } from '../../../services/cloud';
import { chinaDateTime } from '../../../components/format';
import { go } from '../../../components/ui';

const ACTION_LABELS: Record<string, string> = {
  submit: '提交推荐',
  resubmit: '修改后重新提交',
  approve: '审核通过',
  reject: '审核未通过',
  return: '退回修改',
  withdraw: '撤回',
};

interface Step {
  key: string;
  at: string;
  title: string;
  actor: string;
  comment: string;
}

/** Newest first, as a timeline reads. */
function timeline(n: NominationView): Step[] {
  return n.history
    .map((h, i) => ({
      key: `${i}`,
      at: chinaDateTime(h.at),
      title: ACTION_LABELS[h.action] ?? h.action,
      actor: h.actorName,
      comment: h.comment ?? '',
    }))
    .reverse();
}

Component({
  data: {
    loading: true,
    error: '',
    nomination: null as NominationView | null,
    channel: '',
    steps: [] as Step[],
    canResubmit: false,
  },
  lifetimes: {
    attached() {
      void this.load();
    },
  },
  pageLifetimes: {
    show() {
      if (!this.data.loading) void this.load();
    },
  },
  methods: {
    async load() {
      this.setData({ loading: true, error: '' });
      const res = await call('nomination', 'getMine', {});
      if (!res.ok) {
        this.setData({ loading: false, error: res.message });
        return;
      }
      const n = res.data.nomination;
      this.setData({
        loading: false,
        nomination: n,
        channel: n ? CHANNEL_LABELS[n.channel] : '',
        steps: n ? timeline(n) : [],
        canResubmit: n !== null && n.status === 'returned',
      });
    },
    onRetry() {
      void this.load();
    },
    onNominate() {
      go('/pages/nomination/form/index');
    },
  },
});
