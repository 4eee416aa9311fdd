/**
 * The caller's own record in the youth database (issue 14; the registry's pages, and the consent withdrawal that
 * queues it for erasure): by their WeChat account, else through their nominations. */
import { C, type NominationDoc, type YouthDoc, type YouthKeyDoc } from './collections';
import type { ServerDeps } from './deps';

export async function ownYouthRecord(deps: ServerDeps, openid: string): Promise<YouthDoc | null> {
  const youths = deps.store.collection<YouthDoc>(C.youths);
  const [mine] = await youths.find({ openid }, { limit: 1 });
  if (mine) return mine;
  // A record imported by the unit (no account yet) is the youth's once one of their nominations names them.
  const nominations = await deps.store
    .collection<NominationDoc>(C.nominations)
    .find({ youthOpenid: openid }, { projection: { idHash: 1 }, limit: 5 });
  for (const n of nominations) {
    const key = await deps.store.collection<YouthKeyDoc>(C.youthKeys).get(n.idHash);
    const doc = key ? await youths.get(key.youthId) : null;
    if (doc && doc.openid === null) return doc;
  }
  return null;
}
