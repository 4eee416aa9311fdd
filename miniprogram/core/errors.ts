/**
 * The closed list of error codes (`AREA.REASON`). The server returns only
 * these; the client maps each to Chinese text in services/error-text.ts.
 */
export const ERROR_CODES = [
  'ACTION.UNKNOWN',
  'INPUT.INVALID',
  'AUTH.UNAUTHENTICATED',
  'AUTH.FORBIDDEN',
  'AUTH.OUT_OF_SCOPE',
  'ACCOUNT.ALREADY_BOUND',
  'ACCOUNT.NOT_BOUND',
  'ORG.NOT_FOUND',
  'ORG.NOT_A_UNIT',
  'ROLE.NOT_FOUND',
  'INVITE.INVALID',
  'INVITE.USED',
  'INVITE.EXPIRED',
  'INVITE.TOO_MANY_ATTEMPTS',
  'PERIOD.NOT_FOUND',
  'PERIOD.NOT_OPEN',
  'PERIOD.CLOSED',
  'ELIGIBILITY.ID_FORMAT',
  'ELIGIBILITY.ID_REGION',
  'ELIGIBILITY.ID_CHECKSUM',
  'ELIGIBILITY.ID_DATE',
  'ELIGIBILITY.TOO_OLD',
  'ELIGIBILITY.TOO_YOUNG',
  'ELIGIBILITY.NOT_ON_STAFF',
  'ELIGIBILITY.PHONE_FORMAT',
  'ELIGIBILITY.ATTESTATION_MISSING',
  'PROFILE.DEGREE_MISMATCH',
  'CONSENT.REQUIRED',
  'CONSENT.NOT_GIVEN',
  'CONSENT.WITHDRAWN',
  'CLAIM.INVALID',
  'CLAIM.TOO_MANY_ATTEMPTS',
  'NOMINATION.DUPLICATE',
  'NOMINATION.NOT_FOUND',
  'NOMINATION.INVALID_STATE',
  'NOMINATION.OWN_RECORD',
  'NOMINATION.NOT_REVIEWER',
  'QUOTA.EXCEEDED',
  'QUOTA.BELOW_USED',
  'QUOTA.REQUEST_PENDING',
  'QUOTA.REQUEST_NOT_HIGHER',
  'QUOTA.REQUEST_NOT_FOUND',
  'QUOTA.REQUEST_DECIDED',
  'FILING.LOCKED',
  'FILING.ALREADY_FILED',
  'FILING.NOT_FILED',
  'FILING.OBJECTIONS_PENDING',
  'FILING.EMPTY',
  'OBJECTION.NOT_FOUND',
  'OBJECTION.RESOLVED',
  'OBJECTION.DUPLICATE',
  'OBJECTION.LIMIT',
  'MESSAGE.NOT_FOUND',
  'MESSAGE.UNKNOWN_TEMPLATE',
  'MESSAGE.GRANT_LIMIT',
  'EXPORT.EMPTY',
  'FILE.INVALID',
  'MENTORING.NOT_SELECTED',
  'MENTORING.NOT_FOUND',
  'MENTORING.INVALID_STATE',
  'MENTORING.PROFILE_INCOMPLETE',
  'MENTORING.OVER_CAPACITY',
  'MENTORING.BARRED',
  'MENTORING.YOUTH_MATCHED',
  'MENTORING.NOT_PARTY',
  'MENTORING.UNKNOWN_EXPERTISE',
  'MENTORING.ALREADY_SIGNED',
  'MENTORING.TEXT_CHANGED',
  'MENTORING.SIGNATURE_USED',
  'MENTORING.NO_MEETING',
  'REQUEST.ID_REUSED',
  'SYS.INTERNAL',
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export type EligibilityCode = Extract<ErrorCode, `ELIGIBILITY.${string}`>;

export interface AppError {
  code: ErrorCode;
  /** Developer-facing English message; users see error-text.ts. */
  message: string;
  details?: Record<string, unknown>;
}

/** An error whose code is known to be one of `C`. */
export type CodedError<C extends ErrorCode> = AppError & { code: C };

export const appError = <C extends ErrorCode>(
  code: C,
  message: string,
  details?: Record<string, unknown>,
): AppError & { code: C } => (details ? { code, message, details } : { code, message });

export const isErrorCode = (value: unknown): value is ErrorCode =>
  typeof value === 'string' && (ERROR_CODES as readonly string[]).includes(value);
