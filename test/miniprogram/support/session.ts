/**
 * The phone's session (services/session.ts) as tests observe it: how often
 * `account.me` was asked, and what the session holds now. Loaded untyped, like
 * the bridge does, so the test program never compiles the `wx`-typed services.
 */
import * as path from 'node:path';
import type { GrantView, MeOutput } from '../../../miniprogram/core/contracts/account';
import { MINIPROGRAM_ROOT, type Bridge } from '../../support/cloud-bridge';

export interface SessionView {
  registered: boolean;
  displayName: string;
  roles: GrantView[];
  unit: { id: string; name: string; districtName: string } | null;
  consent: { version: string; granted: boolean } | null;
}

type Answer = Promise<{ ok: true; data: SessionView } | { ok: false; message: string }>;

export interface SessionModule {
  loadSession(): Answer;
  refreshSession(): Answer;
  sessionOf(me: MeOutput): SessionView;
}

export function sessionModule(): SessionModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require(path.join(MINIPROGRAM_ROOT, 'services/session')) as SessionModule;
}

/** How many times the pages asked `account.me` in this test (this launch). */
export const meCalls = (bridge: Bridge): number =>
  bridge.calls.filter((c) => c.name === 'account' && c.action === 'me').length;

/** The session as the next page would read it. */
export async function currentSession(): Promise<SessionView> {
  const res = await sessionModule().loadSession();
  if (!res.ok) throw new Error(res.message);
  return res.data;
}
