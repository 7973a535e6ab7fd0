import type { LocalDate } from '../local-date.js';
import { parisDate } from '../paris-time.js';
import type { Pdl, PricingOption } from '../pdl.js';
import type { TariffPeriod } from '../../ports/tariff-history.js';
import type { Dependencies } from './dependencies.js';

/** Before any recorded change. */
const SINCE_EVER = '1970-01-01' as LocalDate;

const same = (a: readonly string[] | null, b: readonly string[] | null) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Records a change of a meter's off-peak hours or pricing option, from today (Paris). A value that
 * was known and changes keeps what it was before as the period since ever, unless earlier periods
 * exist; a value learnt for the first time (unknown before) is taken to have always held, as it is
 * the best knowledge of the past there is.
 */
export async function noteTariffChange(deps: Dependencies, before: Pdl, after: Pdl): Promise<void> {
  const offpeakChanged = before.offpeakHours !== null && !same(before.offpeakHours, after.offpeakHours);
  const optionChanged = before.pricingOption !== null && before.pricingOption !== after.pricingOption;
  if (!offpeakChanged && !optionChanged) return;
  if ((await deps.tariffs.list(after.id)).length === 0) {
    await deps.tariffs.record(after.id, { validFrom: SINCE_EVER, offpeakHours: before.offpeakHours, pricingOption: before.pricingOption });
  }
  await deps.tariffs.record(after.id, { validFrom: parisDate(deps.clock.now()), offpeakHours: after.offpeakHours, pricingOption: after.pricingOption });
}

/** What held on each day: the latest period from that day or before, the meter's current values where a period does not say. */
export function tariffOn(history: readonly TariffPeriod[], pdl: Pdl) {
  return (day: LocalDate): { offpeakHours: readonly string[] | null; pricingOption: PricingOption | null } => {
    const period = [...history].reverse().find((p) => p.validFrom <= day);
    return { offpeakHours: period?.offpeakHours ?? pdl.offpeakHours, pricingOption: period?.pricingOption ?? pdl.pricingOption };
  };
}
