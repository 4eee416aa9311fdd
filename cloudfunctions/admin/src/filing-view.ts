/** The filing list's rows: shared by the filing list, filing, reopening and the stamped scan. */
import type { FilingView } from '../../../miniprogram/core/contracts/admin';
import { filingId, sumOver, type FilingSubject } from '../../../miniprogram/core/filing';
import { C, type FilingDoc, type NominationDoc, type ObjectionDoc, type QuotaDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { ERASABLE_STATUSES } from '../../../miniprogram/core/nomination';

/** Approved places and open objections per unit, for many subjects in two reads (not two per subject). */
interface UnitCounts {
  approved: Map<string, number>;
  open: Map<string, number>;
  /** Nominations held until the list is reopened (issue 9 §3). */
  held: Map<string, number>;
}

function countBy(docs: ReadonlyArray<{ unitId: string }>): Map<string, number> {
  const out = new Map<string, number>();
  for (const d of docs) out.set(d.unitId, (out.get(d.unitId) ?? 0) + 1);
  return out;
}

/**
 * Open objections about records still on the list: one about a record voided or withdrawn since has nothing left
 * to decide for the filing (its handler may still dismiss it; the erasure removes it with the record).
 */
async function openObjections(deps: ServerDeps, periodId: string, unitIds: string[]): Promise<ObjectionDoc[]> {
  const open = await deps.store
    .collection<ObjectionDoc>(C.objections)
    .find({ periodId, unitId: { $in: unitIds }, status: 'open' }, { projection: { unitId: 1, nominationId: 1 } });
  if (open.length === 0) return open;
  const gone = await deps.store
    .collection<NominationDoc>(C.nominations)
    .find(
      { _id: { $in: [...new Set(open.map((o) => o.nominationId))] }, status: { $in: [...ERASABLE_STATUSES] } },
      { projection: { _id: 1 } },
    );
  const left = new Set(gone.map((n) => n._id));
  return open.filter((o) => !left.has(o.nominationId));
}

export async function unitCounts(deps: ServerDeps, periodId: string, unitIds: string[]): Promise<UnitCounts> {
  const [counters, objections, held] = await Promise.all([
    deps.store
      .collection<QuotaDoc>(C.quotas)
      .find({ periodId, unitId: { $in: unitIds } }, { projection: { unitId: 1, used: 1 } }),
    openObjections(deps, periodId, unitIds),
    deps.store
      .collection<NominationDoc>(C.nominations)
      .find({ periodId, unitId: { $in: unitIds }, status: 'held' }, { projection: { unitId: 1 } }),
  ]);
  return { approved: new Map(counters.map((q) => [q.unitId, q.used])), open: countBy(objections), held: countBy(held) };
}

type DocFields = Pick<
  FilingView,
  'state' | 'filedAt' | 'filedByName' | 'reopenReason' | 'emptyReason' | 'scan' | 'rowMismatch'
>;

const NOT_FILED: DocFields = {
  state: 'open',
  filedAt: null,
  filedByName: null,
  reopenReason: null,
  emptyReason: null,
  scan: null,
  rowMismatch: false,
};

function scanView(scan: NonNullable<FilingDoc['scan']>): NonNullable<FilingView['scan']> {
  const { kind, files, pageCount, confirmedRows, uploadedByName, at } = scan;
  return {
    kind,
    files: files.map(({ fileId, sha256 }) => ({ fileId, sha256 })),
    pageCount,
    confirmedRows,
    uploadedByName,
    at: at.toISOString(),
  };
}

function docFields(doc: FilingDoc | null): DocFields {
  if (!doc) return NOT_FILED;
  return {
    state: doc.state,
    filedAt: doc.filedAt ? doc.filedAt.toISOString() : null,
    filedByName: doc.filedByName,
    reopenReason: doc.reopenReason,
    // A reopened list is no longer declared empty; filing it again asks afresh.
    emptyReason: doc.state === 'filed' ? (doc.emptyReason ?? null) : null,
    scan: doc.scan ? scanView(doc.scan) : null,
    rowMismatch: doc.rowMismatch,
  };
}

export async function filingView(
  deps: ServerDeps,
  periodId: string,
  s: FilingSubject,
  doc: FilingDoc | null,
  districtName: string,
  known?: UnitCounts,
): Promise<FilingView> {
  const counts = known ?? (await unitCounts(deps, periodId, s.unitIds));
  // A filed list shows what was filed; an open one the live count.
  const rows = doc?.state === 'filed' ? doc.approvedRows : sumOver(s.unitIds, counts.approved);
  return {
    id: filingId(periodId, s),
    kind: s.kind,
    orgId: s.orgId,
    name: s.name,
    districtName,
    approvedRows: rows,
    openObjections: sumOver(s.unitIds, counts.open),
    waiting: sumOver(s.unitIds, counts.held),
    ...docFields(doc),
  };
}
