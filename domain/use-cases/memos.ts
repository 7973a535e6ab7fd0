import type { UserKey } from '../../ports/keyring.js';
import type { Pdl } from '../pdl.js';
import type { Principal } from '../principal.js';
import type { Result } from '../result.js';
import { ShortMemo } from '../short-memo.js';
import type { DomainError } from '../errors.js';
import type { Dependencies } from './dependencies.js';

/**
 * What every data request would otherwise look up again: who the bearer is, which meter a usage
 * point id names, the user's cache key. Kept `settings.lookupMemoMs` (0: not at all); a change made
 * through these use cases forgets everything at once, a change made by another process is seen
 * within that time.
 */
export interface Memos {
  readonly principals: ShortMemo<Result<Principal, DomainError>>;
  readonly meters: ShortMemo<Result<Pdl, DomainError>>;
  readonly userKeys: Map<string, UserKey>;
  forget(): void;
}

const all = new WeakMap<Dependencies, Memos>();

export function memosOf(deps: Dependencies): Memos {
  let memos = all.get(deps);
  if (!memos) {
    const now = () => deps.clock.now().getTime();
    const ttl = deps.settings.lookupMemoMs;
    const principals = new ShortMemo<Result<Principal, DomainError>>(ttl, now);
    const meters = new ShortMemo<Result<Pdl, DomainError>>(ttl, now);
    const userKeys = new Map<string, UserKey>();
    memos = {
      principals,
      meters,
      userKeys,
      forget: () => {
        principals.clear();
        meters.clear();
      },
    };
    all.set(deps, memos);
  }
  return memos;
}
