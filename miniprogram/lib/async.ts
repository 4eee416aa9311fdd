/**
 * Per-instance timing helpers, keyed by the page or component instance and
 * kept out of `data` (never rendered): a debounce timer, and a generation
 * counter so an answer to a query that has since been replaced is dropped.
 */

const timers = new WeakMap<object, ReturnType<typeof setTimeout>>();

export function debounce(owner: object, ms: number, run: () => void): void {
  cancelDebounce(owner);
  timers.set(
    owner,
    setTimeout(() => {
      timers.delete(owner);
      run();
    }, ms),
  );
}

/** Cancels the pending run, if any; true when one was pending (so the caller may run it now instead). */
export function cancelDebounce(owner: object): boolean {
  const timer = timers.get(owner);
  if (timer !== undefined) clearTimeout(timer);
  return timers.delete(owner);
}

const generations = new WeakMap<object, number>();

/** Starts a query: any answer to an earlier one is stale from now on. */
export function nextGeneration(owner: object): number {
  const next = (generations.get(owner) ?? 0) + 1;
  generations.set(owner, next);
  return next;
}

export function isCurrent(owner: object, generation: number): boolean {
  return generations.get(owner) === generation;
}
