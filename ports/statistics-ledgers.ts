import type { Direction } from '../domain/metering.js';

/**
 * Per meter and direction, the ledger the Home Assistant statistics are summed from, kept sealed:
 * the store holds bytes it cannot read (the use case seals them under the user's key).
 * - `read` gives what `write` last wrote for that meter and direction, or null.
 * - `forget` drops a meter's ledgers (the SQL adapter also drops them with the meter).
 */
export interface StatisticsLedgers {
  read(pdlId: string, direction: Direction): Promise<Uint8Array | null>;
  write(pdlId: string, direction: Direction, sealed: Uint8Array): Promise<void>;
  forget(pdlId: string): Promise<void>;
}
