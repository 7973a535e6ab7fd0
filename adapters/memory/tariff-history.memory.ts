import type { TariffHistory, TariffPeriod } from '../../ports/tariff-history.js';

/** Meters' tariff periods in the process. */
export class InMemoryTariffHistory implements TariffHistory {
  private readonly periods = new Map<string, TariffPeriod[]>();

  async record(pdlId: string, period: TariffPeriod): Promise<void> {
    const kept = (this.periods.get(pdlId) ?? []).filter((p) => p.validFrom !== period.validFrom);
    this.periods.set(
      pdlId,
      [...kept, { ...period, offpeakHours: period.offpeakHours ? [...period.offpeakHours] : null }].sort((a, b) => a.validFrom.localeCompare(b.validFrom)),
    );
  }

  async list(pdlId: string): Promise<TariffPeriod[]> {
    return [...(this.periods.get(pdlId) ?? [])];
  }

  async forget(pdlId: string): Promise<void> {
    this.periods.delete(pdlId);
  }
}
