/** An objection as the admin pages show it, with the youth's and unit's names: for the list and the disposition. */
import type { ObjectionView } from '../../../miniprogram/core/contracts/admin';
import { maskContact } from '../../../miniprogram/core/id-number';
import { C, type NominationDoc, type ObjectionDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { orgNames } from '../../_lib/queries';

function objectionView(deps: ServerDeps, o: ObjectionDoc, youthName: string, unitName: string): ObjectionView {
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
  };
}

export async function views(deps: ServerDeps, docs: ObjectionDoc[]): Promise<ObjectionView[]> {
  const nominations = await deps.store
    .collection<NominationDoc>(C.nominations)
    .find({ _id: { $in: docs.map((d) => d.nominationId) } }, { projection: { name: 1 } });
  const youth = new Map(nominations.map((n) => [n._id, n.name]));
  const units = await orgNames(
    deps,
    docs.map((d) => d.unitId),
  );
  return docs.map((d) => objectionView(deps, d, youth.get(d.nominationId) ?? '', units.get(d.unitId) ?? ''));
}
