/** PIPL art. 29: separate consent before the ID number and phone are processed. */
import { PERSONAL_INFO_CONSENT_VERSION } from '../../miniprogram/core/profile';
import { C, type ConsentDoc } from './collections';
import type { ServerDeps } from './deps';

export async function consentOf(deps: ServerDeps, openid: string): Promise<ConsentDoc | null> {
  return deps.store.collection<ConsentDoc>(C.consents).get(`${openid}:personal_info`);
}

/** Granted, for the text version the app currently shows. */
export async function hasCurrentConsent(deps: ServerDeps, openid: string): Promise<boolean> {
  const consent = await consentOf(deps, openid);
  return consent !== null && consent.granted && consent.version === PERSONAL_INFO_CONSENT_VERSION;
}
