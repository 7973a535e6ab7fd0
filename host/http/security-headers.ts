import type { RequestHandler } from 'express';

/** JSON answers load nothing and are never framed. */
const API_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";
/** The dashboard: its own scripts and styles (React sets style properties), charts drawn on canvas. */
const DASHBOARD_POLICY =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
/** Swagger UI, as its package ships it: inline styles, data: images, the OAuth2 redirect page's inline script. */
const DOCS_POLICY =
  "default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; base-uri 'none'; frame-ancestors 'none'";

/**
 * Headers every answer carries: no MIME sniffing, no framing anywhere (regenerate-secret and account
 * deletion are one click away in the dashboard), no referrer, a Content-Security-Policy fitting what
 * is served, and HSTS when the gateway's public URL is https.
 */
export function securityHeaders(publicUrl: string): RequestHandler {
  const https = publicUrl.startsWith('https:');
  return (req, res, next) => {
    res.setHeader('X-Content-Type-Options', 'nosniff');
    res.setHeader('X-Frame-Options', 'DENY');
    res.setHeader('Referrer-Policy', 'no-referrer');
    const path = req.path;
    res.setHeader(
      'Content-Security-Policy',
      path.startsWith('/api') || path === '/metrics' ? API_POLICY : path.startsWith('/docs') ? DOCS_POLICY : DASHBOARD_POLICY,
    );
    if (https) res.setHeader('Strict-Transport-Security', 'max-age=31536000');
    next();
  };
}

/**
 * HEAD is answered wherever GET is (RFC 9110 §9.3.2): the request runs as its GET, and Node's
 * response, created knowing the method was HEAD, sends the headers without the body.
 */
export const headAsGet: RequestHandler = (req, _res, next) => {
  if (req.method === 'HEAD') req.method = 'GET';
  next();
};
