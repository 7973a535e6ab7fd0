import { describe, expect, it } from 'vitest';
import type { PasswordHasher } from '../../ports/password-hasher.js';

/** The PasswordHasher contract: one-way, salted, and `verify` is false, never a throw, for a malformed hash. */
export function passwordHasherContract(adapter: string, hasher: () => PasswordHasher) {
  describe(`PasswordHasher contract: ${adapter}`, () => {
    it('when a password is hashed, then the hash holds no trace of it, verifies it, and refuses any other', async () => {
      const h = hasher();
      const hash = await h.hash('Correct-Horse9');
      expect(hash).not.toContain('Correct-Horse9');
      expect(await h.verify('Correct-Horse9', hash)).toBe(true);
      expect(await h.verify('correct-Horse9', hash)).toBe(false);
      expect(await h.verify('', hash)).toBe(false);
    });

    it('when the same password is hashed twice, then the hashes differ (salted) and both verify', async () => {
      const h = hasher();
      const [a, b] = await Promise.all([h.hash('same-Pass1'), h.hash('same-Pass1')]);
      expect(a).not.toBe(b);
      expect(await h.verify('same-Pass1', a)).toBe(true);
      expect(await h.verify('same-Pass1', b)).toBe(true);
    });

    it('when the hash is malformed or empty, then verify is false without throwing', async () => {
      const h = hasher();
      for (const hash of ['', 'not a hash', '$2b$04$short', '\u0000']) expect(await h.verify('anything', hash)).toBe(false);
    });
  });
}
