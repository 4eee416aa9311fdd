/** Arrange helpers for the mentoring page tests: the real actions, called as the personas would. */
import { C, type MenteeDoc, type NominationDoc } from '../../../cloudfunctions/_lib/collections';
import { FUNCTIONS } from '../../../scripts/local/functions';
import type { Bridge } from '../../support/cloud-bridge';
import { addNominations } from '../../support/nominees';

export const CITY_ADMIN = 'dev-city-admin';
export const MENTOR = 'dev-mentor-wang';

export async function call<T = unknown>(bridge: Bridge, openid: string, action: string, data: unknown): Promise<T> {
  const res = await FUNCTIONS.mentoring.handle({ action, data }, { openid }, bridge.deps);
  if (!res.ok) throw new Error(`arrange mentoring.${action} failed: ${res.error.code}`);
  return res.data as T;
}

/** Selected youths of 越城区智造科技有限公司 who want to grow in finance (王导师's best fit); their ids. */
export async function selectedYouths(bridge: Bridge, count: number, seqStart = 80): Promise<string[]> {
  const ids = await addNominations(bridge.deps, 'yuecheng-tech', count, { status: 'approved', seqStart });
  for (const id of ids) {
    const n = (await bridge.deps.store.collection<NominationDoc>(C.nominations).get(id)) as NominationDoc;
    await bridge.deps.store.collection<MenteeDoc>(C.mentees).insert({
      _id: id,
      periodId: n.periodId,
      openid: null,
      sector: 'finance',
      goals: ['金融服务'],
      note: '想了解普惠金融',
      openMatchId: null,
      updatedAt: bridge.now,
    });
  }
  return ids;
}

/** A match of `nominationId` with 王导师, published by the city; its id. */
export async function published(bridge: Bridge, nominationId: string): Promise<string> {
  const draft = await call<{ id: string }>(bridge, CITY_ADMIN, 'propose', { nominationId, mentorId: MENTOR });
  await call(bridge, CITY_ADMIN, 'publish', { matchIds: [draft.id] });
  return draft.id;
}

export async function nameOf(bridge: Bridge, id: string): Promise<string> {
  return ((await bridge.deps.store.collection<NominationDoc>(C.nominations).get(id)) as NominationDoc).name;
}
