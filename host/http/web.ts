import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import express, { type Router } from 'express';

/**
 * From host/http/ when run from the sources, from dist/host/http/ when run built (npm run serve).
 * Looked for when an app is made, not when this module loads: a build that finishes after the
 * import (the browser tests build the dashboard first thing, on a fresh clone) is still served.
 */
const webDist = () =>
  ['../../web/dist', '../../../web/dist'].map((path) => fileURLToPath(new URL(path, import.meta.url))).find((dir) => existsSync(`${dir}/index.html`));

/**
 * The dashboard (web/, built by Vite) at `/`. Routes live after `#`, so only `/` and the hashed
 * assets are asked for. Absent when the dashboard was not built (the library as a package).
 */
export function webRouter(): Router | null {
  const WEB_DIST = webDist();
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
