import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { rolloverStatus } from '../../../../miniprogram/core/registry';
import { ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PeriodDoc, type YouthDoc, type YouthKeyDoc } from '../../../_lib/collections';
import { randomId } from '../../../_lib/ids';
import type { Handler } from '../../../_lib/router';
import { checkNext } from '../period-form';

/**
 * The city opens the next three-year period with its own rules (R1.1, R1.2): the last period stops being
 * current; its selected youths become alumni (校友) with their history, their record kept in the database;
 * active youths past the new age limit become alumni too. A person's nomination key is per period, so a youth
 * may be nominated and selected again.
 */
export const openPeriod: Handler<typeof registryContract.actions.openPeriod> = async (input, ctx) => {
  const { deps } = ctx;
  const { rules } = input;
  const periods = deps.store.collection<PeriodDoc>(C.periods);
  const prev = await periods.findOne({ current: true });
  const id = rules.referenceDate.slice(0, 4);
  const checked = await checkNext(ctx, prev, rules);
  if (!checked.ok) return checked;
  const changes = checked.value;
  const next: PeriodDoc = {
    ...rules,
    _id: id,
    minAge: prev ? prev.minAge : 16,
    current: true,
    openedAt: ctx.now.toISOString(),
  };
  let alumni = 0;
  if (prev) {
    await periods.updateOne({ _id: prev._id }, { $set: { current: false } });
    alumni = await selectedToAlumni(ctx, prev._id);
  }
  await periods.insert(next);
  const agedOut = await ageOut(ctx, next);
  const from = prev ? prev._id : null;
  ctx.audit({
    target: `periods/${id}`,
    details: { from, changes: changes.map((c) => c.field), alumni, agedOut, reason: input.reason },
  });
  return ok({ periodId: id, changes, alumni, agedOut });
};

/** The ended period's selected youths join the alumni; how many. */
async function selectedToAlumni(ctx: Parameters<typeof openPeriod>[1], periodId: string): Promise<number> {
  const selected = await ctx.deps.store.collection<NominationDoc>(C.nominations).find({ periodId, status: 'approved' });
  for (const n of selected) await toAlumnus(ctx, n, periodId, ctx.actor.openid);
  return selected.length;
}

/** Active youths past the new period's age limit become alumni; how many. */
async function ageOut(ctx: Parameters<typeof openPeriod>[1], next: PeriodDoc): Promise<number> {
  const { deps, actor, now } = ctx;
  const youths = deps.store.collection<YouthDoc>(C.youths);
  let count = 0;
  for (const y of await youths.find({ status: 'active' }, { projection: { status: 1, birthDate: 1 } })) {
    if (rolloverStatus(y, next) !== 'aged_out') continue;
    await youths.updateOne(
      { _id: y._id, status: 'active' },
      {
        $set: { status: 'alumni', alumni: { reason: 'aged_out', at: now, periodId: next._id }, updatedAt: now },
        $push: { history: { at: now, event: 'aged_out', actor: actor.openid, note: `新一期（${next._id}）年龄上限` } },
      },
    );
    count += 1;
  }
  return count;
}

/** A selected youth of the ended period joins the alumni: their database record, made from the nomination if new. */
async function toAlumnus(
  ctx: Parameters<typeof openPeriod>[1],
  n: NominationDoc,
  periodId: string,
  who: string,
): Promise<void> {
  const { deps, now } = ctx;
  const keys = deps.store.collection<YouthKeyDoc>(C.youthKeys);
  const youths = deps.store.collection<YouthDoc>(C.youths);
  const alumni = { reason: 'period_end' as const, at: now, periodId };
  const entry = { at: now, event: 'period_end' as const, actor: who, note: `${periodId} 期入选` };
  const key = await keys.get(n.idHash);
  const held = key ? await youths.get(key.youthId) : null;
  if (held) {
    await youths.updateOne(
      { _id: held._id },
      {
        $set: { status: 'alumni', alumni, openid: held.openid ?? n.youthOpenid, updatedAt: now },
        $addToSet: { selectedPeriods: periodId },
        $push: { history: entry },
      },
    );
    return;
  }
  const id = randomId();
  await keys.insert({ _id: n.idHash, youthId: id });
  await youths.insert({
    _id: id,
    unitId: n.unitId,
    districtId: n.districtId,
    status: 'alumni',
    alumni,
    name: n.name,
    idHash: n.idHash,
    idNumberEnc: n.idNumberEnc,
    idNumberMasked: n.idNumberMasked,
    phoneEnc: n.phoneEnc,
    phoneMasked: n.phoneMasked,
    birthDate: n.birthDate,
    post: n.post,
    openid: n.youthOpenid,
    selectedPeriods: [periodId],
    lastConfirmedAt: n.submittedAt ?? n.createdAt,
    pendingChange: null,
    pendingUnitId: null,
    createdAt: now,
    updatedAt: now,
    history: [entry],
  });
}
