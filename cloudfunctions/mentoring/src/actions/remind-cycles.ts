import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import {
  overdueLevel,
  STEP_LABELS,
  STEP_OWNER,
  type OpenCycleStatus,
} from '../../../../miniprogram/core/mentoring-cycle';
import { ok } from '../../../../miniprogram/core/result';
import { C, type CycleDoc } from '../../../_lib/collections';
import { notifyRole } from '../../../_lib/notify';
import type { PublicHandler } from '../../../_lib/router';

const BATCH = 200;

/**
 * The timer (daily): an open step past its due date reminds its owner once; after as long again as the step had,
 * the youth's unit admins are told, once. The marks are per step (a new step clears them), so a rerun sends nothing
 * twice.
 */
export const remindCycles: PublicHandler<typeof mentoringContract.actions.remindCycles> = async (_input, ctx) => {
  const { deps, now } = ctx;
  const cycles = deps.store.collection<CycleDoc>(C.cycles);
  const due = await cycles.find({ dueAt: { $lt: now } }, { sort: { dueAt: 1 }, limit: BATCH });
  let reminded = 0;
  let escalated = 0;
  for (const c of due) {
    if (c.status === 'done' || !c.dueAt) continue;
    const level = overdueLevel(now, c.stepStartAt, c.dueAt);
    const step = STEP_LABELS[c.status];
    const owner = STEP_OWNER[c.status as OpenCycleStatus] === 'mentor' ? c.mentorId : c.youthOpenid;
    if (c.remindedAt === null && level !== 'none') {
      if (owner) ctx.notify({ kind: 'cycle.overdue', params: { step, youth: c.youthName, unit: false }, to: owner });
      await cycles.updateOne({ _id: c._id, remindedAt: null }, { $set: { remindedAt: now } });
      reminded += 1;
    }
    if (c.escalatedAt === null && level === 'escalate') {
      await notifyRole(ctx, { role: 'unitAdmin', orgId: c.unitId }, 'cycle.overdue', {
        step,
        youth: c.youthName,
        unit: true,
      });
      await cycles.updateOne({ _id: c._id, escalatedAt: null }, { $set: { escalatedAt: now } });
      escalated += 1;
    }
  }
  ctx.audit({ target: null, details: { reminded, escalated } });
  return ok({ reminded, escalated });
};
