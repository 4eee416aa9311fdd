import type { mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type MentorDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { blankMentor, checkExpertise, districtNames, mentorView } from '../area';

/** The district named is a district, and the unit (if any) a unit. */
async function checkPlaces(deps: ServerDeps, districtId: string, unitId: string | null) {
  const district = await getOrg(deps, districtId);
  if (district?.level !== 'district') return err(appError('ORG.NOT_FOUND', 'district not found'));
  const unit = unitId === null ? null : await getOrg(deps, unitId);
  if (unitId !== null && unit?.level !== 'unit') return err(appError('ORG.NOT_FOUND', 'unit not found'));
  return ok(null);
}

/** The mentor completes their profile on the phone; capacity cannot drop below the mentees they have. */
export const saveProfile: Handler<typeof mentoringContract.actions.saveProfile> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const places = await checkPlaces(deps, input.districtId, input.unitId ?? null);
  if (!places.ok) return places;
  const known = await checkExpertise(deps, input.expertise);
  if (!known.ok) return known;
  const mentors = deps.store.collection<MentorDoc>(C.mentors);
  const existing = await mentors.get(actor.openid);
  const fields = {
    name: actor.displayName ?? '导师',
    orgName: input.orgName,
    unitId: input.unitId ?? null,
    sector: input.sector,
    districtId: input.districtId,
    expertise: [...new Set(input.expertise)],
    capacity: input.capacity,
    excludedNames: [...new Set(input.excludedNames)],
    updatedAt: now,
  };
  if (existing) {
    if (input.capacity < existing.load)
      return err(appError('MENTORING.OVER_CAPACITY', 'capacity below current mentees', { load: existing.load }));
    // Conditional on the load read: a publication taking a place meanwhile makes this run again.
    const saved = await mentors.updateOne({ _id: existing._id, load: existing.load }, { $set: fields });
    if (saved === 0) throw new Error('mentor changed meanwhile');
  } else {
    await mentors.insert({ ...blankMentor(actor, now, deps.cityOrgId), ...fields });
  }
  ctx.audit({ target: `mentors/${actor.openid}`, details: { districtId: input.districtId, capacity: input.capacity } });
  const doc = await mentors.get(actor.openid);
  return ok(mentorView(doc as MentorDoc, await districtNames(deps)));
};
