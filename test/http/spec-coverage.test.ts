import express from 'express';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../host/config.js';
import { apiRouters } from '../../host/http/app.js';
import { loadOpenApiDocument } from '../../host/http/openapi-document.js';
import { operationDispatcher } from '../../host/http/operations.js';
import type { UseCases } from '../../domain/use-cases/index.js';
import { api } from '../support/api.js';
import { startTestGateway } from '../support/gateway.js';
import { conformsToSpec } from '../support/spec-check.js';

const doc = loadOpenApiDocument();
const useCases = { admin: {} } as UseCases;
const clock = { now: () => new Date() };
const loaded = loadConfig({ DATABASE_URL: 'sqlite::memory:' });
if (!loaded.ok) throw new Error('config');
const routers = apiRouters({ config: { ...loaded.value, secretKey: 'unused' }, useCases, clock, checks: [] }, doc);

describe('openapi.yaml and the routes', () => {
  it('when the routers are compared with the document, then every operationId has exactly one handler and no handler is undocumented', () => {
    const handled = routers.flatMap((r) => Object.keys(r.handlers)).sort();
    expect(handled).toEqual(doc.operations.map((op) => op.operationId).sort());
    expect(new Set(handled).size).toBe(handled.length);
    for (const router of routers) {
      for (const id of Object.keys(router.handlers)) {
        expect(doc.operations.find((op) => op.operationId === id)?.tag).toBe(router.tag);
      }
    }
  });

  it('when an operation lacks its handler or a handler lacks its operation, then the app refuses to build', () => {
    const [accounts, ...rest] = routers;
    const { signUp: _, ...withoutSignUp } = accounts!.handlers;
    expect(() => operationDispatcher(doc, [{ tag: 'Accounts', handlers: withoutSignUp }, ...rest], useCases)).toThrow(/signUp/);
    const extra = { ...accounts!, handlers: { ...accounts!.handlers, secretBackdoor: async () => {} } };
    expect(() => operationDispatcher(doc, [extra as never, ...rest], useCases)).toThrow(/secretBackdoor/);
  });

  it('when each documented operation is called, then it is routed (never the undocumented-path 404)', async () => {
    const t = await startTestGateway();
    try {
      for (const op of doc.operations) {
        const path = doc.basePath + op.path.replace('{pdl_id}', '12345678901234').replace('{usage_point_id}', '12345678901234');
        const res = await api(t.app)[op.method](path);
        expect(res.body?.error?.code, `${op.method} ${path}`).not.toBe('NOT_FOUND');
        expect(res.status, `${op.method} ${path}`).not.toBe(405);
      }
    } finally {
      await t.close();
    }
  });

  it('when a body does not match the document, then the conformity check fails', () => {
    const fake = (status: number, body: unknown) =>
      ({ status, body, headers: { 'content-type': 'application/json' }, req: { method: 'GET', path: '/api/ping' } }) as never;
    expect(() => conformsToSpec(fake(200, { status: 'ok', version: '1' }))).not.toThrow();
    expect(() => conformsToSpec(fake(200, { status: 'fine', version: '1' }))).toThrow(/does not match/);
    expect(() => conformsToSpec(fake(200, { status: 'ok', version: '1', extra: true }))).toThrow(/does not match/);
    const err = (body: unknown) =>
      ({ status: 404, body, headers: { 'content-type': 'application/json' }, req: { method: 'GET', path: '/api/pdl/12345678901234' } }) as never;
    expect(() => conformsToSpec(err({ success: false, error: { code: 'X', message: 'y' } }))).not.toThrow();
    expect(() => conformsToSpec(err({ detail: 'Not found' }))).toThrow(/does not match/);
  });

  it('when a request matched no operation of the document, then the dispatcher passes it on without answering', async () => {
    const dispatch = operationDispatcher(doc, routers, useCases);
    const app = express();
    app.use((req, _res, next) => {
      // What the OpenAPI validator leaves on a request: an operation id, or nothing outside the API.
      if (req.path === '/ping') Object.assign(req, { openapi: { schema: { operationId: 'ping' }, pathParams: {} } });
      if (req.path === '/made-up') Object.assign(req, { openapi: { schema: { operationId: 'secretBackdoor' }, pathParams: {} } });
      next();
    });
    app.use(dispatch);
    app.use((_req, res) => {
      res.status(404).json({ passed: true });
    });
    expect((await request(app).get('/ping')).body.status).toBe('ok');
    expect((await request(app).get('/made-up')).body).toEqual({ passed: true });
    expect((await request(app).get('/elsewhere')).body).toEqual({ passed: true });
  });
});
