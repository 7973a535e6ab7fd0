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

describe('versions', () => {
  it('when a value is sealed twice, then the versions differ, and a version is the first bytes of its value', () => {
    const key = keyring.userKey('s', 'u');
    const a = keyring.seal(key, utf8('same'), 'ctx');
    const b = keyring.seal(key, utf8('same'), 'ctx');
    expect(Buffer.from(keyring.versionOf(a)).equals(keyring.versionOf(b))).toBe(false);
    expect(Buffer.from(a.subarray(0, keyring.versionOf(a).length)).equals(keyring.versionOf(a))).toBe(true);
    expect(keyring.versionOf(a).length).toBeGreaterThanOrEqual(16);
  });
});
