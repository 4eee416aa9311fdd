import { CODE_ALPHABET, CODE_LENGTH, CODE_PATTERN, normalizeCode } from '../../miniprogram/core/one-time-code';

/** Issue 8 §11: invitation and claim codes — no look-alikes, at least 50 bits. */
describe('one-time codes', () => {
  it('use an alphabet without look-alike characters', () => {
    for (const c of '0O1IL') expect(CODE_ALPHABET).not.toContain(c);
    expect(new Set(CODE_ALPHABET).size).toBe(CODE_ALPHABET.length);
  });

  it('carry at least 50 bits', () => {
    expect(CODE_LENGTH * Math.log2(CODE_ALPHABET.length)).toBeGreaterThanOrEqual(50);
  });

  it.each([
    ['abcd efgh jkm', 'ABCDEFGHJKM'],
    ['ABCD-EFGH-JKM', 'ABCDEFGHJKM'],
    ['abcdefghjkmnp', 'ABCDEFGHJKM'],
  ])('reads %j as people type it: %j', (typed, code) => {
    expect(normalizeCode(typed)).toBe(code);
    expect(CODE_PATTERN.test(code)).toBe(true);
  });

  it.each(['ABCDEFGHJK', 'ABCDEFGHJKO', 'ABCDEFGHJK1'])('refuses %j', (code) => {
    expect(CODE_PATTERN.test(code)).toBe(false);
  });
});
