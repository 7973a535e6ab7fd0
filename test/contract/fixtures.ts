import type { StatisticsLedgers } from '../../ports/statistics-ledgers.js';
import type { TariffHistory } from '../../ports/tariff-history.js';
import type { LocalDate } from '../../domain/local-date.js';
import type { NewPdl } from '../../domain/pdl.js';
import type { UsagePointId } from '../../domain/usage-point-id.js';
import type { NewUser } from '../../domain/user.js';
import type { PdlRepo } from '../../ports/pdl-repo.js';
import type { TokenStore } from '../../ports/token-store.js';
import type { UserRepo } from '../../ports/user-repo.js';

/** The three repositories that share one store (and one transaction boundary in SQL). */
export interface RelationalStore {
  readonly users: UserRepo;
  readonly pdls: PdlRepo;
  readonly tokens: TokenStore;
  readonly tariffs?: TariffHistory;
  readonly ledgers?: StatisticsLedgers;
  close(): Promise<void>;
}

export type RelationalFactory = () => Promise<RelationalStore>;

let n = 0;
const unique = () => `${Date.now().toString(36)}${(++n).toString(36)}`;

export function newUser(overrides: Partial<NewUser> = {}): NewUser {
  const id = unique();
  return {
    email: `someone-${id}@example.org`,
    passwordHash: '$2b$04$hash',
    clientId: `cli_${id}`,
    clientSecretHash: `hash-${id}`,
    clientSecretSealed: `sealed-${id}`,
    emailVerified: false,
    debugMode: false,
    isActive: true,
    role: 'visitor',
    isDemo: false,
    ...overrides,
  };
}

export function newUsagePointId(): UsagePointId {
  return String(10_000_000_000_000 + Math.floor(Math.random() * 89_999_999_999_999)) as UsagePointId;
}

export function newPdl(userId: string, overrides: Partial<NewPdl> = {}): NewPdl {
  return {
    usagePointId: newUsagePointId(),
    userId,
    name: 'Home',
    hasConsumption: true,
    hasProduction: false,
    subscribedPower: 6,
    offpeakHours: ['22:00-06:00'],
    activationDate: '2019-08-27' as LocalDate,
    productionActivationDate: null,
    oldestAvailableDataDate: null,
    displayOrder: null,
    isActive: true,
    pricingOption: null,
    selectedOfferId: null,
    linkedProductionPdlId: null,
    sync: { status: 'pending', error: null, syncedAt: null },
    consent: { grantedAt: null, expiresAt: null },
    ...overrides,
  };
}

export const pause = (ms: number): Promise<void> => new Promise((resolve) => setTimeout(resolve, ms));

/** A user and a meter of theirs in the store, for the ports whose rows belong to a meter; the meter's id. */
export async function ownedMeter(store: RelationalStore): Promise<string> {
  const user = await store.users.create(newUser());
  if (!user.ok) throw new Error('setup: user');
  const pdl = await store.pdls.create(newPdl(user.value.id));
  if (!pdl.ok) throw new Error('setup: meter');
  return pdl.value.id;
}
