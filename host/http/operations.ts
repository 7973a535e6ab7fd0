import express, { type Request, type Response, type Router } from 'express';
import type { Principal } from '../../domain/principal.js';
import type { UseCases } from '../../domain/use-cases/index.js';
import { DomainFailure } from './error-mapping.js';
import type { OpenApiDocument, OperationSpec } from './openapi-document.js';
import type { operations } from './openapi-types.js';

export type OperationId = keyof operations;
export type Handler = (req: Request, res: Response) => Promise<void>;

/** The handlers of one tag of `openapi.yaml`, by operationId. */
export interface TagRouter {
  readonly tag: string;
  readonly handlers: Partial<Record<OperationId, Handler>>;
}

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

/** The leading path segments all these paths share: `/enedis` for `/enedis/a/{x}` and `/enedis/b`. */
function sharedPrefix(paths: readonly string[]): string {
  const split = paths.map((p) => p.split('/').filter(Boolean));
  const shared: string[] = [];
  for (let i = 0; split.every((parts) => parts.length > i + 1 && parts[i] === split[0]![i] && !parts[i]!.startsWith('{')); i++) shared.push(split[0]![i]!);
  return shared.length > 0 ? `/${shared.join('/')}` : '';
}

export interface MountedRouter {
  /** Where the router is mounted: requests outside it never walk its routes. */
  readonly prefix: string;
  readonly router: Router;
}

/**
 * One express router per tag, routes taken from the document: every operation gets the handler of
 * its operationId, behind authentication when its security asks for a bearer. A missing or unknown
 * handler stops the start, so the document and the code cannot drift apart.
 */
export function buildRouters(doc: OpenApiDocument, tagRouters: readonly TagRouter[], useCases: UseCases): MountedRouter[] {
  const known = new Set(doc.operations.map((op) => op.operationId));
  for (const router of tagRouters) {
    for (const id of Object.keys(router.handlers)) {
      if (!known.has(id)) throw new Error(`handler ${id} (${router.tag}) has no operation in openapi.yaml`);
    }
  }
  return tagRouters.map(({ tag, handlers }) => {
    const router = express.Router();
    const ops = doc.operations.filter((o) => o.tag === tag);
    const prefix = sharedPrefix(ops.map((o) => o.path));
    for (const op of ops) {
      const handler = handlers[op.operationId as OperationId];
      if (!handler) throw new Error(`operation ${op.operationId} (${op.method.toUpperCase()} ${op.path}) has no handler`);
      const expressPath = op.path.slice(prefix.length).replace(/\{(\w+)\}/g, ':$1');
      router[op.method](expressPath, async (req, res) => {
        res.locals.operation = op;
        if (op.requiresBearer) {
          const principal = await useCases.authenticate(bearerOf(req), { allowUnverified: op.allowUnverified });
          if (!principal.ok) throw new DomainFailure(principal.error);
          res.locals.principal = principal.value;
        }
        await handler(req, res);
      });
    }
    return { prefix: doc.basePath + prefix, router };
  });
}
