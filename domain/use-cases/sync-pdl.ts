import { noteTariffChange } from './tariff-history.js';
import { parisDate } from '../paris-time.js';
import { parseOffpeakHours, parseSubscribedPower, type Pdl, type PdlPatch } from '../pdl.js';
import { addDays, parseLocalDate } from '../local-date.js';
import type { MeteringKind } from '../metering.js';
import type { User } from '../user.js';
import { contractFor, type ContractTerms } from '../customer-data.js';
import type { Dependencies } from './dependencies.js';

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
      const drawing = contractFor(contract.value, 'consumption');
      const injection = contractFor(contract.value, 'production');
      const dayOf = (terms: ContractTerms | null) => {
        const day = parseLocalDate(terms?.last_activation_date?.slice(0, 10), 'last_activation_date');
        return day.ok ? day.value : null;
      };
      patch.subscribedPower = parseSubscribedPower(drawing?.subscribed_power) ?? pdl.subscribedPower;
      // Off-peak hours Enedis could not tell (comptage_auto refused) are not forgotten.
      const offpeakUnknown = contract.value.unavailable?.some((u) => u.field === 'offpeak_hours') ?? false;
      patch.offpeakHours = offpeakUnknown ? pdl.offpeakHours : parseOffpeakHours(drawing?.offpeak_hours);
      patch.activationDate = dayOf(drawing) ?? pdl.activationDate;
      patch.productionActivationDate = dayOf(injection) ?? pdl.productionActivationDate;
      if (injection) patch.hasProduction = produces ?? true;
      patch.sync = { status: 'ok', error: null, syncedAt: now };
    } else {
      patch.sync = { status: 'failed', error: `${contract.error.kind}: ${contract.error.message}`, syncedAt: now };
    }
    const updated = await deps.pdls.update(pdl.id, patch);
    if (!updated) return pdl;
    await noteTariffChange(deps, pdl, updated);
    return updated;
  };
