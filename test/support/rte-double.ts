import { http, HttpResponse } from 'msw';
import { syntheticEcoWattDay } from '../../adapters/mock-rte/ecowatt-signals.js';
import { syntheticNationalConsumption } from '../../adapters/mock-rte/national-consumption.js';
import { syntheticGenerationForecasts } from '../../adapters/mock-rte/generation-forecast.js';
import { GENERATION_STEP_MS, type GenerationForecastType, type ProductionType } from '../../domain/generation-forecast.js';
import { NATIONAL_STEP_MS, type NationalSeries } from '../../domain/national-consumption.js';
import { formatParisIso } from '../../domain/paris-time.js';
import { syntheticTempoYear } from '../../adapters/mock-rte/tempo-calendar.js';
import { addDays } from '../../domain/local-date.js';
import { rangeDays } from '../../domain/date-range.js';
import type { LocalDate } from '../../domain/local-date.js';
import { lastKnownTempoDay } from '../../domain/tempo.js';
import { parisDate, parisHourOfDay } from '../../domain/paris-time.js';
import type { Clock } from '../../ports/clock.js';

export const RTE_BASE = 'https://rte.test';

/** Steps of a series as RTE sends them: bounds and update time in Paris ISO, the value in MW. */
const valuesToWire = (values: ReadonlyArray<{ startMs: number; mw: number }>, stepMs: number) =>
  values.map(({ startMs, mw }) => ({
    start_date: formatParisIso(startMs),
    end_date: formatParisIso(startMs + stepMs),
    updated_date: formatParisIso(startMs),
    value: mw,
  }));

/** What the double saw. */
export interface RteLog {
  tokens: number;
  calendars: Array<{ start: string; end: string }>;
  ecowatt: number;
}

/**
 * msw handlers answering as RTE's token and Tempo calendar endpoints do: Basic credentials for a
 * bearer, then `tempo_like_calendars.values` (newest first, as RTE sends them) for `[start_date,
 * end_date)`, refusing (400) a span longer than 366 days or reaching past what is published; EcoWatt
 * `signals` for today and the three days after; national consumption; generation forecasts, wind
 * split in two sub-types as RTE may send it.
 */
export function rteHandlers(clock: Clock, log: RteLog, credentials = { id: 'rte-id', secret: 'rte-secret' }) {
  return [
    http.post(`${RTE_BASE}/token/oauth/`, ({ request }) => {
      log.tokens++;
      const expected = `Basic ${Buffer.from(`${credentials.id}:${credentials.secret}`).toString('base64')}`;
      if (request.headers.get('authorization') !== expected) return HttpResponse.json({ error: 'invalid_client' }, { status: 401 });
      return HttpResponse.json({ access_token: 'rte-token', token_type: 'Bearer', expires_in: 7200 });
    }),
    http.get(`${RTE_BASE}/open_api/tempo_like_supply_contract/v1/tempo_like_calendars`, ({ request }) => {
      if (request.headers.get('authorization') !== 'Bearer rte-token') return HttpResponse.json({ error: 'invalid_token' }, { status: 401 });
      const url = new URL(request.url);
      const start = url.searchParams.get('start_date') ?? '';
      const end = url.searchParams.get('end_date') ?? '';
      log.calendars.push({ start, end });
      const days = rangeDays({ start: start.slice(0, 10) as LocalDate, end: end.slice(0, 10) as LocalDate });
      const now = clock.now();
      const published = lastKnownTempoDay(parisDate(now), parisHourOfDay(now.getTime()));
      if (days.length === 0 || days.length > 366 || days.at(-1)! > published) {
        return HttpResponse.json({ error: 'TMPLIKSUPCON_TMPLIKCAL_F04', error_description: 'end_date out of range' }, { status: 400 });
      }
      const values = days.map((day) => ({
        start_date: `${day}T00:00:00+01:00`,
        end_date: `${day}T23:59:59+01:00`,
        value: syntheticTempoYear(day).get(day),
        updated_date: `${day}T10:20:00+01:00`,
      }));
      return HttpResponse.json({ tempo_like_calendars: { start_date: start, end_date: end, values: values.reverse() } });
    }),
    http.get(`${RTE_BASE}/open_api/ecowatt/v5/signals`, ({ request }) => {
      if (request.headers.get('authorization') !== 'Bearer rte-token') return HttpResponse.json({ error: 'invalid_token' }, { status: 401 });
      log.ecowatt++;
      const today = parisDate(clock.now());
      const signals = [0, 1, 2, 3].map((ahead) => {
        const day = syntheticEcoWattDay(addDays(today, ahead));
        return {
          GenerationFichier: clock.now().toISOString(),
          jour: `${day.date}T00:00:00+01:00`,
          dvalue: day.level,
          message: day.message,
          values: day.hourly.map((hvalue, pas) => ({ pas, hvalue })),
        };
      });
      return HttpResponse.json({ signals });
    }),
    http.get(`${RTE_BASE}/open_api/consumption/v1/short_term`, ({ request }) => {
      if (request.headers.get('authorization') !== 'Bearer rte-token') return HttpResponse.json({ error: 'invalid_token' }, { status: 401 });
      const url = new URL(request.url);
      const types = (url.searchParams.get('type') ?? 'REALISED').split(',') as NationalSeries[];
      const from = Date.parse(url.searchParams.get('start_date') ?? '');
      const to = Date.parse(url.searchParams.get('end_date') ?? '');
      if (Number.isNaN(from) || Number.isNaN(to)) return HttpResponse.json({ error: 'CONSUMPTION_SHORT_TERM_F01' }, { status: 400 });
      const series = syntheticNationalConsumption(types, from, to, clock.now().getTime());
      return HttpResponse.json({
        short_term: series.map(({ series: type, values }) => ({
          type,
          start_date: url.searchParams.get('start_date'),
          end_date: url.searchParams.get('end_date'),
          values: valuesToWire(values, NATIONAL_STEP_MS),
        })),
      });
    }),
    http.get(`${RTE_BASE}/open_api/generation_forecast/v2/forecasts`, ({ request }) => {
      if (request.headers.get('authorization') !== 'Bearer rte-token') return HttpResponse.json({ error: 'invalid_token' }, { status: 401 });
      const url = new URL(request.url);
      const productions = (url.searchParams.get('production_type') ?? 'SOLAR').split(',') as ProductionType[];
      const types = (url.searchParams.get('type') ?? 'D-1').split(',') as GenerationForecastType[];
      const from = Date.parse(url.searchParams.get('start_date') ?? '');
      const to = Date.parse(url.searchParams.get('end_date') ?? '');
      if (Number.isNaN(from) || Number.isNaN(to)) return HttpResponse.json({ error: 'GENERATION_FORECAST_F01' }, { status: 400 });
      const wire = (production: string, type: string, subType: string | undefined, values: ReadonlyArray<{ startMs: number; mw: number }>) => ({
        type,
        production_type: production,
        ...(subType ? { sub_type: subType } : {}),
        start_date: url.searchParams.get('start_date'),
        end_date: url.searchParams.get('end_date'),
        values: valuesToWire(values, GENERATION_STEP_MS),
      });
      const forecasts = syntheticGenerationForecasts(productions, types, from, to, clock.now().getTime()).flatMap((f) =>
        f.productionType === 'WIND'
          ? [
              wire(
                'WIND',
                f.forecastType,
                'WIND_ONSHORE',
                f.values.map((v) => ({ startMs: v.startMs, mw: v.mw - 1_000 })),
              ),
              wire(
                'WIND',
                f.forecastType,
                'WIND_OFFSHORE',
                f.values.map((v) => ({ startMs: v.startMs, mw: 1_000 })),
              ),
            ]
          : [wire(f.productionType, f.forecastType, undefined, f.values)],
      );
      return HttpResponse.json({ forecasts });
    }),
  ];
}
