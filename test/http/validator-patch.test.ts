import { createRequire } from 'node:module';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestGateway, type TestGateway } from '../support/gateway.js';

/** The path-to-regexp that express-openapi-validator loads, as route-regexp-cache.ts patches it. */
function validatorsPathToRegexp() {
  const require = createRequire(import.meta.url);
  return require(require.resolve('path-to-regexp', { paths: [require.resolve('express-openapi-validator')] })) as {
    pathToRegexp: ((...args: unknown[]) => unknown) & { cached?: true };
  };
}

describe("the validator's route compilation, kept between requests", () => {
  let t: TestGateway;
  beforeAll(async () => {
    t = await startTestGateway();
  });
  afterAll(() => t.close());

  it('when the app is built, then the patch is installed, the validator calls it at request time, and it compiles each route once', async () => {
    const module = validatorsPathToRegexp();
    expect(module.pathToRegexp.cached).toBe(true);
    const patched = module.pathToRegexp;
    const seen: string[] = [];
    // Counting in front of the patch: if the validator had kept its own reference at import, nothing would be seen.
    module.pathToRegexp = Object.assign((...args: unknown[]) => (seen.push(String(args[0])), patched(...args)), { cached: true as const });
    try {
      await request(t.app).get('/api/ping').expect(200);
      await request(t.app).get('/api/ping').expect(200);
    } finally {
      module.pathToRegexp = patched;
    }
    expect(seen.length).toBeGreaterThan(0);
    // The same route asked twice returns the very same compiled result: nothing is recompiled.
    const route = seen[0]!;
    expect(patched(route)).toBe(patched(route));
  });
});
