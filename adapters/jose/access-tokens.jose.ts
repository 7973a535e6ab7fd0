import { errors, jwtVerify, SignJWT } from 'jose';
import type { AccessTokens } from '../../ports/access-tokens.js';
import type { Clock } from '../../ports/clock.js';

export interface JoseAccessTokensOptions {
  /** At least 32 bytes. */
  readonly signingKey: Uint8Array;
  readonly issuer: string;
  readonly audience: string;
  readonly lifetimeSeconds: number;
  readonly clock: Clock;
}

/** HS256 JWTs with iss, aud, sub, iat and exp; verification accepts HS256 only. */
export class JoseAccessTokens implements AccessTokens {
  constructor(private readonly options: JoseAccessTokensOptions) {}

  async issue(userId: string): Promise<{ token: string; expiresInSeconds: number }> {
    const { signingKey, issuer, audience, lifetimeSeconds, clock } = this.options;
    const now = Math.floor(clock.now().getTime() / 1000);
    const token = await new SignJWT({})
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(userId)
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(signingKey);
    return { token, expiresInSeconds: lifetimeSeconds };
  }

  async verify(token: string): Promise<{ userId: string; issuedAt: Date } | { expired: true } | null> {
    const { signingKey, issuer, audience, clock } = this.options;
    try {
      const { payload } = await jwtVerify(token, signingKey, {
        algorithms: ['HS256'],
        issuer,
        audience,
        requiredClaims: ['sub', 'iat', 'exp'],
        currentDate: clock.now(),
      });
      return typeof payload.sub === 'string' && typeof payload.iat === 'number' ? { userId: payload.sub, issuedAt: new Date(payload.iat * 1000) } : null;
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { expired: true };
      if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
  }
}
