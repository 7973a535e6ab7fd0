import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';

/**
 * The clock of these tests never moves: every token is minted in the same second as the change
 * that must revoke it, which is the case an instant-based check let through.
 */
describe('revocation within the same second', () => {
  let t: TestGateway;
  let admin: string;
  beforeAll(async () => {
    t = await startTestGateway({ ADMIN_EMAILS: 'chief@example.org' });
    admin = `Bearer ${(await t.signUpVerified('chief@example.org')).token}`;
  });
  afterAll(() => t.close());

  const me = (bearer: string) => api(t.app).get('/api/accounts/me').set('Authorization', `Bearer ${bearer}`);
  const clientToken = async (clientId: string, clientSecret: string) =>
    (
      await api(t.app)
        .post('/api/accounts/token')
        .type('form')
        .send({ grant_type: 'client_credentials', client_id: clientId, client_secret: clientSecret })
        .expect(200)
    ).body.access_token as string;

  it('when the password changes, then a token minted the same second before it is refused, and the one the change answers works', async () => {
    const user = await t.signUp();
    const again = (await api(t.app).post('/api/accounts/login').send({ email: user.email, password: STRONG_PASSWORD }).expect(200)).body.data
      .access_token as string;
    const change = await api(t.app)
      .post('/api/accounts/change-password')
      .set('Authorization', `Bearer ${user.token}`)
      .send({ current_password: STRONG_PASSWORD, new_password: 'Another-Pass42' })
      .expect(200);
    for (const old of [user.token, again]) expect((await me(old).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
    await me(change.body.data.access_token).expect(200);
  });

  it('when the client secret is regenerated, then every token minted before dies, with the old secret, and the fresh token works', async () => {
    const user = await t.signUp();
    const byOldSecret = await clientToken(user.clientId, user.clientSecret);
    await me(byOldSecret).expect(200);
    const regenerated = await api(t.app).post('/api/accounts/regenerate-secret').set('Authorization', `Bearer ${user.token}`).expect(200);
    expect((await me(byOldSecret).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
    expect((await me(user.token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
    await me(user.clientSecret).expect(401);
    await me(regenerated.body.data.access_token).expect(200);
    await me(await clientToken(user.clientId, regenerated.body.data.client_secret)).expect(200);
  });

  it('when an admin deactivates then reactivates an account, then its earlier tokens stay dead', async () => {
    const user = await t.signUp();
    const id = (await me(user.token).expect(200)).body.data.id as string;
    await api(t.app).patch(`/api/admin/users/${id}`).set('Authorization', admin).send({ is_active: false }).expect(200);
    await api(t.app).patch(`/api/admin/users/${id}`).set('Authorization', admin).send({ is_active: true }).expect(200);
    expect((await me(user.token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
    await me(user.clientSecret).expect(200);
  });

  it('when an admin changes an account role, then its earlier tokens are refused', async () => {
    const user = await t.signUp();
    const id = (await me(user.token).expect(200)).body.data.id as string;
    await api(t.app).patch(`/api/admin/users/${id}`).set('Authorization', admin).send({ role: 'moderator' }).expect(200);
    expect((await me(user.token).expect(401)).body.error.code).toBe('TOKEN_REVOKED');
  });

  it('when the account is deleted, then its tokens are refused', async () => {
    const user = await t.signUp();
    await api(t.app).delete('/api/accounts/me').set('Authorization', `Bearer ${user.token}`).expect(200);
    await me(user.token).expect(401);
  });

  it('when a token carries no stamp (minted before stamps existed), then it is refused', async () => {
    const user = await t.signUp();
    const [header, payload, signature] = user.token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    expect(claims).toMatchObject({ ver: 0, jti: expect.any(String) });
    delete claims.ver;
    await me(`${header}.${Buffer.from(JSON.stringify(claims)).toString('base64url')}.${signature}`).expect(401);
  });
});
