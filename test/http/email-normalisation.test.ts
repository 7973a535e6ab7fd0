import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { api } from '../support/api.js';
import { startTestGateway, STRONG_PASSWORD, type TestGateway } from '../support/gateway.js';
import { temporaryDatabase } from '../support/postgres.js';
import { describeWithServices } from '../support/services.js';

function emailRules(database: () => Promise<{ env: Record<string, string>; drop(): Promise<void> }>) {
  let t: TestGateway;
  let drop: () => Promise<void>;
  beforeAll(async () => {
    const db = await database();
    drop = db.drop;
    t = await startTestGateway(db.env);
  });
  afterAll(async () => {
    await t?.close();
    await drop?.();
  });
  const signUp = (email: string) => api(t.app).post('/api/accounts/signup').send({ email, password: STRONG_PASSWORD });

  it.each([
    ['a lone surrogate', 'ab\uD800c@example.org'],
    ['a right-to-left override', '\u202Egro.elpmaxe@nimda'],
    ['a left-to-right isolate', 'admin\u2066@example.org'],
    ['a zero-width space', 'ad\u200Bmin@example.org'],
    ['a byte-order mark', '\uFEFFadmin@example.org'],
    ['a control character', 'ad\u0007min@example.org'],
  ])('when an email holds %s, then sign-up is refused naming the field', async (_case, email) => {
    const res = await signUp(email).expect(400);
    expect(res.body.error).toMatchObject({ code: 'INVALID_INPUT', field: 'email' });
  });

  it('when the same address comes composed and decomposed, in any case, then it is one account', async () => {
    await signUp('\u00E9lodie@example.org').expect(201);
    const again = await signUp('E\u0301LODIE@example.org').expect(409);
    expect(again.body.error.code).toBe('USER_EXISTS');
    await api(t.app).post('/api/accounts/login').send({ email: 'e\u0301lodie@example.org', password: STRONG_PASSWORD }).expect(200);
  });
}

describe('e-mail addresses on SQLite', () => emailRules(async () => ({ env: {}, drop: async () => {} })));

await describeWithServices('e-mail addresses on PostgreSQL', ['postgresql'], () =>
  emailRules(async () => {
    const db = await temporaryDatabase('med_email');
    return { env: { DATABASE_URL: db.url }, drop: db.drop };
  }),
);
