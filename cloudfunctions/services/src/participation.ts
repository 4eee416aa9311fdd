/** Participation records (R7.3): the view. */
import type { ParticipationView } from '../../../miniprogram/core/contracts/services';
import { chinaDate } from '../../../miniprogram/core/china-time';
import { PARTICIPATION_LABELS } from '../../../miniprogram/core/services';
import type { ParticipationDoc } from '../../_lib/collections';

export function participationView(p: ParticipationDoc): ParticipationView {
  return {
    id: p._id,
    kind: p.kind,
    kindLabel: PARTICIPATION_LABELS[p.kind],
    youthName: p.youthName,
    name: p.name,
    hours: p.hours,
    at: p.at.toISOString(),
    on: p.kind === 'volunteer' ? null : (p.on ?? chinaDate(p.at)),
  };
}
