import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { ok } from '../../../../miniprogram/core/result';
import { C, type ExportDoc } from '../../../_lib/collections';
import { randomId } from '../../../_lib/ids';
import type { Handler } from '../../../_lib/router';
import { myData } from '../my-data';

const LINK_TTL_SECONDS = 600;
/** Deleted by `cron.purgeExports` like every generated file. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/** The youth's data as a file (JSON, masked as in the app), linked to them alone for 10 minutes. */
export const downloadMyData: Handler<typeof registryContract.actions.downloadMyData> = async (_input, ctx) => {
  const { deps, actor, now } = ctx;
  const data = await myData(deps, actor.openid, now);
  const fileName = '我的数据.json';
  const body = Buffer.from(JSON.stringify({ exportedAt: now.toISOString(), ...data }, null, 2), 'utf8');
  const { fileId } = await deps.files.put(`exports/${randomId()}/${fileName}`, body, 'application/json');
  // Storage is outside the transaction: a call that does not commit takes its file back with it.
  ctx.onRollback(() => deps.files.remove(fileId));
  const doc: ExportDoc = {
    _id: randomId(),
    fileId,
    orgId: deps.cityOrgId,
    createdBy: actor.openid,
    createdAt: now,
    expiresAt: new Date(now.getTime() + KEEP_MS),
  };
  await deps.store.collection<ExportDoc>(C.exports).insert(doc);
  ctx.audit({ target: `exports/${doc._id}`, details: { kind: 'myData' } });
  const link = await deps.files.url(fileId, LINK_TTL_SECONDS, { fileName, viewer: actor.openid });
  return ok({ url: link.url, fileName });
};
