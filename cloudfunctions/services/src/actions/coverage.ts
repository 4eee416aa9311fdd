import type { CoverageRow, servicesContract } from '../../../../miniprogram/core/contracts/services';
import { ok } from '../../../../miniprogram/core/result';
import { C, type OrgDoc, type ParticipationDoc } from '../../../_lib/collections';
import type { Handler } from '../../../_lib/router';
import { resolveScope } from '../../../_lib/scope';
import { districtNames } from '../area';

function rowOf(key: string, label: string, docs: ParticipationDoc[]): CoverageRow {
  const people = (kind: ParticipationDoc['kind']) =>
    new Set(docs.filter((d) => d.kind === kind).map((d) => d.openid)).size;
  return {
    key,
    label,
    youths: new Set(docs.map((d) => d.openid)).size,
    volunteers: people('volunteer'),
    hours: Math.round(docs.reduce((s, d) => s + (d.kind === 'volunteer' ? d.hours : 0), 0) * 10) / 10,
    insured: people('insurance'),
    credit: people('credit'),
  };
}

/** Coverage of R7.3: per district for the city, per unit for a district — people and hours, never names. */
export const coverage: Handler<typeof servicesContract.actions.coverage> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const scope = await resolveScope(deps, actor, { districtId: input.districtId });
  if (!scope.ok) return scope;
  const col = deps.store.collection<ParticipationDoc>(C.participation);
  if (scope.value.level === 'city') {
    const names = await districtNames(deps);
    const docs = await col.find({ districtId: { $in: [...Object.keys(names), null] } });
    const rows = Object.entries(names).map(([id, name]) =>
      rowOf(
        id,
        name,
        docs.filter((d) => d.districtId === id),
      ),
    );
    return ok({ scopeName: scope.value.name, rows: [rowOf('total', '全市', docs), ...rows] });
  }
  const docs = await col.find({ districtId: scope.value.orgId });
  const unitIds = [...new Set(docs.map((d) => d.unitId))];
  const units = unitIds.length
    ? await deps.store.collection<OrgDoc>(C.orgs).find({ _id: { $in: unitIds } }, { projection: { name: 1 } })
    : [];
  const rows = units.map((u) =>
    rowOf(
      u._id,
      u.name,
      docs.filter((d) => d.unitId === u._id),
    ),
  );
  return ok({ scopeName: scope.value.name, rows: [rowOf('total', scope.value.name, docs), ...rows] });
};
