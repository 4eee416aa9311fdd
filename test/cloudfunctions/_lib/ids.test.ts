import { oneTimeCode, randomId } from '../../../cloudfunctions/_lib/ids';
import { CODE_ALPHABET, CODE_PATTERN } from '../../../miniprogram/core/one-time-code';

/** Issue 8 §11: codes drawn without modulo bias from the look-alike-free alphabet. */
describe('random identifiers and codes', () => {
  it('a one-time code matches the pattern the contracts accept', () => {
    for (let i = 0; i < 200; i += 1) expect(oneTimeCode()).toMatch(CODE_PATTERN);
  });

  it('every character of the alphabet is about equally likely (no modulo bias)', () => {
    const counts = new Map<string, number>();
    const draws = 31_000;
    let seen = 0;
    while (seen < draws) {
      for (const c of oneTimeCode()) {
        counts.set(c, (counts.get(c) ?? 0) + 1);
        seen += 1;
      }
    }
    const expected = seen / CODE_ALPHABET.length;
    // Chi-square over 30 degrees of freedom: 59.7 is the 0.1% critical value.
    const chi = [...CODE_ALPHABET].reduce((sum, c) => sum + ((counts.get(c) ?? 0) - expected) ** 2 / expected, 0);
    expect(chi).toBeLessThan(59.7);
  });

  it('ids keep their length', () => {
    expect(randomId(16)).toHaveLength(16);
  });
});
