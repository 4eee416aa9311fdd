import type { cronContract } from '../../../../miniprogram/core/contracts/cron';
import { ERASABLE_STATUSES } from '../../../../miniprogram/core/nomination';
import { ok } from '../../../../miniprogram/core/result';
import {
  C,
  type DraftDoc,
  type NominationDoc,
  type ParticipationDoc,
  type PeriodDoc,
  type ServiceRequestDoc,
  type YouthDoc,
} from '../../../_lib/collections';
import type { PublicHandler } from '../../../_lib/router';
import { eraseNomination, eraseParticipation, eraseServiceRequest, eraseYouth, forgetSubjects } from '../erasure';

/** Records read per query; each is erased in a transaction of its own. */
const BATCH = 100;
/** Stop starting new records after this long (the function times out at 60 s); the next run goes on. */
const BUDGET_MS = 45_000;
const DAY_MS = 86_400_000;
/** Drafts of a period no longer in the database are kept this long untouched. */
const DEFAULT_RETENTION_DAYS = 30;

/**
 * R9.2 / PIPL art. 47: every withdrawn or voided record past its erasure date is erased, with every trace of
 * its person (`erasure.ts`), one transaction and one audit entry per record, in batches until none is left;
 * then drafts untouched for longer than their period's retention; then the store is compacted so no deleted
 * version stays on disk. A crash mid-way loses at most the record in hand: the next run finds only what is
 * left, so nothing is done twice.
 */
export const purgeWithdrawn: PublicHandler<typeof cronContract.actions.purgeWithdrawn> = async (_input, ctx) => {
  const started = Date.now();
  const inBudget = () => Date.now() - started < BUDGET_MS;
  const { erased: records, more } = await purgeNominations(ctx, inBudget);
  const youths = more ? 0 : await purgeYouths(ctx, inBudget);
  const services = more ? 0 : await purgeServices(ctx, inBudget);
  const drafts = more ? 0 : await purgeDrafts(ctx, inBudget);
  const summary = { erased: records + youths + services, drafts, more: more || !inBudget() };
  // The run itself is on record too, even when it found nothing to do.
  await ctx.step(async (s) => s.audit({ target: null, details: summary }));
  await ctx.deps.store.compact();
  return ok(summary);
};

/** Withdrawn and voided records past their erasure date, in batches; `more` when the budget ran out first. */
async function purgeNominations(
  ctx: Parameters<typeof purgeWithdrawn>[1],
  inBudget: () => boolean,
): Promise<{ erased: number; more: boolean }> {
  const nominations = ctx.deps.store.collection<NominationDoc>(C.nominations);
  let erased = 0;
  for (;;) {
    const due = await nominations.find(
      { status: { $in: [...ERASABLE_STATUSES] }, eraseAfter: { $lte: ctx.now } },
      { projection: { _id: 1 }, limit: BATCH, sort: { eraseAfter: 1, _id: 1 } },
    );
    let progress = 0;
    for (const { _id } of due) {
      if (!inBudget()) break;
      if (await ctx.step((s) => eraseNomination(s, _id))) progress += 1;
    }
    erased += progress;
    if (due.length < BATCH || progress === 0) return { erased, more: false };
    if (!inBudget()) return { erased, more: true };
  }
}

/** Youth-database records whose person asked for erasure (issue 14), each in a step of its own. */
async function purgeYouths(ctx: Parameters<typeof purgeWithdrawn>[1], inBudget: () => boolean): Promise<number> {
  const due = await ctx.deps.store
    .collection<YouthDoc>(C.youths)
    .find({ eraseAfter: { $lte: ctx.now } }, { projection: { _id: 1 }, limit: BATCH, sort: { eraseAfter: 1, _id: 1 } });
  let erased = 0;
  for (const { _id } of due) {
    if (!inBudget()) break;
    if (await ctx.step((s) => eraseYouth(s, _id))) erased += 1;
  }
  return erased;
}

/** Service requests and participation records queued for erasure (issue 12), each in a step of its own. */
async function purgeServices(ctx: Parameters<typeof purgeWithdrawn>[1], inBudget: () => boolean): Promise<number> {
  const due = { eraseAfter: { $lte: ctx.now } };
  const page = { projection: { _id: 1 }, limit: BATCH, sort: { eraseAfter: 1, _id: 1 } } as const;
  let erased = 0;
  for (const { _id } of await ctx.deps.store.collection<ServiceRequestDoc>(C.serviceRequests).find(due, page)) {
    if (!inBudget()) return erased;
    if (await ctx.step((s) => eraseServiceRequest(s, _id))) erased += 1;
  }
  for (const { _id } of await ctx.deps.store.collection<ParticipationDoc>(C.participation).find(due, page)) {
    if (!inBudget()) return erased;
    if (await ctx.step((s) => eraseParticipation(s, _id))) erased += 1;
  }
  return erased;
}

/** Drafts untouched past their period's retention (a draft never holds the ID number or phone, but a name). */
async function purgeDrafts(ctx: Parameters<typeof purgeWithdrawn>[1], inBudget: () => boolean): Promise<number> {
  const periods = await ctx.deps.store.collection<PeriodDoc>(C.periods).find({});
  const shortest = Math.min(DEFAULT_RETENTION_DAYS, ...periods.map((p) => p.retentionDays));
  const retention = new Map(periods.map((p) => [p._id, p.retentionDays]));
  const drafts = ctx.deps.store.collection<DraftDoc>(C.drafts);
  const before = new Date(ctx.now.getTime() - shortest * DAY_MS);
  let purged = 0;
  let skip = 0;
  for (;;) {
    const old = await drafts.find(
      { updatedAt: { $lt: before } },
      { projection: { _id: 1, periodId: 1, updatedAt: 1 }, limit: BATCH, skip, sort: { updatedAt: 1, _id: 1 } },
    );
    for (const d of old) {
      if (!inBudget()) return purged;
      const cutoff = new Date(ctx.now.getTime() - (retention.get(d.periodId) ?? DEFAULT_RETENTION_DAYS) * DAY_MS);
      if (d.updatedAt >= cutoff) {
        skip += 1; // its period keeps drafts longer
        continue;
      }
      purged += await ctx.step(async (s) => {
        // Conditional on the time read: a draft saved again meanwhile stays.
        const gone = await s.deps.store
          .collection<DraftDoc>(C.drafts)
          .deleteOne({ _id: d._id, updatedAt: d.updatedAt });
        if (gone) {
          await forgetSubjects(s, [`drafts/${d._id}`]);
          s.audit({ target: `drafts/${d._id}`, details: { erased: true } });
        }
        return gone;
      });
    }
    if (old.length < BATCH) return purged;
  }
}
