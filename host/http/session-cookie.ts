import type { CookieOptions, Request, Response } from 'express';

/** The cookie the MyElectricalData web app authenticates with (axios `withCredentials`, never a bearer). */
export const SESSION_COOKIE = 'access_token';

const MUTATING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** How the session cookie is set: script-proof, sent on same-site navigation, Secure behind https. */
export function sessionCookieOptions(publicUrl: string, lifetimeSeconds: number): CookieOptions {
  return { httpOnly: true, sameSite: 'lax', path: '/', secure: publicUrl.startsWith('https:'), maxAge: lifetimeSeconds * 1000 };
}

/** Sets the session cookie to `token`. */
export function setSessionCookie(res: Response, token: string, options: CookieOptions): void {
  res.cookie(SESSION_COOKIE, token, options);
}

/** Clears the session cookie (harmless when there is none). */
export function clearSessionCookie(res: Response, options: CookieOptions): void {
  const { maxAge: _maxAge, ...rest } = options;
  res.clearCookie(SESSION_COOKIE, rest);
}

/** The session cookie's value, if the request carries one. */
export function sessionCookieOf(req: Request): string | null {
  const header = req.headers.cookie;
  if (!header) return null;
  for (const part of header.split(';')) {
    const at = part.indexOf('=');
    if (at === -1 || part.slice(0, at).trim() !== SESSION_COOKIE) continue;
    const value = part.slice(at + 1).trim();
    try {
      return value === '' ? null : decodeURIComponent(value);
    } catch {
      return null;
    }
  }
  return null;
}

/** The origin a request says it comes from: `Origin`, else the origin of `Referer`; null when neither. */
function claimedOrigin(req: Request): string | null {
  const origin = req.headers.origin;
  if (typeof origin === 'string' && origin !== 'null') return origin;
  const referer = req.headers.referer;
  if (typeof referer !== 'string') return null;
  try {
    return new URL(referer).origin;
  } catch {
    return null;
  }
}

/**
 * Whether a request authenticated by the cookie may go on: reads always; a request that changes
 * something only when it names an allowed origin, or the gateway's own (the dashboard, whatever
 * address it was opened at): the browser sets Origin on every cross-site POST and a page cannot
 * forge it, so the cookie does not open the API to cross-site request forgery.
 */
export function cookieRequestAllowed(req: Request, allowedOrigins: ReadonlySet<string>): boolean {
  if (!MUTATING.has(req.method)) return true;
  const origin = claimedOrigin(req);
  return origin !== null && (allowedOrigins.has(origin) || origin === `${req.protocol}://${req.get('host')}`);
}
