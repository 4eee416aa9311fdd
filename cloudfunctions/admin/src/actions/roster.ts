import type { adminContract, RosterItem, RosterQuery } from '../../../../miniprogram/core/contracts/admin';
import { chinaDate, fullYears } from '../../../../miniprogram/core/china-time';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { recordFilter, type Scope } from '../../../../miniprogram/core/scope';
import { C, type NominationDoc } from '../../../_lib/collections';
import { CITY_LEVEL_LABEL, currentPeriod, orgNames, prefixPattern } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import type { Filter } from '../../../_lib/store/port';

const LISTED = ['submitted', 'returned', 'approved', 'rejected'];
/** Only what a roster row shows: never ciphertext, hashes or deeds (and a page stays far below 64 KB of setData). */
const ROW_FIELDS = {
  name: 1,
  sex: 1,
  birthDate: 1,
  idNumberMasked: 1,
  phoneMasked: 1,
  unitId: 1,
  districtId: 1,
  category: 1,
  status: 1,
  politicalStatus: 1,
  education: 1,
  post: 1,
} as const;

export function rosterFilter(periodId: string, scope: Scope, q: RosterQuery): Filter {
  const filter: Filter = { periodId, status: q.status ?? { $in: LISTED }, ...recordFilter(scope) };
  if (q.category) filter.category = q.category;
  if (q.politicalStatus) filter.politicalStatus = q.politicalStatus;
  if (q.education) filter.education = q.education;
  // Names are matched from their start: "张" finds 张晓青, and the pattern cannot be injected.
  if (q.keyword) filter.name = { $regex: prefixPattern(q.keyword) };
  return filter;
}

/** The dynamic youth database as cadres browse it on a phone: scoped, filtered, 20 a page, masked. */
export const roster: Handler<typeof adminContract.actions.roster> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const period = await currentPeriod(deps, now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const scope = await resolveScope(deps, actor, input);
  if (!scope.ok) return scope;
  const filter = rosterFilter(period._id, scope.value, input);
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const nominations = deps.store.collection<NominationDoc>(C.nominations);
  // Natural (submission) order: a page is found without sorting the whole scope.
  const [docs, total] = await Promise.all([
    nominations.find(filter, { skip: (page - 1) * pageSize, limit: pageSize, projection: ROW_FIELDS }),
    nominations.count(filter),
  ]);
  const names = await orgNames(
    deps,
    [...docs.map((d) => d.unitId), ...docs.map((d) => d.districtId ?? '')].filter(Boolean),
  );
  const today = chinaDate(now);
  const items: RosterItem[] = docs.map((d) => ({
    id: d._id,
    name: d.name,
    sex: d.sex,
    // Full years, never the birth date: beside the masked number it would rebuild it (R9.1).
    age: fullYears(d.birthDate, today),
    idNumberMasked: d.idNumberMasked,
    phoneMasked: d.phoneMasked,
    unitId: d.unitId,
    unitName: names.get(d.unitId) ?? '',
    category: d.category,
    districtName: d.districtId ? (names.get(d.districtId) ?? '') : CITY_LEVEL_LABEL,
    status: d.status,
    politicalStatus: d.politicalStatus,
    education: d.education,
    post: d.post,
  }));
  return ok({ items, page, pageSize, total, hasMore: page * pageSize < total });
};
