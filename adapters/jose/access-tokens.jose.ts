import { errors, jwtVerify, SignJWT } from 'jose';
import { randomUUID } from 'node:crypto';
import type { AccessTokens, TokenStamp, VerifiedToken } from '../../ports/access-tokens.js';
import type { Clock } from '../../ports/clock.js';

export interface JoseAccessTokensOptions {
  /** At least 32 bytes. */
  readonly signingKey: Uint8Array;
  readonly issuer: string;
  readonly audience: string;
  readonly lifetimeSeconds: number;
  readonly clock: Clock;
}

/** HS256 JWTs with iss, aud, sub, jti, iat, exp and the stamp (`ver`, `sfp`); verification accepts HS256 only. */
export class JoseAccessTokens implements AccessTokens {
  constructor(private readonly options: JoseAccessTokensOptions) {}

  async issue(userId: string, stamp: TokenStamp): Promise<{ token: string; expiresInSeconds: number }> {
    const { signingKey, issuer, audience, lifetimeSeconds, clock } = this.options;
    const now = Math.floor(clock.now().getTime() / 1000);
    const token = await new SignJWT({ ver: stamp.version, ...(stamp.secretFingerprint === null ? {} : { sfp: stamp.secretFingerprint }) })
      .setProtectedHeader({ alg: 'HS256', typ: 'JWT' })
      .setIssuer(issuer)
      .setAudience(audience)
      .setSubject(userId)
      .setJti(randomUUID())
      .setIssuedAt(now)
      .setExpirationTime(now + lifetimeSeconds)
      .sign(signingKey);
    return { token, expiresInSeconds: lifetimeSeconds };
  }

  async verify(token: string): Promise<VerifiedToken | { expired: true } | null> {
    const { signingKey, issuer, audience, clock } = this.options;
    try {
      const { payload } = await jwtVerify(token, signingKey, {
        algorithms: ['HS256'],
        issuer,
        audience,
        requiredClaims: ['sub', 'jti', 'iat', 'exp', 'ver'],
        currentDate: clock.now(),
      });
      const { sub, jti, iat, ver, sfp } = payload;
      if (typeof sub !== 'string' || typeof jti !== 'string' || typeof iat !== 'number' || !Number.isSafeInteger(ver)) return null;
      if (sfp !== undefined && typeof sfp !== 'string') return null;
      return { userId: sub, tokenId: jti, issuedAt: new Date(iat * 1000), version: ver as number, secretFingerprint: sfp ?? null };
    } catch (error) {
      if (error instanceof errors.JWTExpired) return { expired: true };
      if (error instanceof errors.JOSEError || error instanceof TypeError) return null;
      throw error;
    }
  }
}
