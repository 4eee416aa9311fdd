/**
 * Personal data at rest (R9.1): AES-256-GCM for ID numbers and phones, and an
 * HMAC of the ID number for uniqueness look-ups without decrypting (R4.6).
 *
 * A ciphertext names its key (`v2:<keyId>:<iv>:<tag>:<ct>`, keyId a fingerprint
 * of the key), so the data key can be rotated without downtime: the functions
 * seal with the current key and open with whichever configured key a value
 * names, and `npm run rekey` re-seals the rest (README, "Personal data"). The
 * unversioned `v1:<iv>:<tag>:<ct>` of the first release still opens: the GCM
 * tag tells which configured key sealed it.
 *
 * The hash key is not rotated: the hash is each person's uniqueness key
 * (`nominationKeys`, `periodId:idHash`), so a new hash key would need every
 * key document and every record's `idHash` re-computed.
 */
import { createCipheriv, createDecipheriv, createHash, createHmac, randomBytes } from 'node:crypto';

export interface PersonalDataCrypto {
  encrypt(plain: string): string;
  /** Opens a value sealed under the current or any previous key; throws when no configured key sealed it. */
  decrypt(sealed: string): string;
  /** Keyed hash: equal inputs give equal outputs, nobody without the key can recompute it. */
  hash(plain: string): string;
  /** The fingerprint of the key `encrypt` uses. */
  readonly currentKeyId: string;
  /** The key a ciphertext names; null for a v1 ciphertext, which names none. */
  sealedKeyId(sealed: string): string | null;
  /** True when `sealed` is already under the current key (nothing to re-seal). */
  isCurrent(sealed: string): boolean;
}

export interface CryptoKeys {
  /** The current data key: 32 bytes, base64 or hex. */
  dataKey: string;
  /** Keys sealed values may still be under until `npm run rekey` has re-sealed them. */
  previousDataKeys?: string[];
  hashKey: string;
}

const KEY_ID = /^[0-9a-f]{8}$/;

function decodeKey(raw: string, name: string): Buffer {
  const buf = /^[0-9a-f]{64}$/i.test(raw) ? Buffer.from(raw, 'hex') : Buffer.from(raw, 'base64');
  if (buf.length !== 32) throw new Error(`${name} must be 32 bytes (hex or base64)`);
  return buf;
}

function fingerprint(key: Buffer): string {
  // Domain-separated so the id is no other use's digest of the key; 32 bits tell a handful of keys apart,
  // and the GCM tag still catches a wrong key.
  return createHash('sha256').update('hqn-data-key-id\0').update(key).digest('hex').slice(0, 8);
}

/** The id a ciphertext sealed under `key` carries (for operators: compare with the rekey command's output). */
export function keyIdOf(key: string): string {
  return fingerprint(decodeKey(key, 'data key'));
}

function seal(key: Buffer, keyId: string, plain: string): string {
  const iv = randomBytes(12);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  const ct = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
  return ['v2', keyId, iv.toString('base64'), cipher.getAuthTag().toString('base64'), ct.toString('base64')].join(':');
}

function open(key: Buffer, iv: string, tag: string, ct: string): string {
  const decipher = createDecipheriv('aes-256-gcm', key, Buffer.from(iv, 'base64'));
  decipher.setAuthTag(Buffer.from(tag, 'base64'));
  return Buffer.concat([decipher.update(Buffer.from(ct, 'base64')), decipher.final()]).toString('utf8');
}

interface Parsed {
  keyId: string | null;
  iv: string;
  tag: string;
  ct: string;
}

function parse(sealed: string): Parsed {
  const parts = sealed.split(':');
  if (parts.length === 5 && parts[0] === 'v2' && KEY_ID.test(parts[1]) && parts[2] && parts[3]) {
    return { keyId: parts[1], iv: parts[2], tag: parts[3], ct: parts[4] };
  }
  if (parts.length === 4 && parts[0] === 'v1' && parts[1] && parts[2]) {
    return { keyId: null, iv: parts[1], tag: parts[2], ct: parts[3] };
  }
  throw new Error('unknown ciphertext format');
}

/** Key id → key, the current key first (a v1 value is tried against them in this order). */
function keyRing(keys: CryptoKeys): Map<string, Buffer> {
  const ring = new Map<string, Buffer>();
  const all = [keys.dataKey, ...(keys.previousDataKeys ?? [])];
  all.forEach((raw, i) => {
    const key = decodeKey(raw, i === 0 ? 'data key' : `previous data key ${i}`);
    const id = fingerprint(key);
    const known = ring.get(id);
    if (known && !known.equals(key)) throw new Error(`two data keys share the id ${id}: generate another key`);
    ring.set(id, key);
  });
  return ring;
}

function openV1(ring: Map<string, Buffer>, p: Parsed): string {
  for (const key of ring.values()) {
    try {
      return open(key, p.iv, p.tag, p.ct);
    } catch {
      // Not this key: the tag did not verify. Try the next one.
    }
  }
  throw new Error('no configured key opens this v1 ciphertext');
}

export function createPersonalDataCrypto(keys: CryptoKeys): PersonalDataCrypto {
  const ring = keyRing(keys);
  const dataKey = decodeKey(keys.dataKey, 'data key');
  const currentKeyId = fingerprint(dataKey);
  const hashKey = decodeKey(keys.hashKey, 'hash key');
  return {
    currentKeyId,
    encrypt: (plain) => seal(dataKey, currentKeyId, plain),
    decrypt(sealed) {
      const p = parse(sealed);
      if (p.keyId === null) return openV1(ring, p);
      const key = ring.get(p.keyId);
      if (!key) throw new Error(`ciphertext sealed under key ${p.keyId}, but key ${p.keyId} is not configured`);
      return open(key, p.iv, p.tag, p.ct);
    },
    sealedKeyId: (sealed) => parse(sealed).keyId,
    isCurrent: (sealed) => parse(sealed).keyId === currentKeyId,
    hash(plain) {
      return createHmac('sha256', hashKey).update(plain, 'utf8').digest('hex').slice(0, 32);
    },
  };
}

/** Comma-separated, blanks ignored. */
function keyList(value: string | undefined): string[] {
  return (value ?? '')
    .split(',')
    .map((k) => k.trim())
    .filter(Boolean);
}

/**
 * Keys from the environment (production: set in the CloudBase console, never in the repo): `HQN_DATA_KEY` the
 * current data key, `HQN_DATA_KEYS_OLD` the previous ones during a rotation, `HQN_HASH_KEY` the hash key.
 */
export function keysFromEnv(env: NodeJS.ProcessEnv): CryptoKeys {
  const dataKey = env.HQN_DATA_KEY?.trim();
  const hashKey = env.HQN_HASH_KEY?.trim();
  if (!dataKey || !hashKey) throw new Error('HQN_DATA_KEY and HQN_HASH_KEY must be set');
  return { dataKey, previousDataKeys: keyList(env.HQN_DATA_KEYS_OLD), hashKey };
}

export function generateKeys(): CryptoKeys {
  return { dataKey: randomBytes(32).toString('base64'), hashKey: randomBytes(32).toString('base64') };
}

/** A fresh data key (base64), for a rotation. */
export function generateDataKey(): string {
  return randomBytes(32).toString('base64');
}
