import { describe, expect, it } from 'vitest';
import { textOf, utf8 } from '../../adapters/sealed/json-bytes.js';
import type { Keyring } from '../../ports/keyring.js';

/** The Keyring contract (ports/keyring.ts); `factory(key)` gives a keyring on that server key. */
export function keyringContract(adapter: string, factory: (serverKey: string) => Keyring) {
  describe(`Keyring contract: ${adapter}`, () => {
    const keyring = factory('k'.repeat(40));
    const other = factory('x'.repeat(40));

    it('when credentials and one-time tokens are made, then they are unique, and the tokens URL-safe and at most 100 characters', () => {
      const ids = new Set(Array.from({ length: 50 }, () => keyring.newClientId()));
      const secrets = new Set(Array.from({ length: 50 }, () => keyring.newClientSecret()));
      const tokens = Array.from({ length: 50 }, () => keyring.newOneTimeToken());
      expect(ids.size).toBe(50);
      expect(secrets.size).toBe(50);
      expect(new Set(tokens).size).toBe(50);
      for (const token of tokens) expect(token).toMatch(/^[\w-]{1,100}$/);
    });

    it('when secrets, tokens and identifiers are hashed, then the hashes are stable, keyed with the server key, and compared exactly', () => {
      const hash = keyring.clientSecretHash('secret');
      expect(keyring.clientSecretHash('secret')).toBe(hash);
      expect(other.clientSecretHash('secret')).not.toBe(hash);
      expect(keyring.sameHash(hash, keyring.clientSecretHash('secret'))).toBe(true);
      expect(keyring.sameHash(hash, keyring.clientSecretHash('secreT'))).toBe(false);
      expect(keyring.sameHash(hash, hash.slice(1))).toBe(false);
      expect(keyring.oneTimeTokenHash('t')).toBe(keyring.oneTimeTokenHash('t'));
      expect(other.oneTimeTokenHash('t')).not.toBe(keyring.oneTimeTokenHash('t'));
      const pseudonym = keyring.pseudonym('someone@example.org');
      expect(keyring.pseudonym('someone@example.org')).toBe(pseudonym);
      expect(pseudonym).not.toContain('someone');
      expect(other.pseudonym('someone@example.org')).not.toBe(pseudonym);
      expect(keyring.pseudonym('someone-else@example.org')).not.toBe(pseudonym);
    });

    it('when a secret is sealed under the server key, then it opens under that key only', () => {
      const sealed = keyring.sealSecret('my-secret');
      expect(sealed).not.toContain('my-secret');
      expect(keyring.openSecret(sealed)).toBe('my-secret');
      expect(other.openSecret(sealed)).toBeNull();
      expect(keyring.openSecret('garbage')).toBeNull();
    });

    it('when a value is sealed under a user key, then it opens under that key and context only, and a changed byte does not open', () => {
      const key = keyring.userKey('secret-a', 'user-1');
      const sealed = keyring.seal(key, utf8('{"value":23327}'), 'consumption:daily:12345678901234:2024-01-01');
      expect(Buffer.from(sealed).toString('latin1')).not.toContain('23327');
      expect(textOf(keyring.open(key, sealed, 'consumption:daily:12345678901234:2024-01-01')!)).toBe('{"value":23327}');
      expect(keyring.open(key, sealed, 'consumption:daily:12345678901234:2024-01-02')).toBeNull();
      expect(keyring.open(keyring.userKey('secret-b', 'user-1'), sealed, 'consumption:daily:12345678901234:2024-01-01')).toBeNull();
      expect(keyring.open(keyring.userKey('secret-a', 'user-2'), sealed, 'consumption:daily:12345678901234:2024-01-01')).toBeNull();
      const altered = Uint8Array.from(sealed);
      altered[altered.length - 1] = altered[altered.length - 1]! ^ 1;
      expect(keyring.open(key, altered, 'consumption:daily:12345678901234:2024-01-01')).toBeNull();
      expect(keyring.open(key, new Uint8Array(0), 'ctx')).toBeNull();
    });

    it('when the same value is sealed twice, then the two differ and both open', () => {
      const key = keyring.userKey('s', 'u');
      const [a, b] = [keyring.seal(key, utf8('same'), 'ctx'), keyring.seal(key, utf8('same'), 'ctx')];
      expect(Buffer.from(a).equals(b)).toBe(false);
      expect([a, b].map((sealed) => textOf(keyring.open(key, sealed, 'ctx')!))).toEqual(['same', 'same']);
    });
  });
}
