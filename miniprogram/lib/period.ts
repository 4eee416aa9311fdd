/** The current period as the nomination forms use it (both channels). */
import type { PeriodView } from '../core/contracts/account';
import type { EligibilityRules } from '../core/eligibility';
import { errorText } from '../services/error-text';

/** The period's rules for the form's instant checks, and why it takes no nomination now ('' while open). */
export function nominationWindow(p: PeriodView): { rules: EligibilityRules; closed: string } {
  const rules = { cutoffBirthDate: p.cutoffBirthDate, minAge: p.minAge };
  if (p.window === 'open') return { rules, closed: '' };
  const code = p.window === 'closed' ? 'PERIOD.CLOSED' : 'PERIOD.NOT_OPEN';
  return { rules, closed: errorText(code, { deadline: p.nominationDeadline, opensAt: p.nominationOpensAt }) };
}
