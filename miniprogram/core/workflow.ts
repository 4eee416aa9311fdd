/**
 * Workflows as data (DESIGN "Growing by area"): a state change is a row of a
 * transition table — from which states an event leads to which state, and
 * what must hold first. The server applies rows with one helper
 * (`cloudfunctions/_lib/workflow.ts`); pages ask the same table what to offer.
 * Nominations use it today; mentoring agreements, service requests and the
 * Party pipeline will be tables too.
 */
export interface Transition<S extends string, E extends string, R extends string = never> {
  from: readonly S[];
  event: E;
  to: S;
  /** Named conditions and effects, checked and applied by the server in this order before the move. */
  requires?: readonly R[];
}

export type TransitionTable<S extends string, E extends string, R extends string = never> = readonly Transition<
  S,
  E,
  R
>[];

/** The row `event` takes from `state`, or null when the event is not allowed there. */
export function transitionFor<S extends string, E extends string, R extends string>(
  table: TransitionTable<S, E, R>,
  state: S,
  event: E,
): Transition<S, E, R> | null {
  return table.find((t) => t.event === event && t.from.includes(state)) ?? null;
}

/** Whether `event` is allowed from `state` (what a page may offer). */
export function allows<S extends string, E extends string, R extends string>(
  table: TransitionTable<S, E, R>,
  state: S,
  event: E,
): boolean {
  return transitionFor(table, state, event) !== null;
}

/** Every state from which `event` is allowed. */
export function statesAllowing<S extends string, E extends string, R extends string>(
  table: TransitionTable<S, E, R>,
  event: E,
): S[] {
  return [...new Set(table.filter((t) => t.event === event).flatMap((t) => t.from))];
}
