/**
 * 订阅提醒: asks, from a tap, to receive the WeChat messages of one moment
 * (services/subscribe.ts). Hidden when nothing can be asked; refusing is fine
 * and says where the notifications still appear.
 */
import type { SubscribeMoment } from '../../core/notifications';
import { askSubscribe, prepareSubscribe, type SubscribeOutcome } from '../../services/subscribe';

const OUTCOME_TEXT: Record<SubscribeOutcome, string> = {
  accepted: '已订阅：有结果时会通过微信通知您一次。',
  refused: '未订阅也没关系：所有通知都会出现在消息中心。',
  unavailable: '暂时无法订阅，所有通知仍会出现在消息中心。',
};

Component({
  properties: {
    moment: { type: String, value: '' },
    title: { type: String, value: '微信提醒' },
    desc: { type: String, value: '' },
  },
  data: { ready: false, asking: false, outcome: '' },
  lifetimes: {
    attached() {
      void prepareSubscribe(this.data.moment as SubscribeMoment).then((ids) => this.setData({ ready: ids.length > 0 }));
    },
  },
  methods: {
    async onSubscribe() {
      if (this.data.asking) return;
      this.setData({ asking: true });
      const outcome = await askSubscribe(this.data.moment as SubscribeMoment);
      this.setData({ asking: false, outcome: OUTCOME_TEXT[outcome] });
    },
  },
});
