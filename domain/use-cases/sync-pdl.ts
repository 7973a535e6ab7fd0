import { parisDate } from '../paris-time.js';
import { parseOffpeakHours, parseSubscribedPower, type Pdl, type PdlPatch } from '../pdl.js';
import { addDays, parseLocalDate } from '../local-date.js';
import type { MeteringKind } from '../metering.js';
import type { User } from '../user.js';
import type { Dependencies } from './dependencies.js';
import { memosOf } from './memos.js';

export const providerFor = (deps: Dependencies, user: User) => (user.isDemo ? deps.demoProvider : deps.provider);

/**
 * Reads the meter's contract (subscribed power, off-peak hours, activation date) and probes which
 * directions it measures. A failure is recorded on the meter, which stays registered.
 */
export const syncPdl =
  (deps: Dependencies) =>
  async (owner: User, pdl: Pdl): Promise<Pdl> => {
    const provider = providerFor(deps, owner);
    const now = deps.clock.now();
    const today = parisDate(now);
    const probeRange = { start: addDays(today, -7), end: today };
    const probe = async (kind: MeteringKind) => {
      const answer = await provider.readings(kind, pdl.usagePointId, probeRange);
      if (answer.ok) return true;
      return answer.error.kind === 'WrongDirection' ? false : null;
    };
    const [contract, consumes, produces] = await Promise.all([
      provider.customerData('contract', pdl.usagePointId),
      probe('consumption:daily'),
      probe('production:daily'),
    ]);
    const patch: { -readonly [K in keyof PdlPatch]: PdlPatch[K] } = {
      hasConsumption: consumes ?? pdl.hasConsumption,
      hasProduction: produces ?? pdl.hasProduction,
    };
    if (contract.ok) {
      const terms = contract.value.customer.usage_points[0]?.contracts;
      const activation = parseLocalDate(terms?.last_activation_date.slice(0, 10), 'last_activation_date');
      patch.subscribedPower = parseSubscribedPower(terms?.subscribed_power);
      patch.offpeakHours = parseOffpeakHours(terms?.offpeak_hours);
      patch.activationDate = activation.ok ? activation.value : pdl.activationDate;
      patch.sync = { status: 'ok', error: null, syncedAt: now };
    } else {
      patch.sync = { status: 'failed', error: `${contract.error.kind}: ${contract.error.message}`, syncedAt: now };
    }
    const updated = (await deps.pdls.update(pdl.id, patch)) ?? pdl;
    memosOf(deps).forget();
    return updated;
  };
