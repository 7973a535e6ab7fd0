import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import express, { type Router } from 'express';

const swaggerUiDir = dirname(createRequire(import.meta.url).resolve('swagger-ui-dist/package.json'));

/** Swagger UI's start-up: this gateway's document, and its client-credentials flow for "Authorize". */
const INITIALIZER = `window.onload = function () {
  window.ui = SwaggerUIBundle({
    url: new URL('../api/openapi.yaml', window.location.href).toString(),
    dom_id: '#swagger-ui',
    deepLinking: true,
    persistAuthorization: true,
    presets: [SwaggerUIBundle.presets.apis, SwaggerUIStandalonePreset],
    plugins: [SwaggerUIBundle.plugins.DownloadUrl],
    layout: 'StandaloneLayout',
    oauth2RedirectUrl: new URL('oauth2-redirect.html', window.location.href).toString()
  });
};
`;

/**
 * `/docs`: Swagger UI, served from the swagger-ui-dist package (no CDN, works offline), on
 * `/api/openapi.yaml`. "Authorize" runs the OAuth2 client-credentials flow against `/api/accounts/token`.
 */
export function docsRouter(): Router {
  const router = express.Router();
  router.get('/docs', (req, res, next) => (req.originalUrl === '/docs' ? res.redirect(301, '/docs/') : next()));
  router.get('/docs/swagger-initializer.js', (_req, res) => {
    res.type('application/javascript').send(INITIALIZER);
  });
  router.use('/docs', express.static(swaggerUiDir, { index: 'index.html', maxAge: '1h' }));
  return router;
}
