/**
 * The one server helper that applies a row of a transition table (core/workflow.ts):
 * look up the row for the document's status and the event, run the row's
 * requirements in order, then a conditional update on `{_id, status}` with
 * the history entry, and the audit entry. It runs inside the action's
 * transaction, so a requirement that wrote (a quota place taken) and a later
 * refusal (the status moved meanwhile) roll back together; nothing needs
 * compensating by hand.
 */
import { appError, type CodedError, type ErrorCode } from '../../miniprogram/core/errors';
import { err, ok, type Result } from '../../miniprogram/core/result';
import { transitionFor, type TransitionTable } from '../../miniprogram/core/workflow';
import type { ActionContext } from './router';

export interface FlowDoc<S extends string> {
  _id: string;
  status: S;
  updatedAt: Date;
}

export interface FlowEntry<E extends string> {
  at: Date;
  action: E;
  actor: string;
  actorName: string;
  comment: string | null;
}

/** A requirement's check or effect: ok to go on, or the refusal the action answers with. */
export type Requirement<X extends ErrorCode> = () => Promise<Result<unknown, CodedError<X>>>;

export interface Move<
  S extends string,
  E extends string,
  R extends string,
  D extends FlowDoc<S>,
  X extends ErrorCode,
  I extends ErrorCode,
> {
  collection: string;
  table: TransitionTable<S, E, R>;
  doc: D;
  event: E;
  entry: FlowEntry<E>;
  /** Every requirement a row of the table may name, by name. */
  requirements: Record<R, Requirement<X>>;
  /** Fields set together with the new status. */
  set?: Partial<Omit<D, '_id' | 'status'>>;
  /** Extra details for the audit entry. */
  details?: Record<string, unknown>;
  /** The code for "not allowed from this status" and "changed meanwhile". */
  invalidCode: I;
}

export async function applyTransition<
  S extends string,
  E extends string,
  R extends string,
  D extends FlowDoc<S>,
  X extends ErrorCode,
  I extends ErrorCode,
>(ctx: ActionContext, move: Move<S, E, R, D, X, I>): Promise<Result<D, CodedError<X | I>>> {
  const { doc, event } = move;
  const row = transitionFor(move.table, doc.status, event);
  if (!row) return err(appError(move.invalidCode, `cannot ${event} from ${doc.status}`));
  for (const name of row.requires ?? []) {
    const met = await move.requirements[name]();
    if (!met.ok) return met;
  }
  const col = ctx.deps.store.collection<D>(move.collection);
  // Conditional on the status we read: two people cannot both move the same record.
  const matched = await col.updateOne(
    { _id: doc._id, status: doc.status },
    { $set: { ...move.set, status: row.to, updatedAt: move.entry.at }, $push: { history: move.entry } },
  );
  const saved = matched === 1 ? await col.get(doc._id) : null;
  if (!saved) return err(appError(move.invalidCode, `${move.collection}/${doc._id} changed meanwhile`));
  ctx.audit({
    target: `${move.collection}/${doc._id}`,
    details: { event, from: doc.status, to: row.to, ...move.details },
  });
  return ok(saved);
}
