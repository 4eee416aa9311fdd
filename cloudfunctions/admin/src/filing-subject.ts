/** Which list a filing id names and who may file or reopen it: shared by filing, reopening and the stamped scan. */
import { appError } from '../../../miniprogram/core/errors';
import {
  canFile,
  canOversee,
  districtFilingSubject,
  parseFilingId,
  unitFilingSubject,
  type FilingSubject,
} from '../../../miniprogram/core/filing';
import { err, ok } from '../../../miniprogram/core/result';
import { C, type FilingDoc, type OrgDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import type { Actor } from '../../_lib/identity';
import { currentPeriod, getOrg } from '../../_lib/queries';
import type { ActionContext } from '../../_lib/router';

async function subjectFor(deps: ServerDeps, id: string): Promise<FilingSubject | null> {
  const parsed = parseFilingId(id);
  const org = parsed ? await getOrg(deps, parsed.orgId) : null;
  if (!parsed || !org) return null;
  if (parsed.kind === 'unit') return unitFilingSubject(org);
  if (org.level !== 'district') return null;
  const units = await deps.store
    .collection<OrgDoc>(C.orgs)
    .find({ level: 'unit', districtId: org._id }, { projection: { category: 1, districtId: 1 } });
  return districtFilingSubject(org, units);
}

export const mayFile = (actor: Actor, s: FilingSubject): boolean => canFile(actor.grants, s);
export const mayOversee = (actor: Actor, s: FilingSubject): boolean => canOversee(actor.grants, s);

export async function loadSubject(
  ctx: ActionContext & { actor: Actor },
  id: string,
  allowed: (a: Actor, s: FilingSubject) => boolean,
) {
  const period = await currentPeriod(ctx.deps, ctx.now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const subject = id.startsWith(`${period._id}:`) ? await subjectFor(ctx.deps, id) : null;
  if (!subject) return err(appError('ORG.NOT_FOUND', 'no such filing'));
  if (!allowed(ctx.actor, subject)) return err(appError('AUTH.OUT_OF_SCOPE', 'filing outside your scope'));
  const doc = await ctx.deps.store.collection<FilingDoc>(C.filings).get(id);
  return ok({ periodId: period._id, subject, doc });
}
