import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';

const FRONT = 'http://localhost:3000';
const EVIL = 'https://evil.example';

/** The `access_token` cookie a login answer set, as `name=value`, and its attributes. */
function sessionCookie(setCookie: string[] | string | undefined): { pair: string; attributes: string } {
  const line = [setCookie ?? []].flat().find((c) => c.startsWith('access_token='));
  if (!line) throw new Error('no access_token cookie');
  const [pair, ...attributes] = line.split(';').map((s) => s.trim());
  return { pair: pair!, attributes: attributes.join('; ') };
}

describe('the web app session: cookie, cross-site requests, CORS', () => {
  let t: TestGateway;
  let cookie: string;
  let token: string;
  beforeAll(async () => {
    t = await startTestGateway({ CORS_ORIGINS: 'https://dashboard.example.org, http://127.0.0.1:5173/' });
    const user = await t.signUp();
    const login = await api(t.app).post('/api/accounts/login').send({ email: user.email, password: STRONG_PASSWORD }).expect(200);
    cookie = sessionCookie(login.headers['set-cookie']).pair;
    token = login.body.data.access_token as string;
  });
  afterAll(() => t.close());

  it('when logging in, then the token is in the body and in an HttpOnly, SameSite=Lax cookie for its lifetime', async () => {
    const user = await t.signUp();
    const login = await request(t.app).post('/api/accounts/login').send({ email: user.email, password: STRONG_PASSWORD }).expect(200);
    const { pair, attributes } = sessionCookie(login.headers['set-cookie']);
    expect(pair).toBe(`access_token=${login.body.data.access_token}`);
    expect(attributes).toContain('HttpOnly');
    expect(attributes).toContain('SameSite=Lax');
    expect(attributes).toContain('Path=/');
    expect(attributes).toContain(`Max-Age=${t.config.accessTokenExpireMinutes * 60}`);
    expect(attributes).not.toContain('Secure');
  });

  it('when the public URL is https, then the cookie is Secure', async () => {
    const secure = await startTestGateway({ BACKEND_URL: 'https://gateway.example.org' });
    try {
      const user = await secure.signUp();
      const login = await request(secure.app).post('/api/accounts/login').send({ email: user.email, password: STRONG_PASSWORD }).expect(200);
      expect(sessionCookie(login.headers['set-cookie']).attributes).toContain('Secure');
    } finally {
      await secure.close();
    }
  });

  it('when only the cookie is sent, then reads are authenticated by it; a header, when present, is what counts', async () => {
    const me = await api(t.app).get('/api/accounts/me').set('Cookie', cookie).expect(200);
    expect(me.body.data.email).toMatch(/@example\.org$/);
    await api(t.app).get('/api/accounts/me').set('Cookie', cookie).set('Authorization', 'Bearer not-a-token').expect(401);
    await api(t.app).get('/api/accounts/me').set('Cookie', 'access_token=not-a-token').expect(401);
    await api(t.app).get('/api/accounts/me').expect(401);
  });

  it('when a request that changes something comes with the cookie from another site, or from nowhere, then it is refused 403', async () => {
    const forged = await api(t.app).post('/api/pdl').set('Cookie', cookie).set('Origin', EVIL).send({ usage_point_id: '12345678901234' }).expect(403);
    expect(forged.body.error.code).toBe('CROSS_SITE_REQUEST');
    await api(t.app).post('/api/pdl').set('Cookie', cookie).set('Referer', `${EVIL}/page`).send({ usage_point_id: '12345678901234' }).expect(403);
    await api(t.app).post('/api/pdl').set('Cookie', cookie).send({ usage_point_id: '12345678901234' }).expect(403);
    await api(t.app).delete('/api/accounts/me').set('Cookie', cookie).set('Origin', 'null').expect(403);
    // Nothing was created by the refused requests.
    expect((await api(t.app).get('/api/pdl').set('Cookie', cookie).expect(200)).body.data).toEqual([]);
  });

  it('when it comes from an allowed origin (or by Referer), then it goes through; a bearer needs no origin', async () => {
    await api(t.app).post('/api/pdl').set('Cookie', cookie).set('Origin', FRONT).send({ usage_point_id: '12345678901234', name: 'Home' }).expect(201);
    await api(t.app)
      .patch('/api/pdl/12345678901234')
      .set('Cookie', cookie)
      .set('Referer', 'https://dashboard.example.org/pdl')
      .send({ name: 'Flat' })
      .expect(200);
    await api(t.app).patch('/api/pdl/12345678901234').set('Authorization', `Bearer ${token}`).set('Origin', EVIL).send({ name: 'House' }).expect(200);
    // The dashboard, opened at whatever address the gateway answers on, is its own origin.
    await api(t.app)
      .patch('/api/pdl/12345678901234')
      .set('Cookie', cookie)
      .set('Host', 'gateway.lan:8080')
      .set('Origin', 'http://gateway.lan:8080')
      .send({ name: 'Home' })
      .expect(200);
    await api(t.app)
      .patch('/api/pdl/12345678901234')
      .set('Cookie', cookie)
      .set('Host', 'gateway.lan:8080')
      .set('Origin', 'http://gateway.lan:9090')
      .send({ name: 'Home' })
      .expect(403);
  });

  it('when logging out, then the cookie is cleared, with or without one', async () => {
    const out = await api(t.app).post('/api/accounts/logout').set('Cookie', cookie).set('Origin', FRONT).expect(200);
    expect([out.headers['set-cookie']].flat().join()).toMatch(/access_token=;.*Expires=Thu, 01 Jan 1970/);
    await api(t.app).post('/api/accounts/logout').expect(200);
  });

  it('when an allowed origin calls, then it may read the answer with credentials and the quota headers', async () => {
    for (const origin of [FRONT, 'http://localhost:8000', 'https://dashboard.example.org', 'http://127.0.0.1:5173']) {
      const res = await request(t.app).get('/api/ping').set('Origin', origin).expect(200);
      expect(res.headers['access-control-allow-origin'], origin).toBe(origin);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
      expect(res.headers['access-control-expose-headers']).toContain('RateLimit-Remaining');
      expect(res.headers['access-control-expose-headers']).toContain('Retry-After');
      expect(res.headers.vary).toContain('Origin');
    }
    // Errors too, or the page could not read why it failed.
    const denied = await request(t.app).get('/api/accounts/me').set('Origin', FRONT).expect(401);
    expect(denied.headers['access-control-allow-origin']).toBe(FRONT);
  });

  it('when a preflight comes from an allowed origin, then it is answered 204 on any route with the methods and headers the API uses', async () => {
    for (const path of ['/api/accounts/login', '/api/pdl/12345678901234', '/api/enedis/consumption/daily/12345678901234', '/api/nowhere']) {
      const res = await request(t.app)
        .options(path)
        .set('Origin', FRONT)
        .set('Access-Control-Request-Method', 'PATCH')
        .set('Access-Control-Request-Headers', 'content-type, x-med-format')
        .expect(204);
      expect(res.headers['access-control-allow-origin'], path).toBe(FRONT);
      expect(res.headers['access-control-allow-methods']).toContain('PATCH');
      expect(res.headers['access-control-allow-headers']).toMatch(/Content-Type.*X-MED-Format/);
      expect(res.headers['access-control-allow-credentials']).toBe('true');
    }
  });

  it('when another origin calls or preflights, then no CORS header is given', async () => {
    const preflight = await request(t.app).options('/api/accounts/login').set('Origin', EVIL).set('Access-Control-Request-Method', 'POST').expect(204);
    const read = await request(t.app).get('/api/ping').set('Origin', EVIL).expect(200);
    for (const res of [preflight, read]) {
      expect(Object.keys(res.headers).filter((h) => h.startsWith('access-control-'))).toEqual([]);
    }
  });

  it('when CORS_ORIGINS holds something that is not an origin, then the configuration is refused, naming it', async () => {
    await expect(startTestGateway({ CORS_ORIGINS: 'https://ok.example.org,ftp://files.example.org' })).rejects.toThrow(/CORS_ORIGINS.*ftp:\/\/files/);
  });
});
