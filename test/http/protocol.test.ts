import type { Knex } from 'knex';
import { parse } from 'yaml';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TOKENS } from '../../host/tokens.js';
import { VERSION } from '../../host/version.js';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';

describe('HTTP protocol edges', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('when a body exceeds the limit, then 413 PAYLOAD_TOO_LARGE', async () => {
    const res = await api(t.app)
      .post('/api/accounts/signup')
      .send({ email: 'big@example.org', password: STRONG_PASSWORD, padding: 'x'.repeat(100_000) })
      .expect(413);
    expect(res.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('when the JSON is malformed, then 400 INVALID_JSON', async () => {
    const res = await api(t.app).post('/api/accounts/login').set('Content-Type', 'application/json').send('{"email": ').expect(400);
    expect(res.body.error.code).toBe('INVALID_JSON');
  });

  it('when the content type is not one the operation takes, then 415', async () => {
    const res = await api(t.app).post('/api/accounts/signup').set('Content-Type', 'text/plain').send('email=x').expect(415);
    expect(res.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const multipart = await api(t.app).post('/api/accounts/signup').field('email', 'x@example.org').field('password', 'Correct-Horse9').expect(415);
    expect(multipart.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
  });

  it('when a body comes chunked (no Content-Length), then it is parsed all the same', async () => {
    const server = t.app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    try {
      const { port } = server.address() as { port: number };
      const body = new ReadableStream({
        start(controller) {
          controller.enqueue(new TextEncoder().encode('{"email": '));
          controller.close();
        },
      });
      const res = await fetch(`http://127.0.0.1:${port}/api/accounts/login`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body,
        duplex: 'half',
      } as RequestInit);
      expect(res.status).toBe(400);
      expect(((await res.json()) as { error: { code: string } }).error.code).toBe('INVALID_JSON');
    } finally {
      server.close();
    }
  });

  it('when a path is not in the API, then 404 NOT_FOUND in the envelope, inside and outside /api', async () => {
    const inside = await api(t.app).get('/api/nothing/here').expect(404);
    expect(inside.body).toEqual({ success: false, error: { code: 'NOT_FOUND', message: expect.any(String) } });
    const outside = await api(t.app).get('/wp-admin').expect(404);
    expect(outside.body.error.code).toBe('NOT_FOUND');
  });

  it('when a method is not allowed on a path, then 405', async () => {
    const res = await api(t.app).put('/api/pdl').send({}).expect(405);
    expect(res.body.error.code).toBe('METHOD_NOT_ALLOWED');
  });

  it('when pinged, then ok and the package version', async () => {
    const res = await api(t.app).get('/api/ping').expect(200);
    expect(res.body).toEqual({ status: 'ok', version: VERSION });
  });

  it('when readiness is asked, then each dependency is reported', async () => {
    const res = await api(t.app).get('/api/health').expect(200);
    expect(res.body).toMatchObject({ status: 'ok', version: VERSION, checks: { database: { status: 'ok' } } });
  });

  it('when the OpenAPI document is asked, then it is served as YAML', async () => {
    const res = await api(t.app).get('/api/openapi.yaml').expect(200);
    expect(res.headers['content-type']).toMatch(/yaml/);
    expect(parse(res.text).info.title).toBe('MyElectricalData gateway');
  });

  it('when a request carries X-Request-Id, then it is echoed; otherwise one is made', async () => {
    const given = await api(t.app).get('/api/ping').set('X-Request-Id', 'trace-123').expect(200);
    expect(given.headers['x-request-id']).toBe('trace-123');
    const made = await api(t.app).get('/api/ping').expect(200);
    expect(made.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('when a query has an unknown parameter on a route without query, then 400 naming it', async () => {
    const user = await t.signUp();
    const res = await api(t.app).get('/api/pdl?owner=someone').set('Authorization', `Bearer ${user.token}`).expect(400);
    expect(res.body.error.field).toBe('owner');
  });
});

describe('when the database is down', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('then requests that need it answer 503 SERVICE_UNAVAILABLE naming the database, and readiness is down', async () => {
    const user = await t.signUp();
    await t.gateway.container.get<Knex>(TOKENS.SqlClient).destroy();
    const res = await api(t.app).get('/api/pdl').set('Authorization', `Bearer ${user.token}`).expect(503);
    expect(res.body.error).toEqual({ code: 'SERVICE_UNAVAILABLE', message: expect.stringContaining('database') });
    expect(JSON.stringify(res.body)).not.toMatch(/select|from|sqlite/i);
    const login = await api(t.app).post('/api/accounts/login').send({ email: user.email, password: STRONG_PASSWORD }).expect(503);
    expect(login.body.error.code).toBe('SERVICE_UNAVAILABLE');
    const health = await api(t.app).get('/api/health').expect(503);
    expect(health.body).toMatchObject({ status: 'down', checks: { database: { status: 'down' } } });
  });
});
