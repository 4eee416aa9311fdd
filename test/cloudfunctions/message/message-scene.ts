/**
 * The message tests' scene: a unit with its admin and a youth, a district admin who changes the quota (each change
 * notifies the unit admin: a `todo` message that can be repeated at will), a city admin who drains by hand, and
 * WeChat's emulated side (scripts/local/wechat.ts) to configure and inspect.
 */
import type { GrantDoc, MessageDoc, OutboxDoc } from '../../../cloudfunctions/_lib/collections';
import { DEV_TEMPLATE_IDS } from '../../../cloudfunctions/_lib/wechat';
import type { TemplateKey } from '../../../miniprogram/core/notifications';
import type { WechatEmulator } from '../../../scripts/local/wechat';
import { fixture, type Person } from '../../support/fixtures';
import { dataOf } from '../../support/harness';

export async function messageScene() {
  const f = await fixture();
  const { h } = f;
  const district = await f.district('yuecheng');
  const unit = await f.unit({ district, youthCount: 40 });
  const admin = await f.admin('unitAdmin', unit, { name: '陈管理员' });
  const overseer = await f.admin('districtAdmin', district, { name: '赵书记' });
  const cityAdmin = await f.admin('cityAdmin', f.city, { name: '周部长' });
  const youth = await f.youth(unit, { consent: true });
  const wechat = h.deps.wechat as WechatEmulator;
  const store = h.deps.store;
  let quota = 2;

  return {
    f,
    h,
    unit,
    admin,
    overseer,
    cityAdmin,
    youth,
    wechat,
    /** One accepted subscription of `template` for `who`, through the action the phone calls. */
    grant: async (who: Person, template: TemplateKey = 'todo', times = 1) => {
      for (let i = 0; i < times; i += 1)
        dataOf(
          await h.call(
            'message',
            'recordGrants',
            { results: [{ templateId: DEV_TEMPLATE_IDS[template], result: 'accept' }] },
            who,
          ),
        );
    },
    /** A quota change: one `quota.changed` message (template `todo`) to the unit admin. */
    notifyAdmin: async () => {
      quota += 1;
      dataOf(await h.call('admin', 'setQuota', { unitId: unit._id, quota, reason: '区县统筹调整' }, overseer));
    },
    drain: () => h.call('message', 'drain', {}, cityAdmin),
    outbox: (filter: Partial<OutboxDoc> = {}) => store.collection<OutboxDoc>('outbox').find(filter),
    grants: (filter: Partial<GrantDoc> = {}) => store.collection<GrantDoc>('grants').find(filter),
    messages: (filter: Partial<MessageDoc> = {}) => store.collection<MessageDoc>('messages').find(filter),
  };
}

export type MessageScene = Awaited<ReturnType<typeof messageScene>>;
