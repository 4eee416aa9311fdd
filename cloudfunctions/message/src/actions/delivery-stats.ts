import type { messageContract } from '../../../../miniprogram/core/contracts/message';
import { CATALOGUE, NOTIFICATION_KINDS } from '../../../../miniprogram/core/notifications';
import { ok } from '../../../../miniprogram/core/result';
import { C, type DeliveryState, type OutboxDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';

const STATES: DeliveryState[] = ['sent', 'in_app_only', 'failed', 'pending', 'claimed'];

/** Per kind: how many went out by WeChat, how many stayed in the app, how many failed (the `(kind, status)` index). */
export const deliveryStats: Handler<typeof messageContract.actions.deliveryStats> = async (_input, ctx) => {
  const outbox = ctx.deps.store.collection<OutboxDoc>(C.outbox);
  const rows = await Promise.all(
    NOTIFICATION_KINDS.map(async (kind) => {
      const [sent, inAppOnly, failed, pending, claimed] = await Promise.all(
        STATES.map((status) => outbox.count({ kind, status })),
      );
      const { label, audience } = CATALOGUE[kind];
      return { kind, label, audience, sent, inAppOnly, failed, pending: pending + claimed };
    }),
  );
  return ok({ rows });
};
