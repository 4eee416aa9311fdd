import type { DistrictLoad, mentoringContract } from '../../../../miniprogram/core/contracts/mentoring';
import { ok } from '../../../../miniprogram/core/result';
import { C, type MentorDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { districtsIn } from '../../../_lib/scope';
import { areaScope, districtNames, mentorView } from '../area';

/** The mentor service group of a district or the city: each district's load (mentees / capacity), then the mentors. */
export const group: Handler<typeof mentoringContract.actions.group> = async (input, ctx) => {
  const { deps } = ctx;
  const scope = await areaScope(deps, ctx.actor, input.districtId);
  if (!scope.ok) return scope;
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const mentors = await deps.store
    .collection<MentorDoc>(C.mentors)
    .find(scope.value.filter, { sort: { districtId: 1, _id: 1 } });
  const names = await districtNames(deps);
  const districts: DistrictLoad[] = (await districtsIn(deps, scope.value)).map((d) => {
    const own = mentors.filter((m) => m.districtId === d._id && m.status === 'active');
    return {
      districtId: d._id,
      districtName: d.name,
      mentors: own.length,
      load: own.reduce((s, m) => s + m.load, 0),
      capacity: own.reduce((s, m) => s + m.capacity, 0),
    };
  });
  const items = mentors.slice((page - 1) * pageSize, page * pageSize).map((m) => mentorView(m, names));
  return ok({ districts, items, page, pageSize, total: mentors.length, hasMore: page * pageSize < mentors.length });
};
