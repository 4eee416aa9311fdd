import type { NoticeItem, noticeContract } from '../../../../miniprogram/core/contracts/admin';
import { appError } from '../../../../miniprogram/core/errors';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type NominationDoc } from '../../../_lib/collections';
import { currentPeriod, orgNames, prefixPattern } from '../../../_lib/queries';
import type { PublicHandler } from '../../../_lib/router';

/**
 * 公示 (R8): the selected youths of the period, without ID numbers or phones;
 * deeds only where the youth consented (R8.1).
 */
export const list: PublicHandler<typeof noticeContract.actions.list> = async (input, ctx) => {
  const period = await currentPeriod(ctx.deps, ctx.now);
  if (!period) return err(appError('PERIOD.NOT_FOUND', 'no current period'));
  const filter: Record<string, unknown> = { periodId: period._id, status: 'approved' };
  if (input.keyword) filter.name = { $regex: prefixPattern(input.keyword) };
  const page = input.page ?? 1;
  const pageSize = input.pageSize ?? 20;
  const col = ctx.deps.store.collection<NominationDoc>(C.nominations);
  const projection = {
    name: 1,
    sex: 1,
    unitId: 1,
    post: 1,
    politicalStatus: 1,
    education: 1,
    deeds: 1,
    showcaseConsent: 1,
  } as const;
  const [docs, total] = await Promise.all([
    col.find(filter, { skip: (page - 1) * pageSize, limit: pageSize, projection }),
    col.count(filter),
  ]);
  const units = await orgNames(
    ctx.deps,
    docs.map((d) => d.unitId),
  );
  const items: NoticeItem[] = docs.map((d) => ({
    nominationId: d._id,
    name: d.name,
    sex: d.sex,
    unitName: units.get(d.unitId) ?? '',
    post: d.post,
    politicalStatus: d.politicalStatus,
    education: d.education,
    deeds: d.showcaseConsent ? d.deeds : null,
  }));
  return ok({
    items,
    page,
    pageSize,
    total,
    hasMore: page * pageSize < total,
    periodName: period.name,
    noticeUntil: period.filingDeadline,
    contact: period.noticeContact ?? null,
  });
};
