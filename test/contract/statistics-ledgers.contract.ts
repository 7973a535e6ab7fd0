import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { StatisticsLedgers } from '../../ports/statistics-ledgers.js';
import { ownedMeter, type RelationalFactory, type RelationalStore } from './fixtures.js';

/** The StatisticsLedgers contract (ports/statistics-ledgers.ts), on a store that holds the meters it names. */
export function statisticsLedgersContract(adapter: string, factory: RelationalFactory) {
  describe(`StatisticsLedgers contract: ${adapter}`, () => {
    let store: RelationalStore;
    let ledgers: StatisticsLedgers;
    let pdlId: string;
    beforeEach(async () => {
      store = await factory();
      ledgers = store.ledgers!;
      pdlId = await ownedMeter(store);
    });
    afterEach(() => store.close());

    it('when ledgers are written, then each direction reads back the last bytes written, byte for byte', async () => {
      expect(await ledgers.read(pdlId, 'consumption')).toBeNull();
      await ledgers.write(pdlId, 'consumption', new Uint8Array([1, 2, 3]));
      await ledgers.write(pdlId, 'consumption', new Uint8Array([0, 255, 7, 9]));
      await ledgers.write(pdlId, 'production', new Uint8Array([42]));
      expect([...(await ledgers.read(pdlId, 'consumption'))!]).toEqual([0, 255, 7, 9]);
      expect([...(await ledgers.read(pdlId, 'production'))!]).toEqual([42]);
    });

    it('when a meter is forgotten, then its ledgers are gone', async () => {
      await ledgers.write(pdlId, 'consumption', new Uint8Array([1]));
      await ledgers.forget(pdlId);
      expect(await ledgers.read(pdlId, 'consumption')).toBeNull();
    });
  });
}
