import type { Knex } from 'knex';
import type { Direction } from '../../domain/metering.js';
import type { StatisticsLedgers } from '../../ports/statistics-ledgers.js';
import { guarded } from './sql-errors.js';

/** Sealed statistics ledgers on SQLite or PostgreSQL (statistics_ledgers, base64, gone with the meter). */
export class SqlStatisticsLedgers implements StatisticsLedgers {
  constructor(private readonly knex: Knex) {}

  read(pdlId: string, direction: Direction): Promise<Uint8Array | null> {
    return guarded(async () => {
      const row = (await this.knex('statistics_ledgers').where({ pdl_id: pdlId, direction }).first('sealed')) as { sealed: string } | undefined;
      return row ? new Uint8Array(Buffer.from(row.sealed, 'base64')) : null;
    });
  }

  write(pdlId: string, direction: Direction, sealed: Uint8Array): Promise<void> {
    const value = Buffer.from(sealed).toString('base64');
    return guarded(async () => {
      await this.knex('statistics_ledgers').insert({ pdl_id: pdlId, direction, sealed: value }).onConflict(['pdl_id', 'direction']).merge({ sealed: value });
    });
  }

  forget(pdlId: string): Promise<void> {
    return guarded(async () => {
      await this.knex('statistics_ledgers').where('pdl_id', pdlId).delete();
    });
  }
}
