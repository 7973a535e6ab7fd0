import type { ProviderFailure } from '../../domain/errors.js';
import { NATIONAL_SERIES, type NationalConsumption, type NationalSeries } from '../../domain/national-consumption.js';
import { formatParisIso } from '../../domain/paris-time.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { RteClient } from './rte-client.js';

interface ShortTermAnswer {
  short_term?: Array<{ type?: string; values?: Array<{ start_date?: string; value?: number }> }>;
}

/** RTE's national consumption (`consumption/v1/short_term`): realised and forecast series, in MW per quarter-hour. */
export class RteNationalConsumption {
  constructor(private readonly rte: RteClient) {}

  async nationalConsumption(series: readonly NationalSeries[], fromMs: number, toMs: number): Promise<Result<NationalConsumption[], ProviderFailure>> {
    const query = new URLSearchParams({ type: series.join(','), start_date: formatParisIso(fromMs), end_date: formatParisIso(toMs) });
    const answer = await this.rte.get(`/open_api/consumption/v1/short_term?${query}`);
    if (!answer.ok) return answer;
    const parts = (answer.value as ShortTermAnswer).short_term;
    if (!Array.isArray(parts)) return err({ kind: 'BadUpstreamData', message: 'RTE answered consumption without short_term' });
    const bySeries = new Map<NationalSeries, NationalConsumption>();
    for (const part of parts) {
      if (!NATIONAL_SERIES.includes(part.type as NationalSeries) || !Array.isArray(part.values)) {
        return err({ kind: 'BadUpstreamData', message: `RTE answered an unreadable consumption series: ${String(part.type).slice(0, 40)}` });
      }
      const values = [];
      for (const value of part.values) {
        const startMs = Date.parse(value.start_date ?? '');
        if (Number.isNaN(startMs) || typeof value.value !== 'number')
          return err({ kind: 'BadUpstreamData', message: 'RTE answered an unreadable consumption value' });
        if (startMs >= fromMs && startMs < toMs) values.push({ startMs, mw: value.value });
      }
      bySeries.set(part.type as NationalSeries, { series: part.type as NationalSeries, values: values.sort((a, b) => a.startMs - b.startMs) });
    }
    return ok(series.map((name) => bySeries.get(name) ?? { series: name, values: [] }));
  }
}
