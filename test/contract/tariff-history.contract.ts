import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { LocalDate } from '../../domain/local-date.js';
import type { TariffHistory } from '../../ports/tariff-history.js';
import { ownedMeter, type RelationalFactory, type RelationalStore } from './fixtures.js';

/** The TariffHistory contract (ports/tariff-history.ts), on a store that holds the meters it names. */
export function tariffHistoryContract(adapter: string, factory: RelationalFactory) {
  describe(`TariffHistory contract: ${adapter}`, () => {
    let store: RelationalStore;
    let history: TariffHistory;
    let pdlId: string;
    beforeEach(async () => {
      store = await factory();
      history = store.tariffs!;
      pdlId = await ownedMeter(store);
    });
    afterEach(() => store.close());

    it('when periods are recorded out of order, and one day twice, then they list in order, one per day, the last one kept', async () => {
      await history.record(pdlId, { validFrom: '2026-03-01' as LocalDate, offpeakHours: ['23:00-07:00'], pricingOption: 'HC_HP' });
      await history.record(pdlId, { validFrom: '1970-01-01' as LocalDate, offpeakHours: ['22:00-06:00'], pricingOption: null });
      await history.record(pdlId, { validFrom: '2026-03-01' as LocalDate, offpeakHours: ['01:00-07:00', '12:30-14:30'], pricingOption: 'TEMPO' });
      expect(await history.list(pdlId)).toEqual([
        { validFrom: '1970-01-01', offpeakHours: ['22:00-06:00'], pricingOption: null },
        { validFrom: '2026-03-01', offpeakHours: ['01:00-07:00', '12:30-14:30'], pricingOption: 'TEMPO' },
      ]);
      expect(await history.list('00000000-0000-4000-8000-000000000000')).toEqual([]);
    });

    it('when a meter is forgotten, then its periods are gone', async () => {
      await history.record(pdlId, { validFrom: '2026-03-01' as LocalDate, offpeakHours: null, pricingOption: 'BASE' });
      await history.forget(pdlId);
      expect(await history.list(pdlId)).toEqual([]);
    });
  });
}
