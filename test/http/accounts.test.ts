import { SignJWT } from 'jose';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AccessTokens } from '../../ports/access-tokens.js';
import { TOKENS } from '../../host/tokens.js';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';

describe('accounts over HTTP', () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway({ ADMIN_EMAILS: 'boss@example.org' });
  });
  afterAll(() => t.close());

  describe('signup', () => {
    it('when an email and a strong password are sent, then 201 with a cli_ id and a 64-character secret', async () => {
      const res = await api(t.app).post('/api/accounts/signup').send({ email: 'new@example.org', password: STRONG_PASSWORD }).expect(201);
      expect(res.body.success).toBe(true);
      expect(res.body.data.client_id).toMatch(/^cli_/);
      expect(res.body.data.client_secret).toHaveLength(64);
    });

    it('when the email exists in another case, then 409 USER_EXISTS', async () => {
      await api(t.app).post('/api/accounts/signup').send({ email: 'twice@example.org', password: STRONG_PASSWORD }).expect(201);
      const res = await api(t.app).post('/api/accounts/signup').send({ email: 'TWICE@example.org', password: STRONG_PASSWORD }).expect(409);
      expect(res.body.error).toMatchObject({ code: 'USER_EXISTS', field: 'email' });
    });

    it('when the password is weak, then 422 naming the password and what it lacks', async () => {
      const res = await api(t.app).post('/api/accounts/signup').send({ email: 'weak@example.org', password: 'password' }).expect(422);
      expect(res.body.error).toMatchObject({ code: 'WEAK_PASSWORD', field: 'password' });
      expect(res.body.error.message).toContain('a digit');
    });

    it.each([
      [{ password: STRONG_PASSWORD }, 'email'],
      [{ email: 'x@example.org' }, 'password'],
      [{ email: 'x@example.org', password: STRONG_PASSWORD, is_admin: true }, 'is_admin'],
      [{ email: 42, password: STRONG_PASSWORD }, 'email'],
    ])('when the body is %j, then 400 naming %s', async (body, field) => {
      const res = await api(t.app).post('/api/accounts/signup').send(body).expect(400);
      expect(res.body.error.field).toBe(field);
    });

    it('when the email is not an address, then 400 naming email', async () => {
      const res = await api(t.app).post('/api/accounts/signup').send({ email: 'not-an-email', password: STRONG_PASSWORD }).expect(400);
      expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'email' });
    });
  });

  describe('login and tokens', () => {
    it('when the password is right, then a bearer JWT that opens /accounts/me', async () => {
      const user = await t.signUp();
      const me = await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${user.token}`).expect(200);
      expect(me.body.data).toMatchObject({
        email: user.email,
        client_id: user.clientId,
        role: { name: 'visitor', permissions: [] },
        is_admin: false,
        is_demo: false,
      });
      expect(me.body.data).not.toHaveProperty('client_secret');
    });

    it('when the password is wrong or the email unknown, then the same 401', async () => {
      const user = await t.signUp();
      const wrong = await api(t.app).post('/api/accounts/login').send({ email: user.email, password: 'Wrong-Password1' }).expect(401);
      const unknown = await api(t.app).post('/api/accounts/login').send({ email: 'ghost@example.org', password: 'Wrong-Password1' }).expect(401);
      expect(wrong.body).toEqual(unknown.body);
      expect(wrong.body.error.code).toBe('INVALID_CREDENTIALS');
    });

    it('when client credentials come as form fields, then an OAuth2 token answer', async () => {
      const user = await t.signUp();
      const res = await api(t.app)
        .post('/api/accounts/token')
        .type('form')
        .send({ grant_type: 'client_credentials', client_id: user.clientId, client_secret: user.clientSecret })
        .expect(200);
      expect(res.body).toEqual({ access_token: expect.any(String), token_type: 'bearer', expires_in: 2592000 });
      expect(res.headers['cache-control']).toBe('no-store');
      await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${res.body.access_token}`).expect(200);
    });

    it('when client credentials come as HTTP Basic, then an OAuth2 token answer', async () => {
      const user = await t.signUp();
      const res = await api(t.app)
        .post('/api/accounts/token')
        .auth(user.clientId, user.clientSecret)
        .type('form')
        .send({ grant_type: 'client_credentials' })
        .expect(200);
      expect(res.body.token_type).toBe('bearer');
    });

    it('when the secret is wrong or missing, then 401 invalid_client in OAuth2 form', async () => {
      const user = await t.signUp();
      const wrong = await api(t.app).post('/api/accounts/token').type('form').send({ client_id: user.clientId, client_secret: 'nope' }).expect(401);
      expect(wrong.body).toEqual({ error: 'invalid_client', error_description: expect.any(String) });
      await api(t.app).post('/api/accounts/token').type('form').send({ grant_type: 'client_credentials' }).expect(401);
      await api(t.app).post('/api/accounts/token').auth('cli_unknown', 'whatever').expect(401);
    });

    it('when grant_type is not client_credentials or a field is unknown, then 400 in OAuth2 form', async () => {
      const user = await t.signUp();
      const grant = await api(t.app)
        .post('/api/accounts/token')
        .type('form')
        .send({ grant_type: 'password', client_id: user.clientId, client_secret: user.clientSecret })
        .expect(400);
      expect(grant.body.error).toBe('unsupported_grant_type');
      const extra = await api(t.app)
        .post('/api/accounts/token')
        .type('form')
        .send({ client_id: user.clientId, client_secret: user.clientSecret, admin: '1' })
        .expect(400);
      expect(extra.body.error).toBe('invalid_request');
    });

    it('when the client secret itself is the bearer, then it authenticates', async () => {
      const user = await t.signUp();
      const me = await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${user.clientSecret}`).expect(200);
      expect(me.body.data.email).toBe(user.email);
    });

    it('when the email is in ADMIN_EMAILS, then the account is admin once, and only once, its address is confirmed', async () => {
      const email = 'Boss@Example.org';
      const signup = await api(t.app).post('/api/accounts/signup').send({ email, password: STRONG_PASSWORD }).expect(201);
      expect(signup.body.data.email_verification).toBe('sent');
      const login = await api(t.app).post('/api/accounts/login').send({ email, password: STRONG_PASSWORD }).expect(200);
      const auth = `Bearer ${login.body.data.access_token as string}`;
      const before = await api(t.app).get('/api/accounts/me').set('Authorization', auth).expect(200);
      expect(before.body.data).toMatchObject({ role: { name: 'visitor' }, is_admin: false });
      await api(t.app).get('/api/admin/stats').set('Authorization', auth).expect(403);
      const link = /verify-email\?token=([\w%-]+)/.exec(t.mailer.lastTo('boss@example.org')?.text ?? '')!;
      await api(t.app).get(`/api/accounts/verify-email?token=${link[1]}`).expect(200);
      const after = await api(t.app).get('/api/accounts/me').set('Authorization', auth).expect(200);
      expect(after.body.data).toMatchObject({ role: { name: 'admin', display_name: 'Administrateur' }, is_admin: true });
      // The role carries what it permits, as the MyElectricalData web app reads it.
      const permissions = (after.body.data.role.permissions as Array<{ name: string; resource: string }>).map((p) => `${p.resource}:${p.name}`);
      expect(permissions).toEqual([
        'users:users.read',
        'users:users.manage',
        'users:users.role',
        'quota:quota.reset',
        'cache:cache.purge',
        'stats:stats.read',
        'offers:offers.manage',
      ]);
    });
  });

  describe('bad bearers', () => {
    it('when no token is sent, then 401 UNAUTHORIZED with WWW-Authenticate', async () => {
      const res = await api(t.app).get('/api/accounts/me').expect(401);
      expect(res.body.error.code).toBe('UNAUTHORIZED');
      expect(res.headers['www-authenticate']).toMatch(/^Bearer/);
    });

    it('when the token is signed with another key, unsigned (alg none), or garbage, then 401', async () => {
      const user = await t.signUp();
      const me = await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${user.token}`).expect(200);
      const sub = me.body.data.id as string;
      const forged = await new SignJWT({})
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(sub)
        .setIssuer('myelectricaldata-gateway')
        .setAudience('myelectricaldata-api')
        .setIssuedAt()
        .setExpirationTime('1h')
        .sign(new TextEncoder().encode('an-attacker-key-of-enough-length-0123456789'));
      const b64 = (o: object) => Buffer.from(JSON.stringify(o)).toString('base64url');
      const none = `${b64({ alg: 'none', typ: 'JWT' })}.${b64({ sub, iss: 'myelectricaldata-gateway', aud: 'myelectricaldata-api', exp: 4102444800, iat: 1 })}.`;
      const [header, , signature] = user.token.split('.');
      const tampered = `${header}.${b64({ sub: '00000000-0000-0000-0000-000000000000', exp: 4102444800 })}.${signature}`;
      for (const bad of [forged, none, tampered, 'garbage', 'a.b.c']) {
        const res = await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${bad}`).expect(401);
        expect(res.body.error.code).toBe('UNAUTHORIZED');
      }
    });

    it('when the token has expired, then 401 TOKEN_EXPIRED', async () => {
      const user = await t.signUp();
      const me = await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${user.token}`).expect(200);
      const now = t.clock.now();
      t.clock.advance(-31 * 86_400_000);
      const old = await t.gateway.container.get<AccessTokens>(TOKENS.AccessTokens).issue(me.body.data.id, { version: 0, secretFingerprint: null });
      t.clock.set(now);
      const res = await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${old.token}`).expect(401);
      expect(res.body.error.code).toBe('TOKEN_EXPIRED');
    });
  });

  describe('account management', () => {
    it('when usage is asked, then both buckets are reported with their limits', async () => {
      const user = await t.signUp();
      const res = await api(t.app).get('/api/accounts/usage').set('Authorization', `Bearer ${user.token}`).expect(200);
      expect(res.body.data).toMatchObject({ date: '2026-11-23', unlimited: false, cached: { used: 0, limit: 1000 }, uncached: { used: 0, limit: 50 } });
    });

    it('when the secret is regenerated, then the old one stops working and the new one works', async () => {
      const user = await t.signUp();
      const res = await api(t.app).post('/api/accounts/regenerate-secret').set('Authorization', `Bearer ${user.token}`).expect(200);
      expect(res.body.data.client_id).toBe(user.clientId);
      expect(res.body.data.client_secret).not.toBe(user.clientSecret);
      await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${user.clientSecret}`).expect(401);
      await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${res.body.data.client_secret}`).expect(200);
      await api(t.app).post('/api/accounts/token').auth(user.clientId, user.clientSecret).expect(401);
    });

    it('when the account is deleted, then its credentials and meters are gone', async () => {
      const user = await t.signUp();
      await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${user.token}`).send({ usage_point_id: '55555555555555' }).expect(201);
      await api(t.app).delete('/api/accounts/me').set('Authorization', `Bearer ${user.token}`).expect(200);
      await api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${user.token}`).expect(401);
      await api(t.app).post('/api/accounts/login').send({ email: user.email, password: STRONG_PASSWORD }).expect(401);
      const other = await t.signUp();
      await api(t.app).post('/api/pdl').set('Authorization', `Bearer ${other.token}`).send({ usage_point_id: '55555555555555' }).expect(201);
    });
  });
});
