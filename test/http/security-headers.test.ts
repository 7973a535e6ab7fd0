import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadOpenApiDocument } from '../../host/http/openapi-document.js';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

describe('headers, HEAD and the client address', () => {
  let t: TestGateway;
  let auth: string;
  beforeAll(async () => {
    t = await startTestGateway();
    auth = `Bearer ${(await t.signUp()).token}`;
  });
  afterAll(() => t.close());

  it('when the API answers, success or error, then it forbids sniffing, framing and loading anything', async () => {
    for (const res of [await request(t.app).get('/api/ping'), await request(t.app).get('/api/pdl'), await request(t.app).get('/api/nowhere')]) {
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['content-security-policy']).toContain("default-src 'none'");
      expect(res.headers['content-security-policy']).toContain("frame-ancestors 'none'");
      expect(res.headers['strict-transport-security']).toBeUndefined();
    }
  });

  it('when the dashboard or the docs are served, then they cannot be framed and load only from the gateway', async () => {
    for (const path of ['/', '/docs/']) {
      const res = await request(t.app).get(path);
      expect(res.headers['x-frame-options'], path).toBe('DENY');
      expect(res.headers['content-security-policy'], path).toMatch(/default-src 'self'.*frame-ancestors 'none'/);
      expect(res.headers['x-content-type-options'], path).toBe('nosniff');
    }
  });

  it('when the public URL is https, then answers carry HSTS', async () => {
    const secure = await startTestGateway({ BACKEND_URL: 'https://gateway.example.org' });
    try {
      expect((await request(secure.app).get('/api/ping')).headers['strict-transport-security']).toBe('max-age=31536000');
    } finally {
      await secure.close();
    }
  });

  it('when HEAD is sent to any GET route of the document, then it answers as GET would, without a body', async () => {
    const doc = loadOpenApiDocument();
    const gets = doc.operations.filter((op) => op.method === 'get' && !op.path.includes('{'));
    expect(gets.length).toBeGreaterThan(5);
    for (const op of gets) {
      const path = `/api${op.path}`;
      const [get, head] = [await request(t.app).get(path).set('Authorization', auth), await request(t.app).head(path).set('Authorization', auth)];
      expect(head.status, path).toBe(get.status);
      expect(head.headers['content-type'], path).toBe(get.headers['content-type']);
      expect(head.text ?? '', path).toBe('');
    }
    expect((await request(t.app).head('/docs/')).status).toBe(200);
    expect((await request(t.app).head('/api/ping')).status).toBe(200);
  });

  it('when /metrics is asked through a local reverse proxy for a remote client, then it is refused; a local client gets it', async () => {
    await request(t.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9').expect(403);
    await request(t.app).get('/metrics').expect(200);
  });

  it('when TRUST_PROXY is false, then forwarded addresses are ignored everywhere', async () => {
    const direct = await startTestGateway({ TRUST_PROXY: 'false' });
    try {
      await request(direct.app).get('/metrics').set('X-Forwarded-For', '203.0.113.9').expect(200);
    } finally {
      await direct.close();
    }
  });
});
