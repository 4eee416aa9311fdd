/**
 * Everything the programme holds about the caller (R9.2, PIPL art. 45): account and roles, the database record,
 * nominations, consents, mentoring, and how many messages — masked like every view. Shared by the page and the
 * download.
 */
import type { MyDataView } from '../../../miniprogram/core/contracts/registry';
import { STATUS_LABELS } from '../../../miniprogram/core/nomination';
import { ROLE_LABELS } from '../../../miniprogram/core/org';
import {
  C,
  type AccountDoc,
  type ConsentDoc,
  type MatchDoc,
  type MessageDoc,
  type NominationDoc,
} from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { orgNames } from '../../_lib/queries';
import { ownYouthRecord } from '../../_lib/own-youth-record';
import { youthView } from './youth-view';

const MATCH_TEXT: Record<string, string> = {
  draft: '草案',
  published: '待确认',
  active: '结对中',
  declined: '已婉拒',
  ended: '已结束',
  discarded: '已撤销',
};

export async function myData(deps: ServerDeps, openid: string, now: Date): Promise<MyDataView> {
  const { store } = deps;
  const [account, record, nominations, consents, messages] = await Promise.all([
    store.collection<AccountDoc>(C.accounts).get(openid),
    ownYouthRecord(deps, openid),
    store.collection<NominationDoc>(C.nominations).find({ youthOpenid: openid }, { limit: 20 }),
    store.collection<ConsentDoc>(C.consents).find({ openid }),
    // `find`, not `count`: the download runs inside a transaction, where CloudBase has no count.
    store.collection<MessageDoc>(C.messages).find({ toOpenid: openid }, { projection: { _id: 1 } }),
  ]);
  const names = await orgNames(
    deps,
    nominations.map((n) => n.unitId),
  );
  const matches: MatchDoc[] = [];
  for (const n of nominations)
    matches.push(...(await store.collection<MatchDoc>(C.matches).find({ nominationId: n._id })));
  return {
    account: account
      ? { displayName: account.displayName, roles: account.grants.map((g) => ROLE_LABELS[g.role]) }
      : null,
    record: record ? await youthView(deps, record, now) : null,
    nominations: nominations.map((n) => ({
      id: n._id,
      periodId: n.periodId,
      status: STATUS_LABELS[n.status],
      unitName: names.get(n.unitId) ?? '',
      post: n.post,
    })),
    consents: consents.map((c) => ({ purpose: '个人信息处理授权', granted: c.granted, at: c.at.toISOString() })),
    mentoring: matches.map((m) => ({ status: MATCH_TEXT[m.status] ?? m.status, mentorName: m.mentorName })),
    messages: messages.length,
  };
}
