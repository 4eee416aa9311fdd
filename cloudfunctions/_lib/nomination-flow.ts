/**
 * The nomination table's requirements, bound to the server: shared by the
 * nomination function (review, withdraw, resubmit) and the admin function
 * (an upheld objection), so each rule is written once.
 */
import { appError, type CodedError, type EligibilityCode } from '../../miniprogram/core/errors';
import {
  NOMINATION_FLOW,
  type NominationEvent,
  type NominationRequirement,
  type NominationRequirementsOf,
  type NominationStatus,
} from '../../miniprogram/core/nomination';
import type { TransitionTable } from '../../miniprogram/core/workflow';
import { err, ok, type Result } from '../../miniprogram/core/result';
import { C, type HistoryEntry, type NominationDoc, type OrgDoc, type PeriodDoc } from './collections';
import { guardFiling, unlocked } from './filing';
import { releasePlace, takePlace } from './quota';
import type { ActionContext } from './router';
import { enforceEligibility } from './rules';
import { applyTransition } from './workflow';

const TABLE: TransitionTable<NominationStatus, NominationEvent, NominationRequirement> = NOMINATION_FLOW;

/** The refusal each requirement may answer with. */
interface RequirementCode {
  independent: 'NOMINATION.OWN_RECORD';
  reason: 'INPUT.INVALID';
  confirmation: 'INPUT.INVALID';
  eligible: EligibilityCode;
  unlockedFiling: 'FILING.LOCKED';
  takePlace: 'QUOTA.EXCEEDED';
  releasePlace: never;
  guardFiling: never;
}

/** What moving a nomination by `E` may answer: not allowed / changed meanwhile, or a requirement's refusal. */
export type MoveError<E extends NominationEvent> = CodedError<
  'NOMINATION.INVALID_STATE' | RequirementCode[NominationRequirementsOf<E> & NominationRequirement]
>;

export interface NominationMove<E extends NominationEvent> {
  doc: NominationDoc;
  unit: OrgDoc;
  event: E;
  entry: HistoryEntry;
  /** Fields set together with the new status. */
  set?: Partial<Omit<NominationDoc, '_id' | 'status'>>;
  details?: Record<string, unknown>;
  /** R4.2 the reviewer confirmed on-staff status and the three criteria (approval only). */
  confirmed?: boolean;
}

const required = (path: string, message: string) =>
  err(appError('INPUT.INVALID', message, { issues: [{ path, code: 'required' }] }));

export async function moveNomination<E extends NominationEvent>(
  ctx: ActionContext,
  m: NominationMove<E>,
): Promise<Result<NominationDoc, MoveError<E>>> {
  const { deps, now } = ctx;
  const period = async (): Promise<PeriodDoc> => {
    const found = await deps.store.collection<PeriodDoc>(C.periods).get(m.doc.periodId);
    if (!found) throw new Error('nomination without period');
    return found;
  };
  const moved = await applyTransition(ctx, {
    collection: C.nominations,
    table: TABLE,
    doc: m.doc,
    event: m.event,
    entry: m.entry,
    set: m.set,
    details: m.details,
    invalidCode: 'NOMINATION.INVALID_STATE',
    requirements: {
      // Issue 8 §5: a nominee never decides on their own record; the level above does.
      independent: async () =>
        m.doc.youthOpenid !== null && m.doc.youthOpenid === ctx.actor?.openid
          ? err(appError('NOMINATION.OWN_RECORD', 'the nominee cannot decide on their own record'))
          : ok(null),
      reason: async () => (m.entry.comment ? ok(null) : required('comment', 'a reason is required')),
      confirmation: async () =>
        m.confirmed ? ok(null) : required('confirm', 'approval confirms on-staff status and the criteria'),
      // R2.5 eligibility is re-evaluated at approval, with today's date.
      eligible: async () =>
        enforceEligibility(
          {
            idNumber: deps.crypto.decrypt(m.doc.idNumberEnc),
            onStaff: m.doc.onStaff,
            attestations: m.doc.attestations,
          },
          await period(),
          now,
        ),
      unlockedFiling: () => unlocked(deps, m.doc.periodId, m.unit),
      guardFiling: async () => {
        await guardFiling(deps, m.doc.periodId, m.unit, now);
        return ok(null);
      },
      takePlace: async () => takePlace(deps, await period(), m.unit, now),
      releasePlace: async () => {
        await releasePlace(deps, m.doc.periodId, m.doc.unitId, now);
        return ok(null);
      },
    },
  });
  // The table guarantees that only the requirements of E's rows ran, so only their refusals can come back.
  return moved as Result<NominationDoc, MoveError<E>>;
}
