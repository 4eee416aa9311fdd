import type { cultivationContract, PartyCandidate } from '../../../../miniprogram/core/contracts/cultivation';
import { chinaDate, fullYears } from '../../../../miniprogram/core/china-time';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PartyKeyDoc, type YouthDoc } from '../../../_lib/collections';
import { currentPeriod } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { cadreScope, paged } from '../area';

/** A unit's list is hundreds at most; read whole, like the ledger. */
const MAX = 2000;

/**
 * The active youths of a unit's youth database (issue 14's dynamic database) for a Party application (R6): the
 * 好青年 of the current period first, then by name; each says whether they already have a Party record. A
 * district or the city names the unit.
 */
export const partyCandidates: Handler<typeof cultivationContract.actions.partyCandidates> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const scope = await cadreScope(deps, actor, input);
  if (!scope.ok) return scope;
  const [unitId] = scope.value.unitIds;
  if (scope.value.level !== 'unit' || !unitId) return err(appError('ORG.NOT_A_UNIT', 'name one unit'));
  const period = await currentPeriod(deps, now);
  const [youths, approved] = await Promise.all([
    deps.store
      .collection<YouthDoc>(C.youths)
      .find(
        { unitId, status: 'active' },
        { projection: { name: 1, birthDate: 1, post: 1, idHash: 1 }, sort: { name: 1, _id: 1 }, limit: MAX },
      ),
    period
      ? deps.store
          .collection<NominationDoc>(C.nominations)
          .find({ periodId: period._id, unitId, status: 'approved' }, { projection: { idHash: 1 } })
      : Promise.resolve([] as NominationDoc[]),
  ]);
  const keyword = input.keyword?.trim() ?? '';
  const chosen = youths.filter((y) => !keyword || y.name.includes(keyword));
  const keys =
    chosen.length === 0
      ? []
      : await deps.store
          .collection<PartyKeyDoc>(C.partyKeys)
          .find({ _id: { $in: chosen.map((y) => y.idHash) } }, { projection: { recordId: 1 } });
  const recordOf = new Map(keys.map((k) => [k._id, k.recordId]));
  const selected = new Set(approved.map((n) => n.idHash));
  const t = chinaDate(now);
  const rows: PartyCandidate[] = chosen
    .map((y) => ({
      youthId: y._id,
      name: y.name,
      age: fullYears(y.birthDate, t),
      post: y.post,
      selected: selected.has(y.idHash),
      recordId: recordOf.get(y.idHash) ?? null,
    }))
    .sort((a, b) => Number(b.selected) - Number(a.selected) || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  return ok(paged(rows, input.page, input.pageSize));
};
