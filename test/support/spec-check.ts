import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';
import type { Response } from 'supertest';
import { loadOpenApiDocument, type OperationSpec } from '../../host/http/openapi-document.js';

const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;
const doc = loadOpenApiDocument();
const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addSchema(doc.document, 'openapi');
const compiled = new Map<string, ValidateFunction>();

const escape = (s: string) => s.replace(/~/g, '~0').replace(/\//g, '~1');

/** The operation a request is for; a literal path (`/pdl/reorder`) wins over a template (`/pdl/{pdl_id}`), as the router's does. */
function matchOperation(method: string, path: string): OperationSpec | undefined {
  const matching = doc.operations.filter((op) => {
    if (op.method !== method.toLowerCase()) return false;
    const pattern = new RegExp(`^${doc.basePath}${op.path.replace(/\{\w+\}/g, '[^/]+')}/?$`);
    return pattern.test(path);
  });
  const templated = (op: OperationSpec) => (op.path.match(/\{/g) ?? []).length;
  return matching.sort((a, b) => templated(a) - templated(b))[0];
}

type ResponseObject = { $ref?: string; content?: Record<string, { schema?: unknown }> };

/** The JSON pointer (in the document) of the schema of this operation's response for this status. */
function schemaPointer(op: OperationSpec, status: number): string | null {
  const responses = (doc.document.paths as Record<string, Record<string, { responses: Record<string, ResponseObject> }>>)[op.path]![op.method]!.responses;
  const key = String(status) in responses ? String(status) : 'default' in responses ? 'default' : null;
  if (key === null) return null;
  let pointer = `/paths/${escape(op.path)}/${op.method}/responses/${key}`;
  const response = responses[key]!;
  if (response.$ref) pointer = response.$ref.slice(1);
  return `${pointer}/content/application~1json/schema`;
}

const ENVELOPE = '/components/schemas/ErrorEnvelope';

function validatorFor(pointer: string): ValidateFunction {
  let validate = compiled.get(pointer);
  if (!validate) {
    validate = ajv.compile({ $ref: `openapi#${pointer}` });
    compiled.set(pointer, validate);
  }
  return validate;
}

/**
 * A supertest expectation: the body conforms to what openapi.yaml declares for this operation and
 * status (its `default` response for errors); answers outside any operation must be the error
 * envelope. Non-JSON answers are left alone.
 */
export function conformsToSpec(res: Response): void {
  if (!/json/.test(res.headers['content-type'] ?? '')) return;
  const request = (res as unknown as { req: { method: string; path: string } }).req;
  const path = request.path.split('?')[0]!;
  const op = matchOperation(request.method, path);
  const pointer = op ? schemaPointer(op, res.status) : ENVELOPE;
  if (pointer === null) throw new Error(`${request.method} ${path} answered ${res.status}, which openapi.yaml does not declare`);
  const validate = validatorFor(pointer);
  if (!validate(res.body)) {
    throw new Error(
      `${request.method} ${path} ${res.status}: body does not match openapi.yaml: ${ajv.errorsText(validate.errors)}\n${JSON.stringify(res.body).slice(0, 500)}`,
    );
  }
}
