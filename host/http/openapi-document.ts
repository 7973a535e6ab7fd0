import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { parse } from 'yaml';

/** `openapi.yaml` at the project root: the wire format's single source of truth. */
export const OPENAPI_PATH = fileURLToPath(new URL('../../openapi.yaml', import.meta.url));

export interface OperationSpec {
  readonly method: 'get' | 'post' | 'put' | 'patch' | 'delete';
  readonly path: string;
  readonly operationId: string;
  readonly tag: string;
  readonly requiresBearer: boolean;
  /** Reachable by an account whose email is not verified yet (when verification is required). */
  readonly allowUnverified: boolean;
  readonly errorFormat: 'envelope' | 'oauth2';
}

export interface OpenApiDocument {
  readonly text: string;
  readonly document: Record<string, unknown>;
  readonly basePath: string;
  readonly operations: readonly OperationSpec[];
  /** The same operations by operationId. */
  readonly byId: ReadonlyMap<string, OperationSpec>;
}

const METHODS = ['get', 'post', 'put', 'patch', 'delete'] as const;

type RawOperation = {
  operationId?: string;
  tags?: string[];
  security?: Array<Record<string, unknown>>;
  'x-error-format'?: string;
  'x-allow-unverified'?: boolean;
};

export function loadOpenApiDocument(path = OPENAPI_PATH): OpenApiDocument {
  const text = readFileSync(path, 'utf8');
  const document = parse(text) as {
    servers?: Array<{ url: string }>;
    security?: Array<Record<string, unknown>>;
    paths: Record<string, Record<string, RawOperation>>;
  };
  const operations: OperationSpec[] = [];
  for (const [path, item] of Object.entries(document.paths)) {
    for (const method of METHODS) {
      const op = item[method];
      if (!op) continue;
      if (!op.operationId || !op.tags?.[0]) throw new Error(`${method.toUpperCase()} ${path} needs an operationId and a tag`);
      const security = op.security ?? document.security ?? [];
      operations.push({
        method,
        path,
        operationId: op.operationId,
        tag: op.tags[0],
        requiresBearer: security.length > 0 && security.every((requirement) => Object.keys(requirement).length > 0 && !('basicAuth' in requirement)),
        errorFormat: op['x-error-format'] === 'oauth2' ? 'oauth2' : 'envelope',
        allowUnverified: op['x-allow-unverified'] === true,
      });
    }
  }
  return { text, document, basePath: document.servers?.[0]?.url ?? '', operations, byId: new Map(operations.map((op) => [op.operationId, op])) };
}
