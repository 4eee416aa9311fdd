import { randomInt } from 'node:crypto';
import { CODE_ALPHABET, CODE_LENGTH } from '../../miniprogram/core/one-time-code';

// No 0/O/1/l/I: ids show up in links and support calls.
const ALPHABET = 'ABCDEFGHJKLMNPQRSTUVWXYZ23456789abcdefghijkmnopqrstuvwxyz';

/** `length` characters of `alphabet`, each drawn uniformly (crypto.randomInt rejects the biased tail). */
function draw(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i += 1) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** A random identifier from a crypto source (document ids). */
export function randomId(length = 16): string {
  return draw(ALPHABET, length);
}

/** An invitation or claim code (core/one-time-code.ts): stored only as a keyed hash. */
export function oneTimeCode(): string {
  return draw(CODE_ALPHABET, CODE_LENGTH);
}
