/**
 * The `state` values of consent requests in flight, each bound to the account that started it.
 * - `save` stores a state until `expiresAt`.
 * - `take` removes the state and returns its account id in one atomic step, so a state serves once,
 *   also when two callbacks race; null when it is unknown, already used, or expired at `now`.
 * - Infrastructure failures are thrown as InfrastructureFailure('database').
 */
export interface ConsentStateStore {
  save(state: string, userId: string, expiresAt: Date): Promise<void>;
  take(state: string, now: Date): Promise<string | null>;
}
