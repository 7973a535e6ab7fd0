import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Keyring, UserKey } from '../../ports/keyring.js';
import type { VersionedSeals } from '../sealed/unchanged-protocol.js';

const IV_BYTES = 12;
const TAG_BYTES = 16;

function subKey(serverKey: Uint8Array, purpose: string): Buffer {
  return Buffer.from(hkdfSync('sha256', serverKey, Buffer.alloc(0), `myelectricaldata:${purpose}`, 32));
}

/** iv (12 bytes), tag (16 bytes), ciphertext. */
function sealWith(key: Buffer, plaintext: Uint8Array, context: string): Buffer {
  const iv = randomBytes(IV_BYTES);
  const cipher = createCipheriv('aes-256-gcm', key, iv);
  cipher.setAAD(Buffer.from(context, 'utf8'));
  const body = cipher.update(plaintext);
  cipher.final();
  return Buffer.concat([iv, cipher.getAuthTag(), body]);
}

function openWith(key: Buffer, raw: Uint8Array, context: string): Buffer | null {
  if (raw.length < IV_BYTES + TAG_BYTES) return null;
  const decipher = createDecipheriv('aes-256-gcm', key, raw.subarray(0, IV_BYTES));
  decipher.setAAD(Buffer.from(context, 'utf8'));
  decipher.setAuthTag(raw.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
  try {
    const plaintext = decipher.update(raw.subarray(IV_BYTES + TAG_BYTES));
    // GCM is a stream cipher: final() only checks the tag and adds nothing.
    decipher.final();
    return plaintext;
  } catch {
    // GCM authentication failed: wrong key, wrong context or altered bytes. That is the contract's null.
    return null;
  }
}

/**
 * AES-256-GCM (random 96-bit IV, 128-bit tag, the context as associated data), HKDF-SHA256 key
 * derivation and HMAC-SHA256 secret look-up hashes, all from the server key (SECRET_KEY).
 */
export class NodeCryptoKeyring implements Keyring, VersionedSeals {
  private readonly lookupKey: Buffer;
  private readonly secretKey: Buffer;
  private readonly tokenKey: Buffer;
  private readonly pseudonymKey: Buffer;

  constructor(serverKey: Uint8Array) {
    this.pseudonymKey = subKey(serverKey, 'pseudonym');
    this.lookupKey = subKey(serverKey, 'client-secret-lookup');
    this.tokenKey = subKey(serverKey, 'one-time-token');
    this.secretKey = subKey(serverKey, 'client-secret-seal');
  }

  newClientId(): string {
    return `cli_${randomBytes(24).toString('base64url')}`;
  }

  newClientSecret(): string {
    return randomBytes(48).toString('base64url');
  }

  newOneTimeToken(): string {
    return randomBytes(32).toString('base64url');
  }

  oneTimeTokenHash(token: string): string {
    return createHmac('sha256', this.tokenKey).update(token, 'utf8').digest('hex');
  }

  pseudonym(value: string): string {
    return createHmac('sha256', this.pseudonymKey).update(value, 'utf8').digest('base64url').slice(0, 22);
  }

  clientSecretHash(secret: string): string {
    return createHmac('sha256', this.lookupKey).update(secret, 'utf8').digest('hex');
  }

  sameHash(a: string, b: string): boolean {
    const left = Buffer.from(a, 'utf8');
    const right = Buffer.from(b, 'utf8');
    return left.length === right.length && timingSafeEqual(left, right);
  }

  sealSecret(secret: string): string {
    return sealWith(this.secretKey, Buffer.from(secret, 'utf8'), 'client-secret').toString('base64');
  }

  openSecret(sealed: string): string | null {
    return openWith(this.secretKey, Buffer.from(sealed, 'base64'), 'client-secret')?.toString('utf8') ?? null;
  }

  userKey(secret: string, userId: string): UserKey {
    return Buffer.from(hkdfSync('sha256', secret, userId, 'myelectricaldata:cache', 32)) as unknown as UserKey;
  }

  seal(key: UserKey, plaintext: Uint8Array, context: string): Uint8Array {
    return sealWith(key as unknown as Buffer, plaintext, context);
  }

  /** The random IV and the GCM tag (a copy): a value with the same both is the same value. */
  versionOf(sealed: Uint8Array): Uint8Array {
    return Buffer.from(sealed.subarray(0, IV_BYTES + TAG_BYTES));
  }

  open(key: UserKey, sealed: Uint8Array, context: string): Uint8Array | null {
    return openWith(key as unknown as Buffer, sealed, context);
  }
}
