import type { cultivationContract, TimelineView } from '../../../../miniprogram/core/contracts/cultivation';
import { ADMIN_ROLES } from '../../../../miniprogram/core/scope';
import { appError, type CodedError } from '../../../../miniprogram/core/errors';
import { err, ok, type Result } from '../../../../miniprogram/core/result';
import { C, type NominationDoc, type PartyRecordDoc, type ReserveDoc } from '../../../_lib/collections';
import type { ServerDeps } from '../../../_lib/deps';
import { covers, type Actor } from '../../../_lib/identity';
import type { Handler } from '../../../_lib/router';
import { getOrg } from '../../../_lib/queries';
import {
  coverageOf,
  coversYouth,
  measuresOf,
  measureView,
  nominationOf,
  ownRecord,
  partyView,
  reserveView,
} from '../area';

/** The youth the call is about: the caller's own record, or one of a cadre's units (`canManage`). */
async function whose(
  deps: ServerDeps,
  actor: Actor,
  nominationId: string | undefined,
): Promise<
  Result<
    { n: NominationDoc; canManage: boolean },
    CodedError<'CULTIVATION.NOT_FOUND' | 'CULTIVATION.NOT_SELECTED' | 'AUTH.OUT_OF_SCOPE'>
  >
> {
  if (!nominationId) {
    const own = await ownRecord(deps, actor.openid);
    return own ? ok({ n: own, canManage: false }) : err(appError('CULTIVATION.NOT_SELECTED', 'not a 好青年'));
  }
  const n = await nominationOf(deps, nominationId);
  if (!n) return err(appError('CULTIVATION.NOT_FOUND', 'no such youth'));
  const canManage = await coversYouth(deps, actor, n);
  if (!canManage && n.youthOpenid !== actor.openid)
    return err(appError('AUTH.OUT_OF_SCOPE', 'youth outside your scope'));
  return ok({ n, canManage });
}

/**
 * A record started from the youth database (no nomination): only the Party steps, for the unit and the youth.
 */
async function partyOnly(
  deps: ServerDeps,
  actor: Actor,
  r: PartyRecordDoc,
  now: Date,
): Promise<Result<TimelineView, CodedError<'AUTH.OUT_OF_SCOPE'>>> {
  const unit = await getOrg(deps, r.unitId);
  const canManage = unit !== null && covers(actor, unit, ADMIN_ROLES);
  if (!canManage && r.youthOpenid !== actor.openid)
    return err(appError('AUTH.OUT_OF_SCOPE', 'youth outside your scope'));
  const unitName = unit?.name ?? '';
  return ok({
    nominationId: r._id,
    name: r.name,
    unitName,
    selected: false,
    canManage,
    canDecideReserve: false,
    partyOnly: true,
    coverage: coverageOf([], now),
    measures: [],
    party: partyView(r, null, unitName, now),
    reserve: null,
  });
}

/**
 * One youth's cultivation: every measure newest first (with the ones waiting for the unit and those it declined),
 * coverage, the Party development record and the reserve-cadre record. A youth reads their own; a cadre any youth
 * of the units they cover. A youth of the database without a nomination has the Party record only.
 */
export const timeline: Handler<typeof cultivationContract.actions.timeline> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const started = input.nominationId
    ? await deps.store.collection<PartyRecordDoc>(C.partyRecords).get(input.nominationId)
    : null;
  if (started?.source === 'registry') return partyOnly(deps, actor, started, now);
  const found = await whose(deps, actor, input.nominationId);
  if (!found.ok) return found;
  const { n, canManage } = found.value;
  const [measures, party, reserve, unit] = await Promise.all([
    measuresOf(deps, n._id),
    deps.store.collection<PartyRecordDoc>(C.partyRecords).get(n._id),
    deps.store.collection<ReserveDoc>(C.reserveCadres).get(n._id),
    getOrg(deps, n.unitId),
  ]);
  const unitName = unit?.name ?? '';
  return ok({
    nominationId: n._id,
    name: n.name,
    unitName,
    selected: n.status === 'approved',
    canManage,
    canDecideReserve: unit !== null && covers(actor, unit, ['districtAdmin', 'cityAdmin']),
    partyOnly: false,
    coverage: coverageOf(measures, now),
    measures: measures.map(measureView),
    party: party ? partyView(party, n, unitName, now) : null,
    reserve: reserve ? reserveView(reserve, unitName) : null,
  });
};
