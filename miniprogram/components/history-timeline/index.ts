/** Every step of a nomination (R4.2: actor, time and comment of each transition), newest first. */
import type { NominationView } from '../../core/contracts/nomination';
import { chinaDateTime } from '../../lib/format';

const ACTION_LABELS: Record<string, string> = {
  submit: '提交推荐',
  resubmit: '修改后重新提交',
  approve: '审核通过',
  reject: '审核未通过',
  return: '退回修改',
  withdraw: '撤回',
  uphold: '公示异议成立',
  claim: '本人认领',
  release: '名单重新开放，进入审核',
};

export interface Step {
  key: string;
  at: string;
  title: string;
  actor: string;
  comment: string;
}

function stepsOf(history: NominationView['history']): Step[] {
  return history
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
  properties: {
    history: { type: Array, value: [] },
  },
  data: { steps: [] as Step[] },
  observers: {
    history(history: NominationView['history']) {
      this.setData({ steps: Array.isArray(history) ? stepsOf(history) : [] });
    },
  },
});
