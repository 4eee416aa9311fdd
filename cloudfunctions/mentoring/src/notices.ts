/**
 * Every message the mentoring area sends, in one place (the notifications catalogue takes them over from here).
 */
import type { MatchDoc } from '../../_lib/collections';
import type { ActionContext } from '../../_lib/router';

const YOUTH_PAGE = '/package-mentor/pages/youth/index';
const MENTOR_PAGE = '/package-mentor/pages/mentor/index';

/** A match published: both sides are told (the youth only if they use the app). */
export function tellPublished(ctx: ActionContext, m: MatchDoc): void {
  ctx.notify({
    toOpenid: m.mentorId,
    title: '新的结对青年',
    body: `团组织为您安排了结对青年${m.youthName}（${m.unitName}），请在小程序中确认。`,
    page: MENTOR_PAGE,
  });
  if (m.youthOpenid)
    ctx.notify({
      toOpenid: m.youthOpenid,
      title: '您的结对导师已安排',
      body: `团组织为您安排了结对导师${m.mentorName}（${m.mentorOrg}），待导师确认后开始结对。`,
      page: YOUTH_PAGE,
    });
}

export function tellAccepted(ctx: ActionContext, m: MatchDoc): void {
  if (m.youthOpenid)
    ctx.notify({
      toOpenid: m.youthOpenid,
      title: '导师已确认结对',
      body: `导师${m.mentorName}已确认与您结对。`,
      page: YOUTH_PAGE,
    });
}

/** A declined match: the other side is told; the youth returns to the pool. */
export function tellDeclined(ctx: ActionContext, m: MatchDoc, byMentor: boolean): void {
  if (byMentor && m.youthOpenid)
    ctx.notify({
      toOpenid: m.youthOpenid,
      title: '结对未成功',
      body: `导师${m.mentorName}未能接受本次结对，团组织将为您另行安排导师。`,
      page: YOUTH_PAGE,
    });
  if (!byMentor)
    ctx.notify({
      toOpenid: m.mentorId,
      title: '结对未成功',
      body: `青年${m.youthName}婉拒了本次结对，该名额已释放。`,
      page: MENTOR_PAGE,
    });
}

/** An admin ended an active pair early: both sides are told why. */
export function tellEnded(ctx: ActionContext, m: MatchDoc): void {
  const body = `您与${m.youthName}、${m.mentorName}的结对已由团组织提前结束：${m.reason ?? ''}`;
  ctx.notify({ toOpenid: m.mentorId, title: '结对已结束', body, page: MENTOR_PAGE });
  if (m.youthOpenid) ctx.notify({ toOpenid: m.youthOpenid, title: '结对已结束', body, page: YOUTH_PAGE });
}
