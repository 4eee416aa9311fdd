import { createConsoleLogger, redact } from '../../cloudfunctions/_lib/logger';
import { findPersonalData } from '../../scripts/check-logs';
import { demoIdNumber } from '../../scripts/local/seed';

const id = demoIdNumber('330602', '1996-05-20', 1);

describe('personal data never reaches a log (R9.1)', () => {
  it('the scanner finds full ID numbers with a valid check digit and mobile numbers', () => {
    expect(findPersonalData(`user ${id} phone 13800001111 done`)).toEqual([id, '13800001111']);
    expect(findPersonalData(`masked ${id.slice(0, 6)}********${id.slice(14)} and 138****1111`)).toEqual([]);
    expect(findPersonalData('order 330602199605200013 (bad check digit) id 123456789012345678901')).toEqual([]);
  });

  it('the logger redacts ID- and phone-shaped values even if a caller passes them', () => {
    const lines: string[] = [];
    createConsoleLogger((l) => lines.push(l)).error('oops', { note: `${id} / 13800001111` });
    expect(findPersonalData(lines.join('\n'))).toEqual([]);
    expect(redact(id)).toBe(`${id.slice(0, 6)}********${id.slice(14)}`);
  });
});
