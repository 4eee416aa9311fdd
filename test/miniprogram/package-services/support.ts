/** Arrange helpers for the services page tests: the real actions, called as the demo personas would. */
import { FUNCTIONS } from '../../../scripts/local/functions';
import type { Bridge } from '../../support/cloud-bridge';

export const YOUTH = 'dev-youth-zhang';
export const HANDLER = 'dev-district-admin';
export const CITY = 'dev-city-admin';

export async function arrange<T = unknown>(bridge: Bridge, openid: string, action: string, data: unknown): Promise<T> {
  const res = await FUNCTIONS.services.handle({ action, data }, { openid }, bridge.deps);
  if (!res.ok) throw new Error(`arrange services.${action} failed: ${res.error.code}`);
  return res.data as T;
}

/** 张晓青 asks 越城区 for housing help; the request's id. */
export async function housingRequest(bridge: Bridge, description = '刚来绍兴工作，想申请人才公寓'): Promise<string> {
  const out = await arrange<{ id: string }>(bridge, YOUTH, 'submit', {
    typeId: 'housing',
    description,
    fields: { mode: '租房', district: '越城区', budget: '2000–4000元/月' },
  });
  return out.id;
}
