import { describe, expect, it } from 'vitest';
import { NodeCryptoKeyring } from '../../adapters/node-crypto/keyring.node-crypto.js';
import { textOf, utf8 } from '../../domain/json-bytes.js';

const serverKey = new TextEncoder().encode('k'.repeat(40));
const keyring = new NodeCryptoKeyring(serverKey);

describe('sealing', () => {
  it('when a value is sealed, then the bytes hold no trace of it and open only under the same key and context', () => {
    const key = keyring.userKey('secret-a', 'user-1');
    const sealed = keyring.seal(key, utf8('{"value":23327}'), 'consumption:daily:12345678901234:2024-01-01');
    expect(Buffer.from(sealed).toString('latin1')).not.toContain('23327');
    expect(sealed.length).toBe(12 + 16 + '{"value":23327}'.length);
    expect(textOf(keyring.open(key, sealed, 'consumption:daily:12345678901234:2024-01-01')!)).toBe('{"value":23327}');
    expect(keyring.open(key, sealed, 'consumption:daily:12345678901234:2024-01-02')).toBeNull();
    expect(keyring.open(keyring.userKey('secret-b', 'user-1'), sealed, 'consumption:daily:12345678901234:2024-01-01')).toBeNull();
    expect(keyring.open(keyring.userKey('secret-a', 'user-2'), sealed, 'consumption:daily:12345678901234:2024-01-01')).toBeNull();
  });

  it('when one byte of the sealed bytes changes or they are garbage, then they do not open', () => {
    const key = keyring.userKey('secret-a', 'user-1');
    const raw = Uint8Array.from(keyring.seal(key, utf8('hello'), 'ctx'));
    raw[raw.length - 1] = raw[raw.length - 1]! ^ 1;
    expect(keyring.open(key, raw, 'ctx')).toBeNull();
    expect(keyring.open(key, utf8('not a sealed value at all, just some text'), 'ctx')).toBeNull();
    expect(keyring.open(key, new Uint8Array(0), 'ctx')).toBeNull();
  });

  it('when the same value is sealed twice, then the texts differ (fresh IV)', () => {
    const key = keyring.userKey('s', 'u');
    expect(Buffer.from(keyring.seal(key, utf8('same'), 'ctx')).equals(keyring.seal(key, utf8('same'), 'ctx'))).toBe(false);
  });

  it('when a secret is sealed under the server key, then another server key cannot open it', () => {
    const sealed = keyring.sealSecret('my-secret');
    expect(keyring.openSecret(sealed)).toBe('my-secret');
    expect(new NodeCryptoKeyring(new TextEncoder().encode('x'.repeat(40))).openSecret(sealed)).toBeNull();
  });

  it('when secrets are hashed for look-up, then the hash is keyed and comparisons are exact', () => {
    const other = new NodeCryptoKeyring(new TextEncoder().encode('x'.repeat(40)));
    expect(keyring.clientSecretHash('abc')).not.toBe(other.clientSecretHash('abc'));
    expect(keyring.sameHash(keyring.clientSecretHash('abc'), keyring.clientSecretHash('abc'))).toBe(true);
    expect(keyring.sameHash(keyring.clientSecretHash('abc'), keyring.clientSecretHash('abd'))).toBe(false);
    expect(keyring.sameHash('short', 'longer')).toBe(false);
  });

  it('when credentials are generated, then the id has the cli_ prefix and the secret is 64 characters', () => {
    expect(keyring.newClientId()).toMatch(/^cli_[\w-]{32}$/);
    expect(keyring.newClientSecret()).toMatch(/^[\w-]{64}$/);
    expect(keyring.newClientSecret()).not.toBe(keyring.newClientSecret());
  });
});

describe('remembering recently opened values', () => {
  let now = 0;
  const remembering = new NodeCryptoKeyring(serverKey, { ttlMs: 1000, maxBytes: 64, now: () => now });
  const key = remembering.userKey('secret-a', 'user-1');
  const context = 'consumption:daily:12345678901234:2025';

  it('when the same sealed bytes are opened again within the time, then the same plaintext comes back without decrypting', () => {
    now = 0;
    const sealed = remembering.seal(key, utf8('[1,2,3]'), context);
    const first = remembering.open(key, sealed, context);
    now = 999;
    expect(remembering.open(key, Uint8Array.from(sealed), context)).toBe(first);
    now = 2000;
    const later = remembering.open(key, sealed, context);
    expect(later).not.toBe(first);
    expect(textOf(later!)).toBe('[1,2,3]');
  });

  it('when the value was sealed again, or altered, or is opened under another key, then nothing remembered is served', () => {
    now = 10_000;
    const sealed = remembering.seal(key, utf8('"old"'), context);
    expect(textOf(remembering.open(key, sealed, context)!)).toBe('"old"');
    expect(textOf(remembering.open(key, remembering.seal(key, utf8('"new"'), context), context)!)).toBe('"new"');
    const newer = remembering.seal(key, utf8('"newer"'), context);
    expect(textOf(remembering.open(key, newer, context)!)).toBe('"newer"');
    const altered = Uint8Array.from(newer);
    altered[altered.length - 1]! ^= 1;
    expect(remembering.open(key, altered, context)).toBeNull();
    expect(remembering.open(remembering.userKey('secret-b', 'user-1'), newer, context)).toBeNull();
    expect(remembering.open(key, newer, 'consumption:daily:12345678901234:2026')).toBeNull();
  });

  it('when more than the byte budget was opened, then the oldest values are forgotten first', () => {
    now = 20_000;
    const sealedOf = (i: number) => remembering.seal(key, utf8(`"${String(i).repeat(20)}"`), `ctx-${i}`);
    const values = [0, 1, 2, 3].map(sealedOf);
    const opened = values.map((sealed, i) => remembering.open(key, sealed, `ctx-${i}`));
    // 22 bytes each, 64 at most: the last two (maybe three) stay, the first went.
    expect(remembering.open(key, values[3]!, 'ctx-3')).toBe(opened[3]);
    expect(remembering.open(key, values[0]!, 'ctx-0')).not.toBe(opened[0]);
  });
});
