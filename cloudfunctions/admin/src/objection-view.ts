/** An objection as the admin pages show it, with the youth's and unit's names: for the list and the disposition. */
import type { ObjectionView } from '../../../miniprogram/core/contracts/admin';
import { maskContact } from '../../../miniprogram/core/id-number';
import { C, type NominationDoc, type ObjectionDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import type { Actor } from '../../_lib/identity';
import { unitsWithAdmin } from '../../_lib/reviewers';
import { decides, reviewerLevel } from '../../../miniprogram/core/review';
import type { OrgDoc } from '../../_lib/collections';

function objectionView(
  deps: ServerDeps,
  o: ObjectionDoc,
  youthName: string,
  unitName: string,
  mayResolve: boolean,
): ObjectionView {
  return {
    id: o._id,
    nominationId: o.nominationId,
    youthName,
    unitName,
    content: o.content,
    contactMasked: o.contactEnc ? maskContact(deps.crypto.decrypt(o.contactEnc)) : null,
    objectorName: o.objectorName ?? null,
    status: o.status,
    disposition: o.disposition,
    note: o.note,
    createdAt: o.createdAt.toISOString(),
    resolvedAt: o.resolvedAt?.toISOString() ?? null,
    mayResolve: mayResolve && o.status === 'open',
  };
}

/**
 * The objections as the actor sees them: an objection is handled by whoever reviews its unit — the unit's admin,
 * or for a unit without one its district (the city for a city-level unit), issue 9 §2 — and only looked at by the
 * other cadres in scope.
 */
export async function views(deps: ServerDeps, docs: ObjectionDoc[], actor: Actor): Promise<ObjectionView[]> {
  const unitIds = [...new Set(docs.map((d) => d.unitId))];
  const [nominations, units, staffed] = await Promise.all([
    deps.store
      .collection<NominationDoc>(C.nominations)
      .find({ _id: { $in: docs.map((d) => d.nominationId) } }, { projection: { name: 1 } }),
    deps.store.collection<OrgDoc>(C.orgs).find({ _id: { $in: unitIds } }, { projection: { name: 1, districtId: 1 } }),
    unitsWithAdmin(deps, unitIds),
  ]);
  const youth = new Map(nominations.map((n) => [n._id, n.name]));
  const unitOf = new Map(units.map((u) => [u._id, u]));
  return docs.map((d) => {
    const unit = unitOf.get(d.unitId);
    const handles = unit ? decides(actor.grants, unit, reviewerLevel(unit, staffed.has(unit._id))) : false;
    return objectionView(deps, d, youth.get(d.nominationId) ?? '', unit?.name ?? '', handles);
  });
}
