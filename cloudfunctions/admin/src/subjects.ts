/** R4.4 who files: shared by the filing actions and the dashboard's filing progress. */
import { filingSubjectOf, type FilingKind } from '../../../miniprogram/core/filing';
import type { OrgDoc } from '../../_lib/collections';

export interface Subject {
  kind: FilingKind;
  orgId: string;
  name: string;
  districtId: string | null;
  /** The units whose approved youths this filing covers. */
  unitIds: string[];
}

/** R4.4 the filing subjects: each self-filing unit, and each district for its other grassroots units. */
export function filingSubjects(units: OrgDoc[], districts: OrgDoc[]): Subject[] {
  const grassroots = new Map<string, string[]>();
  const subjects: Subject[] = [];
  for (const u of units) {
    const s = filingSubjectOf(u);
    if (s.kind === 'unit')
      subjects.push({ kind: 'unit', orgId: u._id, name: u.name, districtId: u.districtId, unitIds: [u._id] });
    else grassroots.set(s.orgId, [...(grassroots.get(s.orgId) ?? []), u._id]);
  }
  for (const d of districts) {
    const ids = grassroots.get(d._id);
    if (ids)
      subjects.push({
        kind: 'district',
        orgId: d._id,
        name: `${d.name}（其他基层领域）`,
        districtId: d._id,
        unitIds: ids,
      });
  }
  return subjects;
}
