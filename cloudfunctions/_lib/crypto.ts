/**
 * Personal data at rest (R9.1): AES-256-GCM for ID numbers and phones, and an
 * HMAC of the ID number for uniqueness look-ups without decrypting (R4.6).
 */
import { createCipheriv, createDecipheriv, createHmac, randomBytes } from 'node:crypto';

export interface PersonalDataCrypto {
  encrypt(plain: string): string;
  decrypt(sealed: string): string;
  /** Keyed hash: equal inputs give equal outputs, nobody without the key can recompute it. */
  hash(plain: string): string;
}

export interface CryptoKeys {
  /** 32 bytes, base64 or hex. */
  dataKey: string;
  hashKey: string;
}

function decodeKey(raw: string, name: string): Buffer {
  const buf = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (buf.length !== 32) throw new Error(`${name} must be 32 bytes (hex or base64)`);
  return buf;
}

export function createPersonalDataCrypto(keys: CryptoKeys): PersonalDataCrypto {
  const dataKey = decodeKey(keys.dataKey, 'data key');
  const hashKey = decodeKey(keys.hashKey, 'hash key');
  return {
    encrypt(plain) {
      const iv = randomBytes(12);
      const cipher = createCipheriv('aes-256-gcm', dataKey, iv);
      const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      return ['v1', iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
    },
    decrypt(sealed) {
      const [version, iv, tag, ct] = sealed.split(':');
      if (version !== 'v1' || !iv || !tag || ct === undefined) throw new Error('unknown ciphertext format');
      const decipher = createDecipheriv('aes-256-gcm', dataKey, Buffer.from(iv, 'base64'));
      decipher.setAuthTag(Buffer.from(tag, 'base64'));
      return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
    },
    hash(plain) {
      return createHmac('sha256', hashKey).update(plain, 'utf8').digest('hex').slice(0, 32);
    },
  };
}

/** Keys from the environment (production: set in the CloudBase console, never in the repo). */
export function keysFromEnv(env: NodeJS.ProcessEnv): CryptoKeys {
  const dataKey = env.HQN_DATA_KEY;
  const hashKey = env.HQN_HASH_KEY;
  if (!dataKey || !hashKey) throw new Error('HQN_DATA_KEY and HQN_HASH_KEY must be set');
  return { dataKey, hashKey };
}

export function generateKeys(): CryptoKeys {
  return { dataKey: randomBytes(32).toString('base64'), hashKey: randomBytes(32).toString('base64') };
}
