import type { registryContract } from '../../../../miniprogram/core/contracts/registry';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type YouthDoc } from '../../../_lib/collections';
import { covers } from '../../../_lib/identity';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';

/**
 * 组织推荐 from the imported list (issue 14): the unit's admin starts the form from an active youth of their own
 * unit — name, post, and the ID number and phone the unit itself imported, opened for this form only. An audited
 * view (R9.1): the audit entry names the record and the purpose, never the numbers. The nomination is then
 * submitted through `nomination.nominateByUnit` as any other, with its checks.
 */
export const prefillNomination: Handler<typeof registryContract.actions.prefillNomination> = async (input, ctx) => {
  const { deps, actor } = ctx;
  const doc = await deps.store.collection<YouthDoc>(C.youths).get(input.youthId);
  if (!doc) return err(appError('YOUTH.NOT_FOUND', 'no such record'));
  const unit = await getOrg(deps, doc.unitId);
  if (!unit || !covers(actor, unit, ['unitAdmin'])) return err(appError('AUTH.OUT_OF_SCOPE', 'not your unit'));
  if (doc.status !== 'active' || doc.eraseAfter) return err(appError('YOUTH.INVALID_STATE', 'not on the list'));
  ctx.audit({ target: `youths/${doc._id}`, details: { purpose: 'unit_nomination', unitId: unit._id } });
  return ok({
    youthId: doc._id,
    unitId: unit._id,
    name: doc.name,
    idNumber: deps.crypto.decrypt(doc.idNumberEnc),
    phone: doc.phoneEnc ? deps.crypto.decrypt(doc.phoneEnc) : '',
    post: doc.post,
  });
};
