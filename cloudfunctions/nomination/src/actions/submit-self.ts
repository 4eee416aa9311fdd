import type { nominationContract, SelfNominationInput } from '../../../../miniprogram/core/contracts/nomination';
import type { Eligible } from '../../../../miniprogram/core/eligibility';
import { appError } from '../../../../miniprogram/core/errors';
import { maskIdNumber, maskPhone, normalizeIdNumber } from '../../../../miniprogram/core/id-number';
import { ACTIVE_STATUSES } from '../../../../miniprogram/core/nomination';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type AccountDoc, type HistoryEntry, type NominationDoc, type OrgDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { getOrg } from '../../../_lib/queries';
import type { ActionContext, Handler } from '../../../_lib/router';
import { enforceEligibility, openPeriod } from '../../../_lib/rules';
import { DuplicateKeyError } from '../../../_lib/store/port';
import { toView } from '../view';

const duplicate = () => err(appError('NOMINATION.DUPLICATE', 'a nomination already exists this period'));

/**
 * Self-nomination (个人自荐, R4.1). The server re-checks eligibility on every
 * submit (R2.5) in China time, and the `periodId:idHash` key allows one active
 * nomination per person per period whatever the channel (R4.6).
 */
export const submitSelf: Handler<typeof nominationContract.actions.submitSelf> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const grant = actor.grants.find((g) => g.role === 'youth');
  const unit = grant ? await getOrg(deps, grant.orgId) : null;
  if (!unit || unit.level !== 'unit') return err(appError('ACCOUNT.NOT_BOUND', 'bind to a unit first'));
  const period = await openPeriod(deps, now);
  if (!period.ok) return period;
  const verdict = enforceEligibility(input, period.value, now);
  if (!verdict.ok) return verdict;

  const idNumber = normalizeIdNumber(input.idNumber);
  const key = `${period.value._id}:${deps.crypto.hash(idNumber)}`;
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  // The youth already holds a place in this period under another ID number.
  const other = await nominations.findOne({
    periodId: period.value._id,
    youthOpenid: actor.openid,
    status: { $in: [...ACTIVE_STATUSES] },
    _id: { $ne: key },
  });
  if (other) return duplicate();

  const actorName = (await deps.store.collection<AccountDoc>(C.accounts).get(actor.openid))?.displayName ?? input.name;
  const fields = nominationFields(deps, input, idNumber, verdict.value, unit, actor.openid, now);
  const saved = await save(deps, { key, periodId: period.value._id, fields, actorName, actor: actor.openid, now });
  if (!saved) return duplicate();
  ctx.audit({ target: `nominations/${key}`, details: { channel: 'self', unitId: unit._id } });
  await notifyUnitAdmins(ctx, unit, input.name);
  return ok({ nomination: toView(saved, unit.name) });
};

function nominationFields(
  deps: ServerDeps,
  input: SelfNominationInput,
  idNumber: string,
  eligible: Eligible,
  unit: OrgDoc,
  openid: string,
  now: Date,
) {
  return {
    channel: 'self' as const,
    status: 'submitted' as const,
    youthOpenid: openid,
    unitId: unit._id,
    districtId: unit.districtId,
    name: input.name,
    idHash: deps.crypto.hash(idNumber),
    idNumberEnc: deps.crypto.encrypt(idNumber),
    idNumberMasked: maskIdNumber(idNumber),
    phoneEnc: deps.crypto.encrypt(input.phone),
    phoneMasked: maskPhone(input.phone),
    birthDate: eligible.birthDate,
    sex: eligible.sex,
    post: input.post,
    onStaff: input.onStaff,
    submittedAt: now,
    updatedAt: now,
  };
}

type Fields = ReturnType<typeof nominationFields>;

/** Inserts, or reuses the record when it is the youth's own returned one or no longer active. Null = taken. */
async function save(
  deps: ServerDeps,
  p: { key: string; periodId: string; fields: Fields; actorName: string; actor: string; now: Date },
): Promise<NominationDoc | null> {
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  const existing = await nominations.get(p.key);
  if (!existing) {
    const entry: HistoryEntry = { at: p.now, action: 'submit', actor: p.actor, actorName: p.actorName, comment: null };
    const doc: NominationDoc = { _id: p.key, periodId: p.periodId, ...p.fields, createdAt: p.now, history: [entry] };
    try {
      await nominations.insert(doc);
      return doc;
    } catch (e) {
      // A concurrent submit of the same person won the race.
      if (e instanceof DuplicateKeyError) return null;
      throw e;
    }
  }
  const ownReturned = existing.youthOpenid === p.actor && existing.status === 'returned';
  // Never reveal whose nomination it is or at which unit.
  if (!ownReturned && ACTIVE_STATUSES.includes(existing.status)) return null;
  const entry: HistoryEntry = {
    at: p.now,
    action: ownReturned ? 'resubmit' : 'submit',
    actor: p.actor,
    actorName: p.actorName,
    comment: null,
  };
  const matched = await nominations.updateOne(
    { _id: p.key, status: existing.status },
    { $set: p.fields, $push: { history: entry } },
  );
  return matched === 0 ? null : nominations.get(p.key);
}

async function notifyUnitAdmins(ctx: ActionContext, unit: OrgDoc, name: string): Promise<void> {
  const admins = await ctx.deps.store
    .collection<AccountDoc>(C.accounts)
    .find({ grants: { $elemMatch: { role: 'unitAdmin', orgId: unit._id } } }, { projection: { _id: 1 }, limit: 20 });
  for (const admin of admins) {
    ctx.notify({
      toOpenid: admin._id,
      title: '新的好青年推荐待审核',
      body: `${name}提交了个人自荐，请及时审核。`,
      page: 'pages/review/pending/index',
    });
  }
}
