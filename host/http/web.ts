import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

const WEB_DIST = fileURLToPath(new URL('../../web/dist', import.meta.url));

/**
 * The dashboard (web/, built by Vite) at `/`. Routes live after `#`, so only `/` and the hashed
 * assets are asked for. Absent when the dashboard was not built (the library as a package).
 */
export function webRouter(): Router | null {
  if (!existsSync(`${WEB_DIST}/index.html`)) return null;
  const router = express.Router();
  router.use(
    express.static(WEB_DIST, {
      index: 'index.html',
      setHeaders: (res, path) => res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
    }),
  );
  return router;
}
