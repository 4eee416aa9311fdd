/** A match as the mentor's and the youth's pages show it, and the rule for a decline's reason. */
import type { MatchView } from '../../core/contracts/mentoring';
import { MentoringReason } from '../../core/contracts/mentoring-forms';
import { reasonError } from '../../services/form-errors';

export interface MatchRow {
  id: string;
  youth: string;
  mentor: string;
  status: string;
  goals: string;
  explanation: string;
  canAccept: boolean;
  canDecline: boolean;
  /** Confirmed: the agreement (师徒协议, same id) and the loop are open. */
  active: boolean;
  /** The decline box is open, with what was typed and what is wrong with it. */
  declining: boolean;
  reason: string;
  reasonError: string;
}

export function matchRow(m: MatchView): MatchRow {
  return {
    id: m.id,
    youth: `${m.youthName} · ${m.unitName}`,
    mentor: `${m.mentorName} · ${m.mentorOrg}`,
    status: m.statusLabel,
    goals: [m.goals.join('、'), m.goalNote].filter(Boolean).join('；'),
    explanation: m.explanation,
    canAccept: m.canAccept,
    canDecline: m.canDecline,
    active: m.status === 'active',
    declining: false,
    reason: '',
    reasonError: '',
  };
}

/** The Chinese message for a decline reason the contract would refuse, or ''. */
export const declineReasonError = (text: string): string => reasonError(MentoringReason, text, '婉拒原因', true);
