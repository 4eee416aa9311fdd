/**
 * Every message the mentoring area sends, in one place; the text lives in the catalogue (core/notifications.ts).
 */
import type { MatchDoc } from '../../_lib/collections';
import type { ActionContext } from '../../_lib/router';

/** A match published: both sides are told (the youth only if they use the app). */
export function tellPublished(ctx: ActionContext, m: MatchDoc): void {
  ctx.notify({ kind: 'match.published', params: { youth: m.youthName, unit: m.unitName }, to: m.mentorId });
  if (m.youthOpenid)
    ctx.notify({ kind: 'match.assigned', params: { mentor: m.mentorName, org: m.mentorOrg }, to: m.youthOpenid });
}

export function tellAccepted(ctx: ActionContext, m: MatchDoc): void {
  if (m.youthOpenid) ctx.notify({ kind: 'match.accepted', params: { mentor: m.mentorName }, to: m.youthOpenid });
}

/** A declined match: the other side is told; the youth returns to the pool. */
export function tellDeclined(ctx: ActionContext, m: MatchDoc, byMentor: boolean): void {
  if (byMentor && m.youthOpenid)
    ctx.notify({ kind: 'match.declined', params: { by: 'mentor', name: m.mentorName }, to: m.youthOpenid });
  if (!byMentor) ctx.notify({ kind: 'match.declined', params: { by: 'youth', name: m.youthName }, to: m.mentorId });
}

/** An admin ended an active pair early: both sides are told why. */
export function tellEnded(ctx: ActionContext, m: MatchDoc): void {
  const params = { youth: m.youthName, mentor: m.mentorName, reason: m.reason ?? '' };
  ctx.notify({ kind: 'match.ended', params, to: m.mentorId });
  if (m.youthOpenid) ctx.notify({ kind: 'match.ended', params, to: m.youthOpenid });
}
