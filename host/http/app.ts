import { randomUUID } from 'node:crypto';
import express, { type ErrorRequestHandler, type Express, type RequestHandler } from 'express';
import * as OpenApiValidator from 'express-openapi-validator';
import type { UseCases } from '../../domain/use-cases/index.js';
import type { Clock } from '../../ports/clock.js';
import type { HealthCheck, ResolvedConfig } from '../container.js';
import type { Logger } from '../logger.js';
import { DESCRIPTION, VERSION } from '../version.js';
import { type GatewayMetrics } from '../metrics.js';
import { cors } from './cors.js';
import { docsRouter } from './docs.js';
import { headAsGet, securityHeaders } from './security-headers.js';
import { cacheRouteCompilation } from './route-regexp-cache.js';
import { webRouter } from './web.js';
import { consentFailureCode, consentFailureUrl, errorEnvelope, toHttpFailure, toOAuthError } from './error-mapping.js';
import { loadOpenApiDocument, type OpenApiDocument, type OperationSpec } from './openapi-document.js';
import { matchedOperation, operationDispatcher, type TagRouter } from './operations.js';
import { compatibilityRouter } from './routers/compatibility.router.js';
import { gridRouter } from './routers/grid.router.js';
import { energyRouter } from './routers/energy.router.js';
import { accountsRouter } from './routers/accounts.router.js';
import { adminRouter } from './routers/admin.router.js';
import { consentRouter } from './routers/consent.router.js';
import { enedisRouter } from './routers/enedis.router.js';
import { healthRouter } from './routers/health.router.js';
import { pdlRouter } from './routers/pdl.router.js';
import { sessionCookieOptions } from './session-cookie.js';

const BODY_LIMIT = '32kb';

function requestLog(logger: Logger, metrics: GatewayMetrics, doc: OpenApiDocument): RequestHandler {
  return (req, res, next) => {
    const started = performance.now();
    const incoming = req.headers['x-request-id'];
    const id = typeof incoming === 'string' && /^[\w.-]{1,128}$/.test(incoming) ? incoming : randomUUID();
    res.setHeader('X-Request-Id', id);
    res.on('finish', () => {
      // The operation that ran or, for a request refused by validation, the one the validator matched:
      // either way the route is the document's template, never a path holding someone's meter id.
      const matched = matchedOperation(req)?.schema?.operationId;
      const operation = (res.locals.operation as OperationSpec | undefined) ?? (matched === undefined ? undefined : doc.byId.get(matched));
      const principal = res.locals.principal as { user: { id: string; debugMode: boolean } } | undefined;
      const seconds = (performance.now() - started) / 1000;
      const route = operation ? operation.path : req.path.startsWith('/docs') ? '/docs' : req.path === '/metrics' ? '/metrics' : 'unmatched';
      metrics.observeRequest(req.method, route, res.statusCode, seconds);
      const line = {
        request_id: id,
        method: req.method,
        route: operation ? operation.path : req.path,
        status: res.statusCode,
        duration_ms: Math.round(seconds * 10_000) / 10,
        user_id: principal?.user.id,
      };
      // An account in debug mode gets the detail of each of its requests logged, whatever the level.
      if (principal?.user.debugMode)
        logger.info({ ...line, debug: { operation: operation?.operationId, query: req.query, detail: res.locals.detail } }, 'request (debug mode)');
      else logger.info(line);
    });
    next();
  };
}

function errorMapper(logger: Logger, clock: Clock, frontendUrl: string): ErrorRequestHandler {
  return (error, req, res, _next) => {
    const failure = toHttpFailure(error, clock.now());
    if (failure.status >= 500) logger.error({ err: error, method: req.method, path: req.path }, 'request failed');
    const operation = res.locals.operation as OperationSpec | undefined;
    // The consent callback is a browser's navigation back from Enedis: whatever went wrong, it ends on the front end.
    if ((operation?.operationId ?? matchedOperation(req)?.schema?.operationId) === 'completeConsent') {
      res.redirect(302, consentFailureUrl(frontendUrl, consentFailureCode(error, failure)));
      return;
    }
    if (failure.headers) res.set(failure.headers);
    const oauth = operation?.errorFormat === 'oauth2' || (!operation && req.path === '/api/accounts/token');
    if (oauth) {
      const { status, body } = toOAuthError(failure);
      res.status(status).json(body);
      return;
    }
    const { status, code, message, field } = failure;
    res.status(status).json(errorEnvelope(code, message, field));
  };
}

/**
 * JSON and form bodies, parsed within BODY_LIMIT. A request without a body (no Content-Length, no
 * Transfer-Encoding: RFC 9112 §6.3), as every read is, passes straight on instead of through both
 * parsers.
 */
function bodyParsers(): RequestHandler {
  const json = express.json({ limit: BODY_LIMIT });
  const form = express.urlencoded({ extended: false, limit: BODY_LIMIT, parameterLimit: 20 });
  return (req, res, next) => {
    if (req.headers['content-length'] === undefined && req.headers['transfer-encoding'] === undefined) return next();
    json(req, res, (error?: unknown) => (error ? next(error) : form(req, res, next)));
  };
}

/**
 * Several middlewares as one Express layer: each runs when the one before calls next(), an error
 * (thrown, passed to next, or a rejected promise) skips the rest. Express's router does the same
 * but allocates, matches and traces at every layer, which on a cached read costs more than the
 * middlewares themselves.
 */
function inSequence(handlers: readonly RequestHandler[]): RequestHandler {
  return (req, res, next) => {
    let index = 0;
    const step = (error?: unknown): void => {
      if (error) return next(error);
      const handler = handlers[index++];
      if (!handler) return next();
      try {
        const returned = handler(req, res, step) as unknown;
        if (returned instanceof Promise) returned.catch((rejection: unknown) => step(rejection ?? new Error('rejected promise')));
      } catch (thrown) {
        step(thrown ?? new Error('thrown'));
      }
    };
    step();
  };
}

/**
 * The Express app. Middleware order is fixed here: security headers, CORS (and preflights), HEAD as GET, request log, body parsers, OpenAPI validation of
 * requests and responses, the operations, /docs and the dashboard, then the single error mapper. Only the entry point
 * calls listen().
 */
export interface AppParts {
  readonly config: ResolvedConfig;
  readonly useCases: UseCases;
  readonly logger: Logger;
  readonly clock: Clock;
  readonly metrics: GatewayMetrics;
  readonly checks: readonly HealthCheck[];
}

/** The handlers of every tag of `openapi.yaml`. */
export function apiRouters({ config, useCases, clock, checks }: Pick<AppParts, 'config' | 'useCases' | 'clock' | 'checks'>, doc: OpenApiDocument): TagRouter[] {
  const session = sessionCookieOptions(config.backendUrl, config.accessTokenExpireMinutes * 60);
  const info = { name: 'MyElectricalData gateway', version: VERSION, description: DESCRIPTION, documentation: `${config.backendUrl}/docs` };
  return [
    accountsRouter(useCases, session),
    pdlRouter(useCases),
    enedisRouter(useCases, clock, config.validateResponses),
    consentRouter(useCases, config.frontendUrl),
    adminRouter(useCases),
    healthRouter(VERSION, checks, doc, {
      requireCaptcha: config.requireCaptcha,
      requireEmailVerification: config.requireEmailVerification,
      demo: config.demoAccount,
    }),
    compatibilityRouter(useCases, clock, config.validateResponses, session, info),
    gridRouter(useCases, clock),
    energyRouter(useCases),
  ];
}

export function createApp({ config, useCases, logger, clock, metrics, checks }: AppParts, doc: OpenApiDocument = loadOpenApiDocument()): Express {
  const app = express();
  app.disable('x-powered-by');
  // Answers change with the cache and the quota headers; hashing every body for an ETag buys nothing.
  app.set('etag', false);
  // One notion of the client's address for everything (log-in limits, sign-up throttle, /metrics).
  app.set('trust proxy', config.trustProxy);

  // The v1 Tempo form Home Assistant integrations call at the root, served as its /api route.
  app.use((req, _res, next) => {
    if (req.url.startsWith('/rte/tempo/')) {
      req.url = `/api${req.url}`;
      // The validator matches on the original URL.
      req.originalUrl = req.url;
    }
    next();
  });
  app.use(securityHeaders(config.backendUrl));
  app.use(cors(config.allowedOrigins));
  app.use(headAsGet);
  app.use(requestLog(logger, metrics, doc));
  app.get('/metrics', metrics.handler(config.metricsToken));
  cacheRouteCompilation();
  const validation = OpenApiValidator.middleware({
    apiSpec: doc.document as never,
    // Bodies are taken as typed (no coercion: `1` is not `true`); query and path parameters, which are
    // strings on the wire, are always coerced by the validator.
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false, removeAdditional: false },
    validateResponses: config.validateResponses ? { removeAdditional: false } : false,
    validateSecurity: false,
    // No operation takes multipart bodies: such a request is refused (415) by request validation.
    fileUploader: false,
    validateFormats: true,
    ajvFormats: { mode: 'full' },
  });
  app.use(inSequence([bodyParsers(), ...validation]));
  app.use(operationDispatcher(doc, apiRouters({ config, useCases, clock, checks }, doc), useCases, config.allowedOrigins));
  // The documentation and the dashboard last, so that API requests never walk their routes.
  app.use(docsRouter());
  const web = webRouter();
  if (web) app.use(web);
  app.use((req, _res, next) => next(Object.assign(new Error(`no route for ${req.method} ${req.path}`), { status: 404 })));
  app.use(errorMapper(logger, clock, config.frontendUrl));
  return app;
}
