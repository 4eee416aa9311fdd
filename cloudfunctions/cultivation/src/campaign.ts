/** What the honours-campaign actions share: the view, the shortlist of a scope, and the Word form (R5.2). */
import type { CampaignView, ShortlistRow } from '../../../miniprogram/core/contracts/cultivation';
import { chineseDate, fullYears } from '../../../miniprogram/core/china-time';
import { cultivationScore, meetsCriteria } from '../../../miniprogram/core/cultivation';
import { POLITICAL_STATUS_LABELS, type PoliticalStatus } from '../../../miniprogram/core/profile';
import type { DocFilter } from '../../../miniprogram/core/scope';
import { C, type CampaignDoc, type MeasureDoc, type NominationDoc } from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { unitNames } from './area';

export function campaignView(c: CampaignDoc): CampaignView {
  const parts = [
    c.politicalStatuses.length > 0
      ? `政治面貌：${c.politicalStatuses.map((s) => POLITICAL_STATUS_LABELS[s as PoliticalStatus]).join('、')}`
      : '政治面貌不限',
    ...(c.maxAge !== null ? [`截至${chineseDate(c.closingDate)}不超过${c.maxAge}周岁`] : []),
  ];
  return { id: c._id, name: c.name, criteria: parts.join(' · '), closingDate: c.closingDate };
}

/** The 好青年 of a scope who meet the campaign's criteria, ranked by their cultivation record, then by name. */
export async function shortlistOf(
  deps: ServerDeps,
  c: CampaignDoc,
  periodId: string,
  filter: DocFilter,
): Promise<ShortlistRow[]> {
  const [youths, measures] = await Promise.all([
    deps.store
      .collection<NominationDoc>(C.nominations)
      .find(
        { periodId, ...filter, status: 'approved' },
        { projection: { name: 1, unitId: 1, birthDate: 1, politicalStatus: 1 } },
      ),
    deps.store
      .collection<MeasureDoc>(C.measures)
      .find({ periodId, ...filter, status: 'confirmed' }, { projection: { nominationId: 1, kind: 1, status: 1 } }),
  ]);
  const eligible = youths.filter((y) => meetsCriteria(c, y, c.closingDate));
  const names = await unitNames(
    deps,
    eligible.map((y) => y.unitId),
  );
  return eligible
    .map((y) => {
      const own = measures.filter((m) => m.nominationId === y._id);
      return {
        nominationId: y._id,
        name: y.name,
        unitName: names.get(y.unitId) ?? '',
        politicalStatus: POLITICAL_STATUS_LABELS[y.politicalStatus],
        age: fullYears(y.birthDate, c.closingDate),
        score: cultivationScore(own),
        measures: own.length,
      };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-Hans-CN'));
}
