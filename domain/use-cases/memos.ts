import type { UserKey } from '../../ports/keyring.js';
import type { Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import type { Result } from '../result.js';
import { RecentValues } from '../recent-values.js';
import { ShortMemo } from '../short-memo.js';
import type { DomainError } from '../errors.js';
import type { Clock } from '../../ports/clock.js';

/**
 * What every data request would otherwise look up again: who the bearer is, which meter a usage
 * point id names, the user's cache key. Kept `settings.lookupMemoMs` (0: not at all); a change made
 * through these use cases forgets everything at once, a change made by another process is seen
 * within that time. Writes forget them through the repositories' decorators (forgetting-repos.ts).
 */
export interface Memos {
  readonly principals: ShortMemo<Result<Principal, DomainError>>;
  readonly meters: ShortMemo<Result<Pdl, DomainError>>;
  readonly userKeys: Map<string, UserKey>;
  /** Cached values just opened, so that reading them again costs neither their transfer nor their decryption. */
  readonly values: RecentValues<UserKey>;
  forget(): void;
}

/** At most this much plaintext is kept by `values`: a few dozen years of daily data. */
const RECENT_VALUES_BYTES = 16 * 1024 * 1024;

/** The memos of one set of use cases, made by createUseCaseContext. */
export function createMemos(clock: Clock, ttlMs: number): Memos {
  const now = () => clock.now().getTime();
  const principals = new ShortMemo<Result<Principal, DomainError>>(ttlMs, now);
  const meters = new ShortMemo<Result<Pdl, DomainError>>(ttlMs, now);
  const values = new RecentValues<UserKey>(ttlMs, RECENT_VALUES_BYTES, now);
  return {
    principals,
    meters,
    userKeys: new Map<string, UserKey>(),
    values,
    forget: () => {
      principals.clear();
      meters.clear();
      values.clear();
    },
  };
}
