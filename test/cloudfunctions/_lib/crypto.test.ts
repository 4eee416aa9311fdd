/**
 * Key rotation of the personal-data crypto: a ciphertext names the key that sealed it, encryption always uses the
 * current key, and any configured previous key still opens what it sealed (issue 8 §12).
 */
import { createCipheriv, randomBytes } from 'node:crypto';
import { createPersonalDataCrypto, keyIdOf, keysFromEnv, type CryptoKeys } from '../../../cloudfunctions/_lib/crypto';

const KEY_A = Buffer.alloc(32, 1).toString('base64');
const KEY_B = Buffer.alloc(32, 2).toString('hex');
const KEY_C = Buffer.alloc(32, 3).toString('base64');
const HASH_KEY = Buffer.alloc(32, 9).toString('base64');

const underA: CryptoKeys = { dataKey: KEY_A, hashKey: HASH_KEY };
const rotatedToB: CryptoKeys = { dataKey: KEY_B, previousDataKeys: [KEY_A], hashKey: HASH_KEY };
const onlyB: CryptoKeys = { dataKey: KEY_B, hashKey: HASH_KEY };

/** A ciphertext as today's code writes it: `v1:<iv>:<tag>:<ct>`, naming no key. */
function sealV1(key: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', Buffer.from(key, 'base64'), iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
}

describe('personal-data crypto with rotating data keys', () => {
  it('seals as v2:<keyId>:<iv>:<tag>:<ct>, naming the current key by its fingerprint', () => {
    const crypto = createPersonalDataCrypto(underA);
    const sealed = crypto.encrypt('13800000000');
    const parts = sealed.split(':');
    expect(parts).toHaveLength(5);
    expect(parts[0]).toBe('v2');
    expect(parts[1]).toBe(keyIdOf(KEY_A));
    expect(parts[1]).toMatch(/^[0-9a-f]{8}$/);
    expect(crypto.currentKeyId).toBe(keyIdOf(KEY_A));
    expect(crypto.sealedKeyId(sealed)).toBe(keyIdOf(KEY_A));
    expect(crypto.decrypt(sealed)).toBe('13800000000');
  });

  it('a key id is the same whether the key is written in hex or base64, and differs between keys', () => {
    expect(keyIdOf(Buffer.alloc(32, 1).toString('hex'))).toBe(keyIdOf(KEY_A));
    expect(keyIdOf(KEY_A)).not.toBe(keyIdOf(KEY_B));
  });

  it('after rotating to B with A as previous, what A sealed still opens and new values are sealed under B', () => {
    const old = createPersonalDataCrypto(underA).encrypt('330602199001011234');
    const rotated = createPersonalDataCrypto(rotatedToB);
    expect(rotated.decrypt(old)).toBe('330602199001011234');
    expect(rotated.isCurrent(old)).toBe(false);
    const fresh = rotated.encrypt('330602199001011234');
    expect(rotated.sealedKeyId(fresh)).toBe(keyIdOf(KEY_B));
    expect(rotated.isCurrent(fresh)).toBe(true);
    expect(createPersonalDataCrypto(onlyB).decrypt(fresh)).toBe('330602199001011234');
  });

  it('opens the unversioned v1 ciphertexts of today, under the current or a previous key', () => {
    expect(createPersonalDataCrypto(underA).decrypt(sealV1(KEY_A, '甲'))).toBe('甲');
    const rotated = createPersonalDataCrypto(rotatedToB);
    const v1 = sealV1(KEY_A, '乙');
    expect(rotated.decrypt(v1)).toBe('乙');
    expect(rotated.sealedKeyId(v1)).toBeNull();
    expect(rotated.isCurrent(v1)).toBe(false);
  });

  it('refuses a ciphertext naming a key it does not hold, saying which, and never says the plaintext', () => {
    const sealed = createPersonalDataCrypto(underA).encrypt('13800000000');
    expect(() => createPersonalDataCrypto(onlyB).decrypt(sealed)).toThrow(`key ${keyIdOf(KEY_A)} is not configured`);
    expect(() => createPersonalDataCrypto(onlyB).decrypt(sealV1(KEY_A, 'x'))).toThrow('no configured key');
    expect(() => createPersonalDataCrypto(underA).decrypt('garbage')).toThrow('unknown ciphertext format');
  });

  it('refuses a tampered ciphertext', () => {
    const crypto = createPersonalDataCrypto(underA);
    const [v, id, iv, tag, ct] = crypto.encrypt('13800000000').split(':');
    const flipped = Buffer.from(ct, 'base64');
    flipped[0] ^= 1;
    expect(() => crypto.decrypt([v, id, iv, tag, flipped.toString('base64')].join(':'))).toThrow();
  });

  it('hashes with the hash key only: a data-key rotation leaves every uniqueness hash as it was', () => {
    expect(createPersonalDataCrypto(rotatedToB).hash('330602199001011234')).toBe(
      createPersonalDataCrypto(underA).hash('330602199001011234'),
    );
  });

  it('refuses a malformed key, and the current key repeated among the previous ones is harmless', () => {
    expect(() => createPersonalDataCrypto({ ...underA, previousDataKeys: ['short'] })).toThrow('32 bytes');
    const crypto = createPersonalDataCrypto({ ...underA, previousDataKeys: [KEY_A, KEY_C] });
    expect(crypto.decrypt(crypto.encrypt('x'))).toBe('x');
  });

  describe('keys from the environment', () => {
    it('reads the current key, the previous ones (comma-separated, blanks ignored) and the hash key', () => {
      const keys = keysFromEnv({
        HQN_DATA_KEY: KEY_B,
        HQN_DATA_KEYS_OLD: ` ${KEY_A}, ,${KEY_C}`,
        HQN_HASH_KEY: HASH_KEY,
      });
      expect(keys).toEqual({ dataKey: KEY_B, previousDataKeys: [KEY_A, KEY_C], hashKey: HASH_KEY });
      expect(keysFromEnv({ HQN_DATA_KEY: KEY_B, HQN_HASH_KEY: HASH_KEY }).previousDataKeys).toEqual([]);
    });

    it('refuses a missing or empty key (a deploy from a shell without it renders "")', () => {
      expect(() => keysFromEnv({ HQN_DATA_KEY: '', HQN_HASH_KEY: HASH_KEY })).toThrow('HQN_DATA_KEY');
      expect(() => keysFromEnv({ HQN_DATA_KEY: KEY_A })).toThrow('HQN_HASH_KEY');
    });
  });
});
