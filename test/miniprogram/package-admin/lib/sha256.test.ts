import { createHash } from 'node:crypto';
import { sha256Hex, utf8Bytes } from '../../../../miniprogram/package-admin/lib/sha256';

const nodeSha = (bytes: Uint8Array): string => createHash('sha256').update(bytes).digest('hex');

describe('sha256Hex', () => {
  it.each([
    ['', 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855'],
    ['abc', 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad'],
    [
      'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq',
      '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1',
    ],
    [
      'abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu',
      'cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1',
    ],
  ])('NIST vector %#', (text, digest) => {
    expect(sha256Hex(utf8Bytes(text))).toBe(digest);
  });

  it('one million "a"', () => {
    expect(sha256Hex(new Uint8Array(1_000_000).fill(0x61))).toBe(
      'cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0',
    );
  });

  // Padding boundaries: 55 bytes fit one block, 56 need two; 63/64/65 straddle a block.
  it.each([1, 55, 56, 57, 63, 64, 65, 119, 120, 128, 1000, 4099])('matches Node for %i binary bytes', (length) => {
    const bytes = Uint8Array.from({ length }, (_, i) => (i * 131 + 7) % 256);
    expect(sha256Hex(bytes)).toBe(nodeSha(bytes));
  });

  it('encodes text as UTF-8 (Chinese, emoji)', () => {
    const text = '好青年选培 🎉';
    expect(Buffer.from(utf8Bytes(text)).toString('utf8')).toBe(text);
    expect(sha256Hex(utf8Bytes(text))).toBe(createHash('sha256').update(text, 'utf8').digest('hex'));
  });
});
