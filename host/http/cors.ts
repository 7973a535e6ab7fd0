import type { RequestHandler } from 'express';

/** What a browser may send: the bearer, JSON bodies, the upstream clients' format header, a request id. */
const ALLOWED_HEADERS = 'Authorization, Content-Type, X-MED-Format, X-Request-Id, X-Impersonate-User-Id';
const ALLOWED_METHODS = 'GET, HEAD, POST, PUT, PATCH, DELETE, OPTIONS';
/** What a page may read of an answer, besides the simple headers: the quota and the request id. */
const EXPOSED_HEADERS =
  'RateLimit-Limit, RateLimit-Remaining, RateLimit-Reset, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset, Retry-After, X-Request-Id';
/** How long a browser may keep a preflight's answer. */
const PREFLIGHT_MAX_AGE_SECONDS = 600;

/**
 * Cross-origin requests from the allowed origins (FRONTEND_URL's, BACKEND_URL's, CORS_ORIGINS), with
 * credentials, so that a front end on another origin can use the session cookie. Any other origin
 * gets no CORS header: its page cannot read an answer, and the cookie is no use to it (a request
 * that changes something is refused on its own by the cookie's origin check, sessionFromCookie).
 * A preflight (`OPTIONS` with `Access-Control-Request-Method`) is answered 204 on every path, before
 * routing.
 */
export function cors(allowedOrigins: readonly string[]): RequestHandler {
  const allowed = new Set(allowedOrigins);
  return (req, res, next) => {
    const origin = req.headers.origin;
    if (origin !== undefined) res.append('Vary', 'Origin');
    const trusted = typeof origin === 'string' && allowed.has(origin);
    if (trusted) {
      res.setHeader('Access-Control-Allow-Origin', origin);
      res.setHeader('Access-Control-Allow-Credentials', 'true');
      res.setHeader('Access-Control-Expose-Headers', EXPOSED_HEADERS);
    }
    if (req.method !== 'OPTIONS' || req.headers['access-control-request-method'] === undefined) return next();
    if (trusted) {
      res.setHeader('Access-Control-Allow-Methods', ALLOWED_METHODS);
      res.setHeader('Access-Control-Allow-Headers', ALLOWED_HEADERS);
      res.setHeader('Access-Control-Max-Age', String(PREFLIGHT_MAX_AGE_SECONDS));
    }
    res.status(204).end();
  };
}
