import { describe, expect, it } from 'vitest';
import { buildUseCases } from '../../support/use-cases.js';

const MAIN = '12345678901234';

function countingLookups(deps: ReturnType<typeof buildUseCases>['deps']) {
  const counts = { users: 0, pdls: 0 };
  const users = deps.users as { findById: typeof deps.users.findById; findByClientSecretHash: typeof deps.users.findByClientSecretHash };
  const pdls = deps.pdls as { findForOwner: typeof deps.pdls.findForOwner };
  const [byId, bySecret, byUsagePoint] = [users.findById.bind(users), users.findByClientSecretHash.bind(users), pdls.findForOwner.bind(pdls)];
  users.findById = (id) => (counts.users++, byId(id));
  users.findByClientSecretHash = (hash) => (counts.users++, bySecret(hash));
  pdls.findForOwner = (owner, id) => (counts.pdls++, byUsagePoint(owner, id));
  return counts;
}

describe('remembered look-ups', () => {
  it('when the same bearer reads the same meter again within the memo time, then neither the account nor the meter is looked up again', async () => {
    const { deps, useCases, clock, accountWithMeter } = buildUseCases({ lookupMemoMs: 1000 });
    const { clientSecret } = await accountWithMeter();
    const counts = countingLookups(deps);
    const read = async () => {
      const principal = await useCases.authenticate(clientSecret);
      if (!principal.ok) throw new Error(principal.error.kind);
      return useCases.readMeterData(principal.value, { kind: 'consumption:daily', usagePointId: MAIN, start: '2025-01-01', end: '2025-01-05', useCache: true });
    };
    await read();
    await read();
    expect(counts).toEqual({ users: 1, pdls: 1 });
    clock.advance(1001);
    await read();
    expect(counts).toEqual({ users: 2, pdls: 2 });
  });

  it('when an account or a meter changes through the use cases, then what was remembered is forgotten at once', async () => {
    const { useCases, accountWithMeter } = buildUseCases({ lookupMemoMs: 60_000 });
    const { principal, clientSecret } = await accountWithMeter();
    expect((await useCases.authenticate(clientSecret)).ok).toBe(true);
    await useCases.updatePdl(principal, MAIN, { isActive: false });
    const denied = await useCases.readMeterData(principal, {
      kind: 'consumption:daily',
      usagePointId: MAIN,
      start: '2025-01-01',
      end: '2025-01-05',
      useCache: true,
    });
    expect(denied.ok ? null : denied.error.kind).toBe('PdlInactive');
    const rotated = await useCases.regenerateSecret(principal);
    expect(rotated.ok).toBe(true);
    expect((await useCases.authenticate(clientSecret)).ok).toBe(false);
  });

  it('when a look-up fails, then the failure is not remembered', async () => {
    const { useCases, accountWithMeter } = buildUseCases({ lookupMemoMs: 60_000 });
    await accountWithMeter();
    const signed = await useCases.signUp({ email: 'late@example.org', password: 'Correct-Horse9' });
    expect((await useCases.authenticate('not-yet-a-secret')).ok).toBe(false);
    expect(signed.ok && (await useCases.authenticate(signed.value.clientSecret)).ok).toBe(true);
  });
});
