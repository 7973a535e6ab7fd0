import { addDays } from '../local-date.js';
import { METERING_KINDS, KIND_SPECS } from '../metering.js';
import { parisDate } from '../paris-time.js';
import type { Principal } from '../principal.js';
import type { UsagePointId } from '../usage-point-id.js';
import type { User } from '../user.js';
import type { Credentials } from './accounts.js';
import type { Dependencies } from './dependencies.js';
import { newPdl } from '../pdl.js';
import { readMeterData } from './read-meter-data/index.js';
import { syncPdl } from './sync-pdl.js';

/** The demo account of the seed documents. Its password is public: the account is read-only. */
export const DEMO_EMAIL = 'demo@myelectricaldata.fr';
export const DEMO_PASSWORD = 'DemoPassword123!';
export const DEMO_METERS: ReadonlyArray<{ usagePointId: UsagePointId; name: string; displayOrder: number }> = [
  { usagePointId: '12345678901234' as UsagePointId, name: 'Main House', displayOrder: 0 },
  { usagePointId: '98765432109876' as UsagePointId, name: 'Apartment', displayOrder: 1 },
];

export interface DemoAccount extends Credentials {
  readonly user: User;
  readonly created: boolean;
}

async function findOrCreateDemoUser(deps: Dependencies): Promise<{ user: User; clientSecret: string; created: boolean }> {
  const existing = await deps.users.findByEmail(DEMO_EMAIL);
  const secret = existing ? deps.keyring.openSecret(existing.clientSecretSealed) : null;
  if (existing && secret !== null) return { user: existing, clientSecret: secret, created: false };
  const clientSecret = deps.keyring.newClientSecret();
  const sealed = { clientSecretHash: deps.keyring.clientSecretHash(clientSecret), clientSecretSealed: deps.keyring.sealSecret(clientSecret) };
  if (existing) {
    // The sealed copy no longer opens (the server key changed): issue a secret that does.
    return { user: (await deps.users.update(existing.id, sealed)) ?? existing, clientSecret, created: false };
  }
  const created = await deps.users.create({
    email: DEMO_EMAIL,
    passwordHash: await deps.passwords.hash(DEMO_PASSWORD),
    clientId: deps.keyring.newClientId(),
    ...sealed,
    emailVerified: true,
    debugMode: true,
    isActive: true,
    role: 'visitor',
    isDemo: true,
  });
  if (created.ok) return { user: created.value, clientSecret, created: true };
  return findOrCreateDemoUser(deps);
}

/** Creates the demo account and its two meters if absent; idempotent; returns its credentials. */
export const ensureDemoAccount = (deps: Dependencies) => async (): Promise<DemoAccount> => {
  const { user, clientSecret, created } = await findOrCreateDemoUser(deps);
  const sync = syncPdl(deps);
  for (const meter of DEMO_METERS) {
    if (await deps.pdls.findForOwner(user.id, meter.usagePointId)) continue;
    const added = await deps.pdls.create(newPdl(user.id, meter.usagePointId, meter.name, meter.displayOrder));
    if (added.ok) await sync(user, added.value);
  }
  return { user, clientId: user.clientId, clientSecret, created };
};

/**
 * Fills the cache with the demo meters' last `days` days of every kind they measure (curves are
 * limited to their own history), without counting against the demo account's quota.
 */
export const warmDemoCache = (deps: Dependencies) => {
  const read = readMeterData(deps);
  return async (principal: Principal, days: number): Promise<number> => {
    const today = parisDate(deps.clock.now());
    let warmed = 0;
    for (const pdl of await deps.pdls.listByOwner(principal.user.id)) {
      for (const kind of METERING_KINDS) {
        const spec = KIND_SPECS[kind];
        if (spec.direction === 'production' ? !pdl.hasProduction : !pdl.hasConsumption) continue;
        const answer = await read(principal, {
          kind,
          usagePointId: pdl.usagePointId,
          start: addDays(today, -days),
          end: today,
          useCache: true,
          countQuota: false,
        });
        if (answer.ok) warmed += answer.value.fetchedDays;
      }
    }
    return warmed;
  };
};
