import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

// From host/http/ when run from the sources, from dist/host/http/ when run built (npm run serve).
const WEB_DIST = ['../../web/dist', '../../../web/dist']
  .map((path) => fileURLToPath(new URL(path, import.meta.url)))
  .find((dir) => existsSync(`${dir}/index.html`));

/**
 * The dashboard (web/, built by Vite) at `/`. Routes live after `#`, so only `/` and the hashed
 * assets are asked for. Absent when the dashboard was not built (the library as a package).
 */
export function webRouter(): Router | null {
  if (!WEB_DIST) return null;
  const router = express.Router();
  router.use(
    express.static(WEB_DIST, {
      index: 'index.html',
      setHeaders: (res, path) => res.setHeader('Cache-Control', path.endsWith('index.html') ? 'no-cache' : 'public, max-age=31536000, immutable'),
    }),
  );
  return router;
}
