import type { Knex } from 'knex';
import type { LocalDate } from '../../domain/local-date.js';
import type { PricingOption } from '../../domain/pdl.js';
import type { TariffHistory, TariffPeriod } from '../../ports/tariff-history.js';
import { guarded } from './sql-errors.js';

/** Meters' tariff periods on SQLite or PostgreSQL (pdl_tariff_history, gone with the meter). */
export class SqlTariffHistory implements TariffHistory {
  constructor(private readonly knex: Knex) {}

  record(pdlId: string, period: TariffPeriod): Promise<void> {
    const row = { offpeak_hours: period.offpeakHours ? JSON.stringify(period.offpeakHours) : null, pricing_option: period.pricingOption };
    return guarded(async () => {
      await this.knex('pdl_tariff_history')
        .insert({ pdl_id: pdlId, valid_from: period.validFrom, ...row })
        .onConflict(['pdl_id', 'valid_from'])
        .merge(row);
    });
  }

  list(pdlId: string): Promise<TariffPeriod[]> {
    return guarded(async () => {
      const rows = (await this.knex('pdl_tariff_history').where('pdl_id', pdlId).orderBy('valid_from')) as Array<{
        valid_from: string;
        offpeak_hours: string | null;
        pricing_option: string | null;
      }>;
      return rows.map((r) => ({
        validFrom: r.valid_from as LocalDate,
        offpeakHours: r.offpeak_hours ? (JSON.parse(r.offpeak_hours) as string[]) : null,
        pricingOption: r.pricing_option as PricingOption | null,
      }));
    });
  }

  forget(pdlId: string): Promise<void> {
    return guarded(async () => {
      await this.knex('pdl_tariff_history').where('pdl_id', pdlId).delete();
    });
  }
}
