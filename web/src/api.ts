import createClient from 'openapi-fetch';
import type { components, paths } from '../../host/http/openapi-types';

export type Pdl = components['schemas']['Pdl'];
export type Account = components['schemas']['Account'];
export type Reading = components['schemas']['IntervalReading'];
export type MeterData = components['schemas']['MeterDataResponse']['data'];
export type Usage = components['schemas']['UsageStatus'];

const TOKEN_KEY = 'med.token';

export const session = {
  token: (): string | null => localStorage.getItem(TOKEN_KEY),
  set: (token: string) => localStorage.setItem(TOKEN_KEY, token),
  clear: () => localStorage.removeItem(TOKEN_KEY),
};

/** The typed client: paths, parameters and bodies come from openapi.yaml, so the front end cannot drift from the API. */
export const api = createClient<paths>({ baseUrl: '/api' });

api.use({
  onRequest({ request }) {
    const token = session.token();
    if (token && !request.headers.has('Authorization')) request.headers.set('Authorization', `Bearer ${token}`);
    return request;
  },
});

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

/** Unwraps an openapi-fetch answer: its data, or an ApiError. A 401 also ends the session. */
export async function call<T>(promise: Promise<{ data?: T; error?: unknown; response: Response }>): Promise<T> {
  const { data, error, response } = await promise;
  if (response.ok && data !== undefined) return data;
  if (response.status === 401) session.clear();
  throw describe(response.status, error as Envelope | undefined, response.headers);
}
