import type { Direction } from '../../domain/metering.js';
import type { StatisticsLedgers } from '../../ports/statistics-ledgers.js';

/** Statistics ledgers in the process. */
export class InMemoryStatisticsLedgers implements StatisticsLedgers {
  private readonly ledgers = new Map<string, Uint8Array>();

  async read(pdlId: string, direction: Direction): Promise<Uint8Array | null> {
    const sealed = this.ledgers.get(`${pdlId}|${direction}`);
    return sealed ? new Uint8Array(sealed) : null;
  }

  async write(pdlId: string, direction: Direction, sealed: Uint8Array): Promise<void> {
    this.ledgers.set(`${pdlId}|${direction}`, new Uint8Array(sealed));
  }

  async forget(pdlId: string): Promise<void> {
    for (const key of [...this.ledgers.keys()]) if (key.startsWith(`${pdlId}|`)) this.ledgers.delete(key);
  }
}
