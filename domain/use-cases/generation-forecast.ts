import { invalidInput, type DomainError } from '../errors.js';
import {
  GENERATION_FORECAST_TYPES,
  PRODUCTION_TYPES,
  type GenerationForecast,
  type GenerationForecastType,
  type ProductionType,
} from '../generation-forecast.js';
import { parseInstantSpan } from '../instant.js';
import { err, ok, type Result } from '../result.js';
import type { Dependencies } from './dependencies.js';

const DAY_MS = 86_400_000;
/** At most a week per request. */
const MAX_SPAN_MS = 7 * DAY_MS;

export interface GenerationRequest {
  readonly productionType?: unknown;
  readonly forecastType?: unknown;
  readonly start?: unknown;
  readonly end?: unknown;
}

function oneOrAll<T extends string>(raw: unknown, all: readonly T[], field: string): Result<readonly T[], DomainError> {
  if (raw === undefined) return ok(all);
  return all.includes(raw as T) ? ok([raw as T]) : err(invalidInput(field, `${field} is one of ${all.join(', ')}`));
}

/**
 * RTE's solar and wind forecasts (MW per hour): the production and forecast types named (all by
 * default), over `start` to `end` (by default today's Paris midnight and three days after), at most a week.
 */
export const generationForecast =
  (deps: Dependencies) =>
  async (request: GenerationRequest): Promise<Result<{ forecasts: GenerationForecast[]; fromMs: number; toMs: number }, DomainError>> => {
    const productions = oneOrAll<ProductionType>(request.productionType, PRODUCTION_TYPES, 'production_type');
    if (!productions.ok) return productions;
    const types = oneOrAll<GenerationForecastType>(request.forecastType, GENERATION_FORECAST_TYPES, 'forecast_type');
    if (!types.ok) return types;
    const nowMs = deps.clock.now().getTime();
    const span = parseInstantSpan(request.start, request.end, { from: Math.floor(nowMs / DAY_MS) * DAY_MS, to: (from) => from + 3 * DAY_MS }, MAX_SPAN_MS);
    if (!span.ok) return span;
    const answer = await deps.gridSignals.generationForecast(productions.value, types.value, span.value.fromMs, span.value.toMs);
    return answer.ok ? ok({ forecasts: answer.value, ...span.value }) : answer;
  };
