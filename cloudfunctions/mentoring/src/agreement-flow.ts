/**
 * 师徒协议 on the server (issue 11): created when the mentor confirms a match, read by its parties and the
 * admins who cover it, and moved through the agreement table (core/mentoring-agreement.ts AGREEMENT_FLOW) with
 * its requirements bound here. A signature is the party's own PNG upload (its SHA-256 computed here), covering the
 * hash of the text the party read; the image is taken once by its hash, so it cannot sign another agreement.
 */
import { createHash } from 'node:crypto';
import type { AgreementView } from '../../../miniprogram/core/contracts/mentoring';
import { appError, type CodedError, type ErrorCode } from '../../../miniprogram/core/errors';
import {
  AGREEMENT_FLOW,
  AGREEMENT_STATUS_LABELS,
  AGREEMENT_TITLE,
  agreementParagraphs,
  agreementText,
  canComplete,
  canEditTerms,
  canEnd,
  canSign,
  DEFAULT_CYCLE_DAYS,
  DEFAULT_MONTHS,
  mayAnswerFit,
  type AgreementEvent,
  type AgreementRequirement,
  type AgreementStatus,
  type AgreementTerms,
  type Party,
} from '../../../miniprogram/core/mentoring-agreement';
import { chinaDate } from '../../../miniprogram/core/china-time';
import { err, ok, type Result } from '../../../miniprogram/core/result';
import type { TransitionTable } from '../../../miniprogram/core/workflow';
import {
  C,
  type AgreementDoc,
  type MatchDoc,
  type MenteeDoc,
  type SignatureRecord,
  type SignatureUseDoc,
} from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import type { Actor } from '../../_lib/identity';
import type { ActionContext } from '../../_lib/router';
import { verifyUpload } from '../../_lib/uploads';
import { applyTransition, type Requirement } from '../../_lib/workflow';
import { coversRecord } from './area';
import { moveMatch } from './match-flow';

const TABLE: TransitionTable<AgreementStatus, AgreementEvent, AgreementRequirement> = AGREEMENT_FLOW;

export const sha256Hex = (text: string): string => createHash('sha256').update(text, 'utf8').digest('hex');

export function termsOf(a: Pick<AgreementDoc, keyof AgreementTerms>): AgreementTerms {
  return {
    mentorName: a.mentorName,
    mentorOrg: a.mentorOrg,
    youthName: a.youthName,
    unitName: a.unitName,
    goals: a.goals,
    note: a.note,
    months: a.months,
    cycleDays: a.cycleDays,
    year: a.year,
  };
}

/** The agreement of a match the mentor just confirmed: the youth's goals, the default term and cycle. */
export async function createAgreement(ctx: ActionContext, m: MatchDoc): Promise<AgreementDoc> {
  const { deps, now } = ctx;
  const mentee = await deps.store.collection<MenteeDoc>(C.mentees).get(m.nominationId);
  const goals = (mentee?.goals ?? []).map((goal) => ({ goal, start: 2, final: null }));
  const base = {
    mentorName: m.mentorName,
    mentorOrg: m.mentorOrg,
    youthName: m.youthName,
    unitName: m.unitName,
    goals,
    note: mentee?.note ?? '',
    months: DEFAULT_MONTHS,
    cycleDays: DEFAULT_CYCLE_DAYS,
    year: chinaDate(now).slice(0, 4),
  };
  const text = agreementText(base);
  const doc: AgreementDoc = {
    _id: m._id,
    matchId: m._id,
    periodId: m.periodId,
    nominationId: m.nominationId,
    mentorId: m.mentorId,
    youthOpenid: m.youthOpenid,
    unitId: m.unitId,
    districtId: m.districtId,
    ...base,
    text,
    textHash: sha256Hex(text),
    status: 'unsigned',
    signatures: { mentor: null, youth: null },
    fit: { mentor: null, youth: null },
    meetings: 0,
    activeSince: null,
    lastStepAt: now,
    stepsDone: 0,
    stepsOnTime: 0,
    ratings: [],
    finalComment: null,
    reason: null,
    createdAt: now,
    updatedAt: now,
    history: [],
  };
  await deps.store.collection<AgreementDoc>(C.agreements).insert(doc);
  return doc;
}

export function partyOf(a: Pick<AgreementDoc, 'mentorId' | 'youthOpenid'>, openid: string): Party | null {
  if (openid === a.mentorId) return 'mentor';
  if (a.youthOpenid !== null && openid === a.youthOpenid) return 'youth';
  return null;
}

const isAdmin = (actor: Actor): boolean =>
  actor.grants.some((g) => g.role === 'cityAdmin' || g.role === 'districtAdmin');

/** The agreement if the caller is a party or an admin who covers it; otherwise as if there were none. */
export async function readable(deps: ServerDeps, actor: Actor, agreementId: string): Promise<AgreementDoc | null> {
  const a = await deps.store.collection<AgreementDoc>(C.agreements).get(agreementId);
  if (!a) return null;
  if (partyOf(a, actor.openid)) return a;
  return isAdmin(actor) && coversRecord(deps, actor, a) ? a : null;
}

/** The agreement if the caller is one of its parties. */
export async function ownAgreement(
  deps: ServerDeps,
  actor: Actor,
  agreementId: string,
): Promise<Result<{ a: AgreementDoc; party: Party }, CodedError<'MENTORING.NOT_FOUND' | 'MENTORING.NOT_PARTY'>>> {
  const a = await readable(deps, actor, agreementId);
  if (!a) return err(appError('MENTORING.NOT_FOUND', 'no such agreement'));
  const party = partyOf(a, actor.openid);
  return party ? ok({ a, party }) : err(appError('MENTORING.NOT_PARTY', 'not a party of this agreement'));
}

const time = (d: Date): string => d.toISOString();

export function agreementView(a: AgreementDoc, actor: Actor): AgreementView {
  const party = partyOf(a, actor.openid);
  const sig = (s: SignatureRecord | null) => (s ? { name: s.name, at: time(s.at), sha: s.sha256.slice(0, 12) } : null);
  return {
    id: a._id,
    status: a.status,
    statusLabel: AGREEMENT_STATUS_LABELS[a.status],
    party,
    mentorName: a.mentorName,
    mentorOrg: a.mentorOrg,
    youthName: a.youthName,
    unitName: a.unitName,
    goals: a.goals,
    months: a.months,
    cycleDays: a.cycleDays,
    title: AGREEMENT_TITLE,
    paragraphs: agreementParagraphs(termsOf(a)),
    textHash: a.textHash,
    signatures: { mentor: sig(a.signatures.mentor), youth: sig(a.signatures.youth) },
    fit: a.fit,
    meetings: a.meetings,
    canEdit: party !== null && canEditTerms(a.status),
    canSign: party !== null && canSign(a.status) && a.signatures[party] === null,
    canAnswerFit: party !== null && mayAnswerFit(a.status, a.meetings, a.fit[party]),
    canComplete: party === 'mentor' && canComplete(a.status),
    canEnd: canEnd(a.status),
    reason: a.reason,
    finalComment: a.finalComment,
  };
}

export type AgreementMoveCode =
  | 'MENTORING.INVALID_STATE'
  | 'MENTORING.NOT_PARTY'
  | 'MENTORING.ALREADY_SIGNED'
  | 'MENTORING.TEXT_CHANGED'
  | 'MENTORING.SIGNATURE_USED'
  | 'FILE.INVALID'
  | 'INPUT.INVALID';

export interface AgreementMove {
  event: AgreementEvent;
  set?: Partial<AgreementDoc>;
  comment?: string | null;
  /** For `sign`: the hash the party read and their uploaded signature. */
  sign?: { textHash: string; fileId: string };
  /** For `complete`: a final rating per goal. */
  finals?: readonly number[];
  /** For `end` and `complete`: the reason the match ends with. */
  matchReason?: string;
}

type Ctx = ActionContext & { actor: Actor };

/** Applies one row of the agreement table, its requirements bound to the store, inside the action's transaction. */
export async function moveAgreement(
  ctx: Ctx,
  a: AgreementDoc,
  move: AgreementMove,
): Promise<Result<AgreementDoc, CodedError<AgreementMoveCode>>> {
  const { deps, now, actor } = ctx;
  const party = partyOf(a, actor.openid);
  const fail = <X extends ErrorCode>(code: X, message: string, details?: Record<string, unknown>) =>
    err(appError(code, message, details));
  const set: Partial<AgreementDoc> = { ...move.set, ...(move.event === 'end' ? { reason: move.comment ?? null } : {}) };
  const requirements: Record<AgreementRequirement, Requirement<AgreementMoveCode>> = {
    party: async () => (party ? ok(null) : fail('MENTORING.NOT_PARTY', 'not a party')),
    mentorParty: async () => (party === 'mentor' ? ok(null) : fail('MENTORING.NOT_PARTY', 'not the mentor')),
    notSigned: async () =>
      party && a.signatures[party] === null ? ok(null) : fail('MENTORING.ALREADY_SIGNED', 'signed already'),
    sameText: async () =>
      move.sign?.textHash === a.textHash && sha256Hex(a.text) === a.textHash
        ? ok(null)
        : fail('MENTORING.TEXT_CHANGED', 'the text signed is not the agreement text'),
    signature: async () => {
      if (!move.sign || !party) return fail('MENTORING.NOT_PARTY', 'no signature');
      const checked = await verifyUpload(deps, actor.openid, move.sign.fileId, ['png']);
      if (!checked.ok) return checked;
      const uses = deps.store.collection<SignatureUseDoc>(C.signatureUses);
      if (await uses.get(checked.value.sha256)) return fail('MENTORING.SIGNATURE_USED', 'image signed before');
      await uses.insert({ _id: checked.value.sha256, agreementId: a._id, openid: actor.openid, at: now });
      const seal = deps.crypto.hash(`agreement:${a._id}|${party}|${a.textHash}|${checked.value.sha256}`);
      const record: SignatureRecord = {
        openid: actor.openid,
        name: party === 'mentor' ? a.mentorName : a.youthName,
        at: now,
        fileId: checked.value.fileId,
        sha256: checked.value.sha256,
        textHash: a.textHash,
        seal,
      };
      set.signatures = { ...a.signatures, [party]: record };
      set.lastStepAt = now;
      if (a.status === 'signing') set.activeSince = now;
      return ok(null);
    },
    reason: async () =>
      move.comment
        ? ok(null)
        : fail('INPUT.INVALID', 'a reason is required', { issues: [{ path: 'reason', code: 'required' }] }),
    assessment: async () => {
      const finals = move.finals ?? [];
      if (finals.length !== a.goals.length)
        return fail('INPUT.INVALID', 'one final rating per goal', { issues: [{ path: 'finals', code: 'length' }] });
      set.goals = a.goals.map((g, i) => ({ ...g, final: finals[i] ?? null }));
      return ok(null);
    },
    endMatch: async () => {
      const match = await deps.store.collection<MatchDoc>(C.matches).get(a.matchId);
      if (!match || match.status !== 'active') return ok(null); // already ended elsewhere
      const ended = await moveMatch(ctx, match, 'end', move.matchReason ?? move.comment ?? '');
      return ended.ok ? ok(null) : fail('MENTORING.INVALID_STATE', ended.error.message);
    },
  };
  return applyTransition(ctx, {
    collection: C.agreements,
    table: TABLE,
    doc: a,
    event: move.event,
    entry: {
      at: now,
      action: move.event,
      actor: actor.openid,
      actorName: actor.displayName ?? '',
      comment: move.comment ?? null,
    },
    requirements,
    set,
    invalidCode: 'MENTORING.INVALID_STATE',
  });
}
