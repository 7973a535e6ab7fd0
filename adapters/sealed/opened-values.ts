import { dayKeyString, type DayKey } from '../../domain/cache-key.js';
import type { DayCache, DayEntry } from '../../ports/day-cache.js';
import type { Keyring, UserKey } from '../../ports/keyring.js';
import type { RecentValues } from './recent-values.js';
import type { UnchangedAwareCache, VersionedSeals } from './unchanged-protocol.js';

const unchangedAware = (cache: DayCache): (DayCache & UnchangedAwareCache) | null =>
  typeof (cache as Partial<UnchangedAwareCache>).getManyUnlessKnown === 'function' ? (cache as DayCache & UnchangedAwareCache) : null;
const versioned = (keyring: Keyring): (Keyring & VersionedSeals) | null =>
  typeof (keyring as Partial<VersionedSeals>).versionOf === 'function' ? (keyring as Keyring & VersionedSeals) : null;

/**
 * Sealed values in and out of the day cache. A read names the versions this process holds of what
 * it opened recently (RecentValues), so that a value still stored as it was read neither travels
 * nor is decrypted again; without a cache and keyring that support it, every value is fetched and
 * opened.
 */
export class OpenedValues {
  private readonly skipping: { cache: DayCache & UnchangedAwareCache; keyring: Keyring & VersionedSeals } | null;

  constructor(
    private readonly cache: DayCache,
    private readonly keyring: Keyring,
    private readonly recent: RecentValues<UserKey>,
  ) {
    const [c, k] = [unchangedAware(cache), versioned(keyring)];
    this.skipping = c && k ? { cache: c, keyring: k } : null;
  }

  /** The values of these keys, opened under `userKey`: null for a miss or a value that does not open. */
  async read(keys: readonly DayKey[], userKey: UserKey): Promise<(Uint8Array | null)[]> {
    const names = keys.map(dayKeyString);
    if (this.skipping === null) {
      const sealed = await this.cache.getMany(keys);
      return sealed.map((value, i) => (value === null ? null : this.keyring.open(userKey, value, names[i]!)));
    }
    const { cache, keyring } = this.skipping;
    const held = names.map((name) => this.recent.held(name, userKey));
    const answers = await cache.getManyUnlessKnown(
      keys,
      held.map((h) => h?.version ?? null),
    );
    return answers.map((answer, i) => {
      const name = names[i]!;
      if (answer === 'unchanged') {
        this.recent.used(name, held[i]!);
        return held[i]!.plaintext;
      }
      if (answer === null) return null;
      const opened = keyring.open(userKey, answer, name);
      if (opened !== null) this.recent.remember(name, userKey, keyring.versionOf(answer), opened);
      return opened;
    });
  }

  /** An entry sealing `plaintext` under `userKey`, bound to its key. */
  entry(key: DayKey, userKey: UserKey, plaintext: Uint8Array, ttlSeconds: number): DayEntry {
    return { key, value: this.keyring.seal(userKey, plaintext, dayKeyString(key)), ttlSeconds };
  }
}
