import type { ServerDeps } from '../../_lib/deps';

/** An invitation is stored under a keyed hash of its code: the code itself rests nowhere (issue 8 §11). */
export function inviteKey(deps: ServerDeps, code: string): string {
  return deps.crypto.hash(`invite:${code}`);
}
