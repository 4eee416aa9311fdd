/**
 * What a youth's nomination waits for, and on whom (issue 9): the review by the unit's admin — or, for a unit
 * without an admin, by its district (the city for a city-level unit), who review in its place — then the filing of
 * the list by whoever files it (R4.4). Pure: the server supplies the facts, the page words it.
 */
import type { FilingKind } from './filing';
import type { NominationStatus } from './nomination';

export type WaitingStep = 'review' | 'resubmit' | 'filing';
export type WaitingBy = 'unit' | 'district' | 'city' | 'youth';

export interface Waiting {
  step: WaitingStep;
  by: WaitingBy;
  /** The unit's or district's name ('' for the youth, or the city). */
  orgName: string;
}

export interface WaitingFacts {
  unitName: string;
  /** '' for a city-level unit. */
  districtName: string;
  unitHasAdmin: boolean;
  /** Who files the unit's list, and whether it is filed already. */
  filing: { kind: FilingKind; locked: boolean };
}

function level(facts: WaitingFacts, own: boolean): Waiting['by'] {
  if (own) return 'unit';
  return facts.districtName ? 'district' : 'city';
}

const orgOf = (facts: WaitingFacts, by: WaitingBy): string =>
  by === 'unit' ? facts.unitName : by === 'district' ? facts.districtName : '';

export function waitingOf(status: NominationStatus, facts: WaitingFacts): Waiting | null {
  if (status === 'returned') return { step: 'resubmit', by: 'youth', orgName: '' };
  if (status === 'submitted') {
    const by = level(facts, facts.unitHasAdmin);
    return { step: 'review', by, orgName: orgOf(facts, by) };
  }
  if (status === 'approved' && !facts.filing.locked) {
    const by = level(facts, facts.filing.kind === 'unit');
    return { step: 'filing', by, orgName: orgOf(facts, by) };
  }
  return null;
}
