import type { Request, RequestHandler, Response } from 'express';
import type { Principal } from '../../domain/principal.js';
import type { UseCases } from '../../domain/use-cases/index.js';
import { DomainFailure, HttpRefusal } from './error-mapping.js';
import { cookieRequestAllowed, sessionCookieOf } from './session-cookie.js';
import type { OpenApiDocument, OperationSpec } from './openapi-document.js';
import type { operations } from './openapi-types.js';

export type OperationId = keyof operations;
export type Handler = (req: Request, res: Response) => Promise<void>;

/** The handlers of one tag of `openapi.yaml`, by operationId. */
export interface TagRouter {
  readonly tag: string;
  readonly handlers: Partial<Record<OperationId, Handler>>;
}

export type JsonBodyOf<Op extends OperationId> = operations[Op] extends { requestBody: { content: { 'application/json': infer B } } }
  ? B
  : operations[Op] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B | undefined
    : never;
type QueryOf<Op extends OperationId> = operations[Op] extends { parameters: { query?: infer Q } } ? NonNullable<Q> : never;

/**
 * The operation's JSON body, typed from openapi.yaml: the validator has already checked it against
 * the document, so the generated type is what the handler holds.
 */
export const bodyOf = <Op extends OperationId>(req: Request, _operation: Op): JsonBodyOf<Op> => req.body as JsonBodyOf<Op>;

/** The operation's query, typed from openapi.yaml (the validator has checked and coerced it). */
export const queryOf = <Op extends OperationId>(req: Request, _operation: Op): QueryOf<Op> => req.query as QueryOf<Op>;

export function principalOf(res: Response): Principal {
  const principal = res.locals.principal as Principal | undefined;
  if (!principal) throw new Error('handler of an unauthenticated operation asked for a principal');
  return principal;
}

export function operationOf(res: Response): OperationSpec {
  return res.locals.operation as OperationSpec;
}

function bearerOf(req: Request): string | null {
  const match = /^Bearer\s+(\S+)\s*$/i.exec(req.headers.authorization ?? '');
  return match ? match[1]! : null;
}

/**
 * The credential of a request: the `Authorization` header when there is one (right or wrong), else
 * the session cookie, which may change something only from an allowed origin.
 */
function credentialOf(req: Request, allowedOrigins: ReadonlySet<string>): string | null {
  if (req.headers.authorization !== undefined) return bearerOf(req);
  const cookie = sessionCookieOf(req);
  if (cookie !== null && !cookieRequestAllowed(req, allowedOrigins)) {
    throw new HttpRefusal(403, 'CROSS_SITE_REQUEST', 'a request authenticated by the session cookie must come from an allowed origin (Origin or Referer)');
  }
  return cookie;
}

/** What express-openapi-validator leaves on a request it matched to an operation of the document. */
interface MatchedOperation {
  readonly schema?: { readonly operationId?: string };
  readonly pathParams?: Record<string, string>;
}

/** The operation the validator matched this request to, if any (set before the request is checked). */
export const matchedOperation = (req: Request): MatchedOperation | undefined => (req as Request & { openapi?: MatchedOperation }).openapi;

/**
 * The API's single route: the OpenAPI validator has already matched the request to an operation of
 * the document (and answered 404 or 405 for anything else under the base path), so the handler is
 * looked up by that operation's id, behind authentication when its security asks for a bearer (the
 * header, or the session cookie of the web app). A
 * missing or unknown handler stops the start, so the document and the code cannot drift apart.
 * Requests the validator did not match (outside the base path) go on to the next middleware.
 */
export function operationDispatcher(
  doc: OpenApiDocument,
  tagRouters: readonly TagRouter[],
  useCases: UseCases,
  allowedOrigins: readonly string[] = [],
): RequestHandler {
  const origins = new Set(allowedOrigins);
  const routes = new Map<string, { op: OperationSpec; handler: Handler }>();
  for (const router of tagRouters) {
    for (const [id, handler] of Object.entries(router.handlers)) {
      const op = doc.byId.get(id);
      if (!op || !handler) throw new Error(`handler ${id} (${router.tag}) has no operation in openapi.yaml`);
      routes.set(id, { op, handler });
    }
  }
  for (const op of doc.operations) {
    if (!routes.has(op.operationId)) throw new Error(`operation ${op.operationId} (${op.method.toUpperCase()} ${op.path}) has no handler`);
  }

  const run = async (req: Request, res: Response, { op, handler }: { op: OperationSpec; handler: Handler }) => {
    res.locals.operation = op;
    if (op.requiresBearer) {
      const principal = await useCases.authenticate(credentialOf(req, origins), { allowUnverified: op.allowUnverified });
      if (!principal.ok) throw new DomainFailure(principal.error);
      res.locals.principal = useCases.asVisitor(principal.value, req.ip ?? null);
    }
    await handler(req, res);
  };

  return (req, res, next) => {
    const matched = matchedOperation(req);
    const route = matched?.schema?.operationId === undefined ? undefined : routes.get(matched.schema.operationId);
    if (!route) return next();
    req.params = matched?.pathParams ?? {};
    run(req, res, route).catch(next);
  };
}
