import type { ProviderFailure } from '../../domain/errors.js';
import { err, ok, type Result } from '../../domain/result.js';
import type { Clock } from '../../ports/clock.js';
import type { UpstreamThrottle } from '../../ports/upstream-throttle.js';

export interface RteConfig {
  readonly clientId: string;
  readonly clientSecret: string;
  /** `https://digital.iservices.rte-france.com`, or a test double. */
  readonly baseUrl: string;
  readonly timeoutMs: number;
}

/** Longest a call waits for its budget before answering "throttled". */
const BUDGET_WAIT_MS = 2_000;

/** The budget an RTE path spends: one per RTE API (`rte:ecowatt`, `rte:tempo_like_supply_contract`…). */
export const rteApiOf = (path: string): string => `rte:${path.split('/')[2] ?? 'token'}`;

/**
 * Calls to RTE's APIs with an OAuth2 client-credentials token, kept until a minute before it lapses.
 * With a throttle, every call first takes one call of its API's budget (shared by every process
 * when the throttle is), and a 429 holds that API back for its Retry-After.
 */
export class RteClient {
  private token: { value: string; until: number } | null = null;

  constructor(
    private readonly config: RteConfig,
    private readonly clock: Clock,
    private readonly fetchImpl: typeof fetch = fetch,
    private readonly budget: UpstreamThrottle | null = null,
  ) {}

  /** GET `path` with the bearer: its JSON, or what went wrong. */
  async get(path: string): Promise<Result<unknown, ProviderFailure>> {
    const api = rteApiOf(path);
    if (this.budget) {
      const slot = await this.budget.acquire(api, BUDGET_WAIT_MS);
      if (!slot.ok)
        return err({ kind: 'UpstreamThrottled', message: `the ${api} budget is spent for now`, retryAfterSeconds: Math.ceil(slot.retryAfterMs / 1000) });
    }
    const token = await this.accessToken();
    if (!token.ok) return token;
    const answer = await this.call(path, { headers: { Authorization: `Bearer ${token.value}`, Accept: 'application/json' } });
    if (!answer.ok && answer.error.kind === 'UpstreamThrottled' && this.budget) {
      // Pacing follows real time, as the throttle does; the clock is the token's business.
      await this.budget.pauseUntil(api, new Date(Date.now() + answer.error.retryAfterSeconds * 1000));
    }
    return answer;
  }

  private async accessToken(): Promise<Result<string, ProviderFailure>> {
    const now = this.clock.now().getTime();
    if (this.token && this.token.until > now) return ok(this.token.value);
    const basic = Buffer.from(`${this.config.clientId}:${this.config.clientSecret}`).toString('base64');
    const answer = await this.call('/token/oauth/', {
      method: 'POST',
      headers: { Authorization: `Basic ${basic}`, 'Content-Type': 'application/x-www-form-urlencoded' },
      body: 'grant_type=client_credentials',
    });
    if (!answer.ok) return answer;
    const { access_token: value, expires_in: seconds } = answer.value as { access_token?: unknown; expires_in?: unknown };
    if (typeof value !== 'string' || value === '') return err({ kind: 'BadUpstreamData', message: 'RTE answered a token without access_token' });
    // Renewed a minute early, so that a call never carries a token that lapses on its way.
    this.token = { value, until: now + Math.max(0, (typeof seconds === 'number' ? seconds : 3600) - 60) * 1000 };
    return ok(value);
  }

  /** One call to RTE: its JSON, or what went wrong as a ProviderFailure (never thrown). */
  private async call(path: string, init: RequestInit): Promise<Result<unknown, ProviderFailure>> {
    let response: Response;
    try {
      response = await this.fetchImpl(`${this.config.baseUrl}${path}`, { ...init, signal: AbortSignal.timeout(this.config.timeoutMs) });
    } catch (error) {
      return err({ kind: 'UpstreamUnavailable', message: `RTE did not answer: ${error instanceof Error ? error.name : 'error'}` });
    }
    if (response.status === 429) {
      const retry = Number(response.headers.get('Retry-After'));
      return err({ kind: 'UpstreamThrottled', message: 'RTE refused for rate', retryAfterSeconds: retry > 0 ? retry : 60 });
    }
    if (response.status === 401 || response.status === 403) this.token = null;
    if (!response.ok) return err({ kind: 'UpstreamUnavailable', message: `RTE answered ${response.status}` });
    try {
      return ok(await response.json());
    } catch {
      return err({ kind: 'BadUpstreamData', message: 'RTE answered something that is not JSON' });
    }
  }
}
