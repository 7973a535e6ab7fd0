import type { DomainError } from '../domain/errors.js';
import type { Pdl } from '../domain/pdl.js';
import type { Principal } from '../domain/principal.js';
import type { Result } from '../domain/result.js';
import type { UserKey } from './keyring.js';

/**
 * Answers remembered for a short time (the adapter's TTL; 0: never). What `get` serves may be up to
 * that old: used where a second of staleness is acceptable and the work saved runs on every request.
 * `get` loads when nothing fresh is held and remembers the value only if `keep` says so (failures
 * are not kept); `clear` forgets everything.
 */
export interface LookupMemo<V> {
  get(key: string, load: () => Promise<V>, keep?: (value: V) => boolean): Promise<V>;
  clear(): void;
}

/** Keys derived from a user's secret, remembered by a name that changes with the secret; `derive` runs when none is held (null is not kept). */
export interface DerivedKeys {
  get(name: string, derive: () => UserKey | null): UserKey | null;
}

/**
 * What every data request would otherwise look up again: who the bearer is, which meter an id
 * names, the user's cache key (ADR 0005). `forget` drops all of it at once: the repositories'
 * decorators call it after every write, so no use case has to.
 */
export interface Memos {
  readonly principals: LookupMemo<Result<Principal, DomainError>>;
  readonly meters: LookupMemo<Result<Pdl, DomainError>>;
  readonly userKeys: DerivedKeys;
  forget(): void;
}
