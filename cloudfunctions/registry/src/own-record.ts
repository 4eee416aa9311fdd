/** The caller's own record in the youth database: by their WeChat account, else through their nominations. */
import { C, type NominationDoc, type YouthDoc, type YouthKeyDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';

export async function ownRecord(deps: ServerDeps, openid: string): Promise<YouthDoc | null> {
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
