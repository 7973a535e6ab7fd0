import { RateLimiter } from 'limiter';
import type { Acquired, BudgetState, ThrottleRates, UpstreamThrottle } from '../../ports/upstream-throttle.js';
import { setTimeout as sleep } from 'node:timers/promises';

export type { ThrottleRates } from '../../ports/upstream-throttle.js';

/** Enedis' application quotas since Data Connect 2026, per API (reference §1.8). */
export const ENEDIS_RATES: ThrottleRates = { perSecond: 5, perHour: 1000 };

/**
 * The one-second window with a margin: a slot is granted here, but the call lands at the provider
 * a little later, later still on a loaded machine; without the margin, two calls granted 1 s apart
 * can land closer than that and make six in one second at Enedis' end (measured: 6 with 1050 ms
 * while the whole test suite ran).
 */
export const SECOND_WINDOW_MS = 1200;

export const HOUR_MS = 3_600_000;

interface ApiState {
  readonly spacing: RateLimiter;
  hour: number;
  used: number;
  pausedUntil: number;
}

/**
 * The throttle of a single gateway process, on the `limiter` package. Calls of an API are spaced
 * evenly (a bucket of one token refilled every window/perSecond), which is what keeps any one-second
 * window at perSecond calls: a bucket of perSecond tokens would let two bursts meet across a window
 * boundary. The hourly budget is a count per clock hour.
 */
export class LimiterUpstreamThrottle implements UpstreamThrottle {
  private readonly apis = new Map<string, ApiState>();

  constructor(private readonly rates: ThrottleRates = ENEDIS_RATES) {}

  private state(api: string): ApiState {
    let state = this.apis.get(api);
    if (!state) {
      state = {
        spacing: new RateLimiter({ tokensPerInterval: 1, interval: Math.ceil(SECOND_WINDOW_MS / this.rates.perSecond) }),
        hour: 0,
        used: 0,
        pausedUntil: 0,
      };
      this.apis.set(api, state);
    }
    const hour = Math.floor(Date.now() / HOUR_MS);
    if (state.hour !== hour) {
      state.hour = hour;
      state.used = 0;
    }
    return state;
  }

  async acquire(api: string, maxWaitMs: number): Promise<Acquired> {
    const deadline = Date.now() + maxWaitMs;
    for (;;) {
      const state = this.state(api);
      const now = Date.now();
      const hourWait = state.used >= this.rates.perHour ? HOUR_MS - (now % HOUR_MS) : 0;
      const wait = Math.max(state.pausedUntil - now, state.spacing.getWaitTime(1), hourWait, 0);
      if (wait === 0 && state.spacing.tryRemoveTokens(1)) {
        state.used++;
        return { ok: true };
      }
      if (now + wait > deadline) return { ok: false, retryAfterMs: Math.max(1, wait) };
      await sleep(Math.max(1, Math.min(wait, 1000)));
    }
  }

  async pauseUntil(api: string, until: Date): Promise<void> {
    const state = this.state(api);
    state.pausedUntil = Math.max(state.pausedUntil, until.getTime());
  }

  async budget(api: string): Promise<BudgetState> {
    const state = this.state(api);
    return {
      api,
      usedThisHour: state.used,
      limitPerHour: this.rates.perHour,
      resetsAt: new Date((state.hour + 1) * HOUR_MS),
      pausedUntil: state.pausedUntil > Date.now() ? new Date(state.pausedUntil) : null,
    };
  }
}
