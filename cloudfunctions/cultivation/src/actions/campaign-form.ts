import { chineseDate, fullYears } from '../../../../miniprogram/core/china-time';
import type { cultivationContract } from '../../../../miniprogram/core/contracts/cultivation';
import { meetsCriteria, PARTY_STAGE_LABELS } from '../../../../miniprogram/core/cultivation';
import { appError } from '../../../../miniprogram/core/errors';
import { POLITICAL_STATUS_LABELS } from '../../../../miniprogram/core/profile';
import { err, ok } from '../../../../miniprogram/core/result';
import { C, type CampaignDoc, type ExportDoc, type PartyRecordDoc } from '../../../_lib/collections';
import { getOrg } from '../../../_lib/queries';
import type { Handler } from '../../../_lib/router';
import { measureDetail, measuresOf, youthInScope } from '../area';
import { criteriaOf, postSinceByHash } from '../campaign';

const DOCX = 'application/vnd.openxmlformats-officedocument.wordprocessingml.document';
const LINK_TTL_SECONDS = 3600;
/** Deleted with the other generated files by `cron.purgeExports`, a day later. */
const KEEP_MS = 24 * 60 * 60 * 1000;

/**
 * One youth's recommendation form for a campaign as Word, pre-filled from the record and the cultivation ledger:
 * a file in storage recorded in `exports` (deleted after a day), a link for the cadre alone, audited. The file
 * outlives only a committed call (`ctx.onRollback`).
 */
export const campaignForm: Handler<typeof cultivationContract.actions.campaignForm> = async (input, ctx) => {
  const { deps, actor, now } = ctx;
  const c = await deps.store.collection<CampaignDoc>(C.campaigns).get(input.campaignId);
  if (!c) return err(appError('CULTIVATION.NOT_FOUND', 'no such campaign'));
  const youth = await youthInScope(deps, actor, input.nominationId, true);
  if (!youth.ok) return youth;
  const n = youth.value;
  const postSince = (await postSinceByHash(deps, [n.idHash])).get(n.idHash) ?? null;
  if (!meetsCriteria(criteriaOf(c), { ...n, postSince }, c.closingDate))
    return err(appError('CULTIVATION.NOT_ELIGIBLE', 'criteria not met'));
  const [unit, measures, party] = await Promise.all([
    getOrg(deps, n.unitId),
    measuresOf(deps, n._id),
    deps.store.collection<PartyRecordDoc>(C.partyRecords).get(n._id),
  ]);
  const { renderCampaignForm } = await import('../campaign-form');
  const bytes = await renderCampaignForm({
    campaign: c.name,
    rows: [
      ['姓名', n.name],
      ['性别', n.sex === 'male' ? '男' : '女'],
      ['出生年月', chineseDate(n.birthDate)],
      ['年龄', `${fullYears(n.birthDate, c.closingDate)}周岁`],
      ['政治面貌', POLITICAL_STATUS_LABELS[n.politicalStatus]],
      ['工作单位', unit?.name ?? ''],
      ['职务岗位', [n.duty, n.post].filter(Boolean).join(' ')],
      ['任现岗位时间', postSince ? chineseDate(postSince) : '未登记'],
      ['入党培养', party ? PARTY_STAGE_LABELS[party.status] : '—'],
    ],
    measures: measures
      .filter((m) => m.status === 'confirmed')
      .map((m) => `${chineseDate(m.startDate)} ${m.title}${measureDetail(m) ? `（${measureDetail(m)}）` : ''}`),
    deeds: n.deeds,
  });
  const fileName = `${c.name}推荐审批表-${n.name}.docx`;
  const { fileId } = await deps.files.put(`exports/${deps.randomId(16)}/${fileName}`, bytes, DOCX);
  // Storage is outside the transaction: a call that does not commit takes its file back with it.
  ctx.onRollback(() => deps.files.remove(fileId));
  await deps.store.collection<ExportDoc>(C.exports).insert({
    _id: deps.randomId(16),
    fileId,
    orgId: n.unitId,
    createdBy: actor.openid,
    createdAt: now,
    expiresAt: new Date(now.getTime() + KEEP_MS),
  });
  const link = await deps.files.url(fileId, LINK_TTL_SECONDS, { fileName, viewer: actor.openid });
  ctx.audit({ target: `exports/${fileId}`, details: { campaignId: c._id, nominationId: n._id } });
  return ok({ url: link.url, fileName, expiresAt: link.expiresAt.toISOString() });
};
