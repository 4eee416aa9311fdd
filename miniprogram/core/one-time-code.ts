/**
 * One-time codes (invitation codes, claim codes): read aloud and typed on phones, so the alphabet has no
 * look-alikes (no 0/O, 1/I/L); 11 characters of 31 carry 54 bits (issue 8 §11: at least 50).
 */
export const CODE_ALPHABET = 'ABCDEFGHJKMNPQRSTUVWXYZ23456789';
export const CODE_LENGTH = 11;
export const CODE_PATTERN = /^[ABCDEFGHJKMNPQRSTUVWXYZ2-9]{11}$/;

/** A code as people type it: case, spaces and dashes do not count; at most the code's length. */
export function normalizeCode(raw: string): string {
  return raw
    .toUpperCase()
    .replace(/[^A-Z0-9]/g, '')
    .slice(0, CODE_LENGTH);
}
