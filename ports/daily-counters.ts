/**
 * Gateway-wide counts per day: the administrators' statistics (requests served, calls to Enedis),
 * shared by every process when the store is.
 * - `add` adds each count to that name's counter of that day, atomically; a day's counters expire
 *   `ttlSeconds` after they were last added to.
 * - `read` gives the counts of those names for that day, 0 for a name never counted.
 * - Infrastructure failures of the backing store are thrown as InfrastructureFailure('rate_limiter').
 */
export interface DailyCounters {
  add(day: string, counts: ReadonlyMap<string, number>, ttlSeconds: number): Promise<void>;
  read(day: string, names: readonly string[]): Promise<Record<string, number>>;
}
