import { describe, expect, it } from 'vitest';
import type { CaptchaVerifier } from '../../ports/captcha-verifier.js';

export interface CaptchaHarness {
  readonly verifier: CaptchaVerifier;
  /** A token this verifier accepts. */
  readonly accepted: string;
  /** A token it refuses; null for a verifier that accepts every answer (development). */
  readonly refused: string | null;
  /** The same verifier when whatever it asks cannot answer; null when it asks nothing. */
  readonly unreachable: CaptchaVerifier | null;
}

/** The CaptchaVerifier contract: a verdict for every token, `unavailable` when it cannot ask, never a throw. */
export function captchaVerifierContract(adapter: string, factory: () => CaptchaHarness) {
  describe(`CaptchaVerifier contract: ${adapter}`, () => {
    it('when an accepted token comes, with or without the client address, then it is valid', async () => {
      const { verifier, accepted } = factory();
      expect(await verifier.verify(accepted, '203.0.113.7')).toBe('valid');
      expect(await verifier.verify(accepted, null)).toBe('valid');
    });

    it('when a refused token comes, then it is invalid', async () => {
      const { verifier, refused } = factory();
      if (refused === null) expect(await verifier.verify('anything', null)).toBe('valid');
      else expect(await verifier.verify(refused, null)).toBe('invalid');
    });

    it('when the verifier cannot be asked, then the verdict is unavailable, never a throw', async () => {
      const { unreachable, verifier, accepted } = factory();
      expect(await (unreachable ?? verifier).verify(accepted, null)).toBe(unreachable ? 'unavailable' : 'valid');
    });
  });
}
