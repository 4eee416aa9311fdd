/** What the honours-campaign actions share: the view, the shortlist of a scope, and the Word form (R5.2). */
import type { CampaignView, ShortlistRow } from '../../../miniprogram/core/contracts/cultivation';
import { chineseDate, fullYears } from '../../../miniprogram/core/china-time';
import { cultivationScore, meetsCriteria, type CampaignCriteria } from '../../../miniprogram/core/cultivation';
import { POLITICAL_STATUS_LABELS, type PoliticalStatus } from '../../../miniprogram/core/profile';
import type { DocFilter } from '../../../miniprogram/core/scope';
import {
  C,
  type CampaignDoc,
  type MeasureDoc,
  type NominationDoc,
  type YouthDoc,
  type YouthKeyDoc,
} from '../../_lib/collections';
import type { ServerDeps } from '../../_lib/deps';
import { unitNames } from './area';

/** The criteria as the rule reads them (a campaign stored before the years-in-post criterion has none). */
export const criteriaOf = (c: CampaignDoc): CampaignCriteria => ({
  politicalStatuses: c.politicalStatuses,
  maxAge: c.maxAge,
  minYearsInPost: c.minYearsInPost ?? null,
});

export function campaignView(c: CampaignDoc): CampaignView {
  const { minYearsInPost } = criteriaOf(c);
  const parts = [
    c.politicalStatuses.length > 0
      ? `政治面貌：${c.politicalStatuses.map((s) => POLITICAL_STATUS_LABELS[s as PoliticalStatus]).join('、')}`
      : '政治面貌不限',
    ...(c.maxAge !== null ? [`截至${chineseDate(c.closingDate)}不超过${c.maxAge}周岁`] : []),
    ...(minYearsInPost !== null ? [`任现岗位满${minYearsInPost}年（未登记任现岗位时间的不列入）`] : []),
  ];
  return { id: c._id, name: c.name, criteria: parts.join(' · '), closingDate: c.closingDate, minYearsInPost };
}

/**
 * The day each person took up their current post (任现岗位时间), from their youth record, by the keyed hash of the
 * ID number the nomination and the record share (`youthKeys`); null where there is no record or no date.
 */
export async function postSinceByHash(
  deps: ServerDeps,
  hashes: readonly string[],
): Promise<Map<string, string | null>> {
  const out = new Map<string, string | null>(hashes.map((h) => [h, null]));
  if (hashes.length === 0) return out;
  const keys = await deps.store
    .collection<YouthKeyDoc>(C.youthKeys)
    .find({ _id: { $in: [...new Set(hashes)] } }, { projection: { youthId: 1 } });
  if (keys.length === 0) return out;
  const youths = await deps.store
    .collection<YouthDoc>(C.youths)
    .find({ _id: { $in: keys.map((k) => k.youthId) } }, { projection: { postSince: 1 } });
  const since = new Map(youths.map((y) => [y._id, y.postSince ?? null]));
  for (const k of keys) out.set(k._id, since.get(k.youthId) ?? null);
  return out;
}

/**
 * The 好青年 of a scope who meet the campaign's criteria, ranked by their cultivation record, then by name; and how
 * many were left out only for want of a post start date (a years-in-post criterion).
 */
export async function shortlistOf(
  deps: ServerDeps,
  c: CampaignDoc,
  periodId: string,
  filter: DocFilter,
): Promise<{ rows: ShortlistRow[]; missingPostSince: number }> {
  const [youths, measures] = await Promise.all([
    deps.store
      .collection<NominationDoc>(C.nominations)
      .find(
        { periodId, ...filter, status: 'approved' },
        { projection: { name: 1, unitId: 1, birthDate: 1, politicalStatus: 1, idHash: 1 } },
      ),
    deps.store
      .collection<MeasureDoc>(C.measures)
      .find({ periodId, ...filter, status: 'confirmed' }, { projection: { nominationId: 1, kind: 1, status: 1 } }),
  ]);
  const criteria = criteriaOf(c);
  const since =
    criteria.minYearsInPost === null
      ? new Map<string, string | null>()
      : await postSinceByHash(
          deps,
          youths.map((y) => y.idHash),
        );
  const facts = youths.map((y) => ({ ...y, postSince: since.get(y.idHash) ?? null }));
  const eligible = facts.filter((y) => meetsCriteria(criteria, y, c.closingDate));
  const missingPostSince = facts.filter(
    (y) =>
      y.postSince === null &&
      criteria.minYearsInPost !== null &&
      meetsCriteria({ ...criteria, minYearsInPost: null }, y, c.closingDate),
  ).length;
  const names = await unitNames(
    deps,
    eligible.map((y) => y.unitId),
  );
  const rows = eligible
    .map((y) => {
      const own = measures.filter((m) => m.nominationId === y._id);
      return {
        nominationId: y._id,
        name: y.name,
        unitName: names.get(y.unitId) ?? '',
        politicalStatus: POLITICAL_STATUS_LABELS[y.politicalStatus],
        age: fullYears(y.birthDate, c.closingDate),
        yearsInPost: y.postSince === null ? null : fullYears(y.postSince, c.closingDate),
        score: cultivationScore(own),
        measures: own.length,
      };
    })
    .sort((a, b) => b.score - a.score || a.name.localeCompare(b.name, 'zh-Hans-CN'));
  return { rows, missingPostSince };
}
