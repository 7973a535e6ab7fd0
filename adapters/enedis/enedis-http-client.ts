import { err, ok, type Result } from '../../domain/result.js';
import type { ProviderFailure } from '../../domain/errors.js';
import { SingleFlight } from '../../domain/single-flight.js';
import type { Clock } from '../../ports/clock.js';
import type { EnedisToken, TokenStore } from '../../ports/token-store.js';
import type { UpstreamThrottle } from '../../ports/upstream-throttle.js';
import { apiOf, errorOf, NonJsonBody, retryAfterMs } from './enedis-errors.js';
import { setTimeout as sleep } from 'node:timers/promises';

export interface EnedisHttpOptions {
  readonly baseUrl: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly tokens: TokenStore;
  readonly throttle: UpstreamThrottle;
  readonly clock: Clock;
  /** Per call. */
  readonly timeoutMs?: number;
  /** Tries per call, the first included, on 429, 5xx, timeouts and network errors. */
  readonly maxAttempts?: number;
  readonly baseDelayMs?: number;
  readonly maxDelayMs?: number;
  /** Longest a call waits for the throttle or a 429's Retry-After before answering "throttled". */
  readonly maxWaitMs?: number;
  /** Told of every HTTP exchange, for logs and metrics. */
  readonly onExchange?: (exchange: EnedisExchange) => void;
}

/** One HTTP exchange with Enedis, as told to `onExchange`. */
export interface EnedisExchange {
  /** The Enedis API (quota and subscription unit) the path belongs to. */
  readonly api: string;
  readonly path: string;
  readonly status: number | 'timeout' | 'network';
  readonly attempt: number;
  /** Time on the wire. */
  readonly ms: number;
  /** Time waited for the throttle before sending. */
  readonly throttleWaitMs: number;
}

export interface EnedisAnswer {
  readonly status: number;
  readonly body: unknown;
}

interface Request {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly query?: Record<string, string>;
  readonly json?: unknown;
}

const REFRESH_MARGIN_MS = 60_000;

async function readBody(response: Response): Promise<unknown> {
  const text = await response.text();
  if (text === '') return null;
  try {
    return JSON.parse(text);
  } catch {
    // Never copied further: a firewall's HTML page is no message for a user.
    return new NonJsonBody(response.status, response.headers.get('content-type'));
  }
}

/**
 * HTTP to Enedis: the application's client-credentials token (kept in the TokenStore, refreshed
 * before it lapses by one caller at a time, and once more on a 401), every exchange through the
 * shared throttle, a timeout per call, and retries with exponential backoff and full jitter on 429,
 * 5xx, timeouts and network errors, honouring Retry-After. Business answers (2xx and other 4xx) are
 * returned as they came; only transport-level trouble becomes a failure.
 */
export class EnedisHttpClient {
  private readonly refreshes = new SingleFlight<Result<EnedisToken, ProviderFailure>>();
  private current: EnedisToken | null = null;
  private readonly o: Required<Omit<EnedisHttpOptions, 'onExchange'>> & Pick<EnedisHttpOptions, 'onExchange'>;

  constructor(options: EnedisHttpOptions) {
    this.o = { timeoutMs: 15_000, maxAttempts: 4, baseDelayMs: 250, maxDelayMs: 8_000, maxWaitMs: 20_000, ...options };
  }

  /** A call with the bearer token; a 401 refreshes the token and tries once more. */
  async call(request: Request): Promise<Result<EnedisAnswer, ProviderFailure>> {
    for (let refreshed = false; ; refreshed = true) {
      const token = await this.token(refreshed);
      if (!token.ok) return token;
      const answer = await this.exchange(request, { Authorization: `Bearer ${token.value.accessToken}` });
      if (!answer.ok || answer.value.status !== 401 || refreshed) return answer;
    }
  }

  /** The current application token, fetched or refreshed if needed. */
  applicationToken(): Promise<Result<EnedisToken, ProviderFailure>> {
    return this.token(false);
  }

  private async token(forceRefresh: boolean): Promise<Result<EnedisToken, ProviderFailure>> {
    const now = this.o.clock.now().getTime();
    const fresh = (t: EnedisToken | null): t is EnedisToken => t !== null && t.expiresAt.getTime() - REFRESH_MARGIN_MS > now;
    if (!forceRefresh && fresh(this.current)) return ok(this.current);
    const stale = this.current?.accessToken;
    return this.refreshes.run('token', async () => {
      // Another process, or the caller that ran just before, may have stored a newer token.
      const stored = await this.o.tokens.find({ kind: 'application' });
      if (fresh(stored) && stored.accessToken !== stale) return ok((this.current = stored));
      const answer = await this.exchange(
        { method: 'POST', path: '/oauth2/v3/token' },
        { Authorization: `Basic ${Buffer.from(`${this.o.clientId}:${this.o.clientSecret}`).toString('base64')}` },
        new URLSearchParams({ grant_type: 'client_credentials' }),
      );
      if (!answer.ok) return answer;
      const body = answer.value.body as { access_token?: unknown; token_type?: unknown; expires_in?: unknown; scope?: unknown } | null;
      if (answer.value.status !== 200 || typeof body?.access_token !== 'string') {
        const { code, description } = errorOf(answer.value.body);
        return err({
          kind: 'UpstreamUnavailable',
          message: `Enedis refused the application's credentials (${code || answer.value.status} ${description})`.trim(),
        });
      }
      const token: EnedisToken = {
        accessToken: body.access_token,
        tokenType: typeof body.token_type === 'string' ? body.token_type : 'Bearer',
        expiresAt: new Date(this.o.clock.now().getTime() + (Number(body.expires_in) || 3600) * 1000),
        scope: typeof body.scope === 'string' ? body.scope : null,
        refreshToken: null,
      };
      await this.o.tokens.save({ kind: 'application' }, token);
      return ok((this.current = token));
    });
  }

  private backoff(attempt: number): number {
    return Math.random() * Math.min(this.o.maxDelayMs, this.o.baseDelayMs * 2 ** (attempt - 1));
  }

  private async exchange(request: Request, headers: Record<string, string>, form?: URLSearchParams): Promise<Result<EnedisAnswer, ProviderFailure>> {
    const url = new URL(this.o.baseUrl.replace(/\/+$/, '') + request.path);
    for (const [key, value] of Object.entries(request.query ?? {})) url.searchParams.set(key, value);
    let lastProblem = 'no answer';
    const api = apiOf(request.path);
    for (let attempt = 1; attempt <= this.o.maxAttempts; attempt++) {
      const waitStarted = performance.now();
      const slot = await this.o.throttle.acquire(api, this.o.maxWaitMs);
      if (!slot.ok) {
        // Said as it is: when the hourly budget is spent, nothing passes before the next hour.
        return err({
          kind: 'UpstreamThrottled',
          message: `the gateway's budget of Enedis calls to ${api} is spent for now`,
          retryAfterSeconds: Math.max(1, Math.ceil(slot.retryAfterMs / 1000)),
        });
      }
      const started = performance.now();
      const throttleWaitMs = started - waitStarted;
      let response: Response;
      try {
        response = await fetch(url, {
          method: request.method,
          headers: {
            Accept: 'application/json',
            ...headers,
            ...(form ? { 'Content-Type': 'application/x-www-form-urlencoded' } : {}),
            ...(request.json !== undefined ? { 'Content-Type': 'application/json' } : {}),
          },
          body: form ?? (request.json !== undefined ? JSON.stringify(request.json) : undefined),
          signal: AbortSignal.timeout(this.o.timeoutMs),
        });
      } catch (error) {
        const timedOut = error instanceof Error && (error.name === 'TimeoutError' || error.name === 'AbortError');
        this.o.onExchange?.({ api, path: request.path, status: timedOut ? 'timeout' : 'network', attempt, ms: performance.now() - started, throttleWaitMs });
        lastProblem = timedOut ? `no answer within ${this.o.timeoutMs} ms` : 'Enedis could not be reached';
        if (attempt < this.o.maxAttempts) await sleep(this.backoff(attempt));
        continue;
      }
      const body = await readBody(response).catch(() => null);
      this.o.onExchange?.({ api, path: request.path, status: response.status, attempt, ms: performance.now() - started, throttleWaitMs });
      if (response.status === 429) {
        // Pacing follows real time (as the throttle does); the clock is the token's business.
        const wait = retryAfterMs(response.headers, body, Date.now());
        const until = new Date(Date.now() + (wait ?? this.backoff(attempt)));
        await this.o.throttle.pauseUntil(api, until);
        lastProblem = `Enedis is throttling the gateway (${errorOf(body).code || 429})`;
        if (wait !== null && wait > this.o.maxWaitMs) {
          return err({ kind: 'UpstreamThrottled', message: lastProblem, retryAfterSeconds: Math.ceil(wait / 1000) });
        }
        if (attempt === this.o.maxAttempts) {
          return err({ kind: 'UpstreamThrottled', message: lastProblem, retryAfterSeconds: Math.max(1, Math.ceil((wait ?? 1000) / 1000)) });
        }
        continue;
      }
      if (response.status >= 500) {
        const { code, description } = errorOf(body);
        lastProblem = `Enedis answered ${response.status}${code ? ` ${code}` : ''}${description ? `: ${description}` : ''}`;
        if (attempt < this.o.maxAttempts) await sleep(this.backoff(attempt));
        continue;
      }
      return ok({ status: response.status, body });
    }
    return err({ kind: 'UpstreamUnavailable', message: `${lastProblem} (after ${this.o.maxAttempts} tries)` });
  }
}
