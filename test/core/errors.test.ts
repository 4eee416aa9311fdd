/**
 * One closed list of error codes (core/errors.ts), each with its Chinese text
 * (services/error-text.ts), and contracts that declare only codes from it.
 */
import { contracts, cronContract, type Contract } from '../../miniprogram/core/contracts';
import { ERROR_CODES, isErrorCode } from '../../miniprogram/core/errors';
import { ERROR_TEXT, errorText } from '../../miniprogram/services/error-text';

/** Answered by the router for any action, so no contract lists them. */
const ROUTER_CODES = ['ACTION.UNKNOWN', 'AUTH.UNAUTHENTICATED', 'REQUEST.ID_REUSED', 'SYS.INTERNAL'];

const allContracts: Contract[] = [...Object.values(contracts), cronContract];
const declarations = allContracts.flatMap((c) =>
  Object.entries(c.actions).flatMap(([action, spec]) =>
    spec.errors.map((code) => ({ at: `${c.name}.${action}`, code })),
  ),
);

describe('error codes', () => {
  it('are listed once each, as AREA.REASON', () => {
    expect(new Set(ERROR_CODES).size).toBe(ERROR_CODES.length);
    for (const code of ERROR_CODES) expect(code).toMatch(/^[A-Z]+\.[A-Z_]+$/);
  });

  it('have Chinese text for every code, and none for a code that does not exist', () => {
    expect(Object.keys(ERROR_TEXT).sort()).toEqual([...ERROR_CODES].sort());
  });

  it.each(ERROR_CODES.map((c) => [c]))('%s reads as Chinese without details', (code) => {
    expect(errorText(code)).toMatch(/^[\u4e00-\u9fff]/);
  });

  it('are the only codes contracts declare', () => {
    expect(declarations.filter((d) => !isErrorCode(d.code))).toEqual([]);
  });

  it('are each declared by an action or answered by the router (no dead codes)', () => {
    const reachable = new Set([...declarations.map((d) => d.code), ...ROUTER_CODES]);
    expect(ERROR_CODES.filter((c) => !reachable.has(c))).toEqual([]);
  });
});
