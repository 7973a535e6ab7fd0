import { describe, expect, it } from 'vitest';
import { NodeCryptoKeyring } from '../../../adapters/node-crypto/keyring.node-crypto.js';
import { utf8 } from '../../../adapters/sealed/json-bytes.js';

const serverKey = new TextEncoder().encode('k'.repeat(40));
const keyring = new NodeCryptoKeyring(serverKey);

describe('NodeCryptoKeyring beyond the contract (test/contract/keyring.contract.ts)', () => {
  it('when a value is sealed, then it is the 12-byte IV, the 16-byte tag and the ciphertext, no longer', () => {
    const key = keyring.userKey('secret-a', 'user-1');
    expect(keyring.seal(key, utf8('{"value":23327}'), 'ctx').length).toBe(12 + 16 + '{"value":23327}'.length);
  });

  it('when credentials are generated, then the id has the cli_ prefix and the secret is 64 characters', () => {
    expect(keyring.newClientId()).toMatch(/^cli_[\w-]{32}$/);
    expect(keyring.newClientSecret()).toMatch(/^[\w-]{64}$/);
  });

  it('when a version is taken, then it is at least 16 bytes (an IV and more), so that two sealings never share one by chance', () => {
    const key = keyring.userKey('s', 'u');
    expect(keyring.versionOf(keyring.seal(key, utf8('same'), 'ctx')).length).toBeGreaterThanOrEqual(16);
  });

  it('when the same value is sealed twice, then each is recognised by its own version (the sealed store\'s "unchanged" protocol)', () => {
    const key = keyring.userKey('s', 'u');
    const [a, b] = [keyring.seal(key, utf8('same'), 'ctx'), keyring.seal(key, utf8('same'), 'ctx')];
    const [va, vb] = [keyring.versionOf(a), keyring.versionOf(b)];
    expect(Buffer.from(a.subarray(0, va.length)).equals(va)).toBe(true);
    expect(Buffer.from(b.subarray(0, va.length)).equals(va)).toBe(false);
    expect(Buffer.from(va).equals(vb)).toBe(false);
  });

  it('when a hash of another length is compared, then it is not the same, without throwing', () => {
    expect(keyring.sameHash('short', 'longer')).toBe(false);
  });
});
