import type { DomainError } from '../../domain/errors.js';
import type { Pdl } from '../../domain/pdl.js';
import type { Principal } from '../../domain/principal.js';
import type { Result } from '../../domain/result.js';
import type { Clock } from '../../ports/clock.js';
import type { UserKey } from '../../ports/keyring.js';
import type { DerivedKeys, Memos } from '../../ports/memos.js';
import type { PdlRepo } from '../../ports/pdl-repo.js';
import type { UserRepo } from '../../ports/user-repo.js';
import { forgettingPdlRepo, forgettingUserRepo } from './forgetting-repos.js';
import { ShortMemo } from './short-memo.js';

/** At most this many derived keys are held; past it, all go. */
const MAX_KEYS = 10_000;

/** Derived keys held in the process: a name includes the sealed secret, so a new secret is a new name and old ones age out. */
class HeldKeys implements DerivedKeys {
  private readonly keys = new Map<string, UserKey>();

  get(name: string, derive: () => UserKey | null): UserKey | null {
    const held = this.keys.get(name);
    if (held) return held;
    const key = derive();
    if (key === null) return null;
    if (this.keys.size >= MAX_KEYS) this.keys.clear();
    this.keys.set(name, key);
    return key;
  }
}

/** The memos of one process, kept `ttlMs` (0: not at all); a change made by another process is seen within that time. */
export function createMemos(clock: Clock, ttlMs: number): Memos {
  const now = () => clock.now().getTime();
  const principals = new ShortMemo<Result<Principal, DomainError>>(ttlMs, now);
  const meters = new ShortMemo<Result<Pdl, DomainError>>(ttlMs, now);
  return {
    principals,
    meters,
    userKeys: new HeldKeys(),
    forget: () => {
      principals.clear();
      meters.clear();
    },
  };
}

/**
 * Memos and the repositories they depend on, together: the users and meters decorated so that every
 * write through them forgets the memos (ADR 0005). One call, so that memos cannot be had without
 * their invalidation.
 */
export function lookupMemos(clock: Clock, ttlMs: number, repos: { users: UserRepo; pdls: PdlRepo }): { memos: Memos; users: UserRepo; pdls: PdlRepo } {
  const memos = createMemos(clock, ttlMs);
  return { memos, users: forgettingUserRepo(repos.users, memos), pdls: forgettingPdlRepo(repos.pdls, memos) };
}
