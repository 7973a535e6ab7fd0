/** A provider's allowance per API: Enedis allows each application 5 calls per second and 1000 per hour, per API. */
export interface ThrottleRates {
  readonly perSecond: number;
  readonly perHour: number;
}

/** Whether a call may go; when not, how long until one could. */
export type Acquired = { readonly ok: true } | { readonly ok: false; readonly retryAfterMs: number };

/** An API's budget for the current clock hour. */
export interface BudgetState {
  readonly api: string;
  readonly usedThisHour: number;
  readonly limitPerHour: number;
  /** The end of the current hour, when the hourly budget is whole again. */
  readonly resetsAt: Date;
  /** Set while the provider asked for calls to hold off (a 429's Retry-After). */
  readonly pausedUntil: Date | null;
}

/**
 * The pace of calls to the metering provider, one budget per provider API (`api` is its name, e.g.
 * `mesure_synchrone_auto`), shared by every user and, with a shared backing store, by every gateway
 * process.
 * - `acquire` takes one call of the API's budget: at once when it can, after waiting when the wait
 *   is at most `maxWaitMs`; otherwise it takes nothing and answers how long until a call could go
 *   (the end of the hour when the hourly budget is spent). Budgets count per clock hour.
 * - `pauseUntil` holds the API's callers back until that instant (the provider said so).
 * - `budget` reads an API's state without taking anything.
 * - Infrastructure failures of the backing store are thrown as InfrastructureFailure('rate_limiter').
 */
export interface UpstreamThrottle {
  acquire(api: string, maxWaitMs: number): Promise<Acquired>;
  pauseUntil(api: string, until: Date): Promise<void>;
  budget(api: string): Promise<BudgetState>;
}
