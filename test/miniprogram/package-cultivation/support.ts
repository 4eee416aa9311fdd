/** Arrange helpers for the cultivation page tests: the real actions, called as the demo personas would. */
import { C, type NominationDoc } from '../../../cloudfunctions/_lib/collections';
import { chinaDate } from '../../../miniprogram/core/china-time';
import { FUNCTIONS } from '../../../scripts/local/functions';
import type { Bridge } from '../../support/cloud-bridge';

export const UNIT_ADMIN = 'dev-unit-admin';
export const LI = 'dev-youth-li';

export async function run<T = unknown>(bridge: Bridge, fn: string, openid: string, action: string, data: unknown) {
  const res = await FUNCTIONS[fn].handle({ action, data }, { openid }, bridge.deps);
  if (!res.ok) throw new Error(`arrange ${fn}.${action} failed: ${res.error.code}`);
  return res.data as T;
}

/** 李明's nomination of the seed, approved by 陈管理员: a 好青年 of 越城区智造科技有限公司; its id. */
export async function approveLi(bridge: Bridge): Promise<string> {
  const li = await bridge.deps.store.collection<NominationDoc>(C.nominations).findOne({ youthOpenid: LI });
  const id = li?._id ?? '';
  await run(bridge, 'nomination', UNIT_ADMIN, 'review', {
    nominationId: id,
    decision: 'approve',
    confirm: { onStaff: true, attestations: true },
  });
  return id;
}

export const today = (bridge: Bridge): string => chinaDate(bridge.now);

export const talk = (date: string) => ({
  kind: 'talk',
  title: '季度谈心',
  startDate: date,
  talkWith: 'party_head',
  talkWithName: '王书记',
  summary: '谈岗位锻炼方向',
});
