import { SignJWT } from 'jose';
import { describe, expect, it } from 'vitest';
import type { AccessTokens } from '../../ports/access-tokens.js';
import type { ManualClock } from '../support/clock.js';

export interface AccessTokensHarness {
  readonly tokens: AccessTokens;
  readonly clock: ManualClock;
  readonly lifetimeSeconds: number;
}

const STAMP = { version: 3, secretFingerprint: 'abcdef0123456789' };

/** The AccessTokens contract: what is issued verifies with its subject and stamp; expired says so; anything else is null, never a throw. */
export function accessTokensContract(adapter: string, factory: () => AccessTokensHarness) {
  describe(`AccessTokens contract: ${adapter}`, () => {
    it('when a token is issued, then it verifies to its subject, stamp, issue instant and an id of its own', async () => {
      const { tokens, clock, lifetimeSeconds } = factory();
      const issued = await tokens.issue('user-1', STAMP);
      expect(issued.expiresInSeconds).toBe(lifetimeSeconds);
      const verified = await tokens.verify(issued.token);
      expect(verified).toEqual({
        userId: 'user-1',
        tokenId: expect.any(String),
        issuedAt: new Date(Math.floor(clock.now().getTime() / 1000) * 1000),
        ...STAMP,
      });
      const other = await tokens.verify((await tokens.issue('user-1', { version: 0, secretFingerprint: null })).token);
      expect(other).toMatchObject({ version: 0, secretFingerprint: null });
      expect(other && 'tokenId' in other && verified && 'tokenId' in verified && other.tokenId !== verified.tokenId).toBe(true);
    });

    it('when the token has outlived its lifetime, then it is expired', async () => {
      const { tokens, clock, lifetimeSeconds } = factory();
      const issued = await tokens.issue('user-1', STAMP);
      clock.advance((lifetimeSeconds + 1) * 1000);
      expect(await tokens.verify(issued.token)).toEqual({ expired: true });
    });

    it('when the token is altered, unsigned, signed by another key, or not a token, then it is invalid', async () => {
      const { tokens } = factory();
      const issued = await tokens.issue('user-1', STAMP);
      const [header, payload, signature] = issued.token.split('.');
      const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const forged = [
        `${header}.${b64({ ...claims, sub: 'user-2' })}.${signature}`,
        `${b64({ alg: 'none', typ: 'JWT' })}.${payload}.`,
        await new SignJWT(claims).setProtectedHeader({ alg: 'HS256' }).sign(new TextEncoder().encode('another key that is long enough 0123456789')),
        'not.a.token',
        '',
      ];
      for (const token of forged) expect(await tokens.verify(token)).toBeNull();
    });
  });
}
