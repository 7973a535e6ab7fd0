import { afterAll, beforeAll } from 'vitest';
import { api } from './api.js';
import { startTestGateway, type TestGateway } from './gateway.js';

/** What most route tests start from: a gateway, one signed-up account holding the meters given, and a GET with its token. */
export interface Household {
  t: TestGateway;
  auth: string;
  get(path: string): ReturnType<ReturnType<typeof api>['get']>;
}

/** Sets up (beforeAll) and closes (afterAll) a household for the enclosing describe. */
export function household(meters: readonly string[], env: Record<string, string> = {}): Household {
  const h: Household = {
    t: undefined as unknown as TestGateway,
    auth: '',
    get: (path) => api(h.t.app).get(path).set('Authorization', h.auth),
  };
  beforeAll(async () => {
    h.t = await startTestGateway(env);
    h.auth = `Bearer ${(await h.t.signUp()).token}`;
    for (const usagePointId of meters) await api(h.t.app).post('/api/pdl').set('Authorization', h.auth).send({ usage_point_id: usagePointId }).expect(201);
  });
  afterAll(() => h.t.close());
  return h;
}
