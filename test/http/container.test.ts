import { describe, expect, it } from 'vitest';
import { TOKENS } from '../../host/tokens.js';
import { startTestGateway } from '../support/gateway.js';

describe('composition root', () => {
  it('when every binding is resolved, then each gives an instance and singletons are shared', async () => {
    const t = await startTestGateway({}, {}, '2026-11-23T10:00:00Z');
    try {
      for (const [name, id] of Object.entries(TOKENS)) {
        const resolved = t.gateway.container.get(id);
        expect(resolved, name).toBeDefined();
        expect(t.gateway.container.get(id), name).toBe(resolved);
      }
      expect(t.gateway.adapters).toMatchObject({ database: 'sqlite (:memory:)', cache: 'memory', limiter: 'memory' });
    } finally {
      await t.close();
    }
  });
});
