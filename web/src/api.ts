import createClient from 'openapi-fetch';
import type { components, paths } from '../../host/http/openapi-types';

export type Pdl = components['schemas']['Pdl'];
export type Account = components['schemas']['Account'];
export type Reading = components['schemas']['IntervalReading'];
export type MeterData = components['schemas']['MeterDataResponse']['data'];
export type Usage = components['schemas']['UsageStatus'];

/**
 * The typed client: paths, parameters and bodies come from openapi.yaml, so the front end cannot
 * drift from the API. The session is the HttpOnly cookie the log-in sets: no token is ever within
 * reach of the page's scripts.
 */
export const api = createClient<paths>({ baseUrl: '/api', credentials: 'same-origin' });

/** A failed call, worded for people: the API's message, the field at fault, and when to retry after a 429. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

interface Envelope {
  error?: { code: string; message: string; field?: string } | string;
  error_description?: string;
}

function describe(status: number, body: Envelope | undefined, headers: Headers): ApiError {
  const error = typeof body?.error === 'object' ? body.error : undefined;
  let message = error?.message ?? body?.error_description ?? (typeof body?.error === 'string' ? body.error : `HTTP ${status}`);
  const retryAfter = Number(headers.get('Retry-After'));
  if (status === 429 && retryAfter > 0) {
    const when = new Date(Date.now() + retryAfter * 1000).toLocaleString('fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'short', timeStyle: 'short' });
    message += ` — réessayez après le ${when} (dans ${retryAfter < 120 ? `${retryAfter} s` : `${Math.ceil(retryAfter / 60)} min`}).`;
  } else if (status === 503 && retryAfter > 0) {
    message += ` — réessayez dans ${retryAfter} s.`;
  }
  if (error?.field) message += ` (champ : ${error.field})`;
  return new ApiError(status, error?.code ?? 'ERROR', message, error?.field);
}

/** Unwraps an openapi-fetch answer: its data, or an ApiError. */
export async function call<T>(promise: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await promise;
  if (response.ok && data !== undefined) return data;
  throw describe(response.status, error as Envelope | undefined, response.headers);
}

/** A metering answer asked as JSON (the routes can also answer CSV, which the dashboard only downloads). */
export function json<T>(answer: T | string): T {
  if (typeof answer === 'string') throw new Error('expected JSON, got CSV');
  return answer;
}
