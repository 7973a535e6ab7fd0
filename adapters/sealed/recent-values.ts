/** A value a process has read from the cache and opened: the version of its sealed bytes and what it opened to. */
export interface HeldValue {
  readonly version: Uint8Array;
  readonly plaintext: Uint8Array;
}

/**
 * Values a process has just read from the cache and opened, by cache key: the version of the sealed
 * value (Keyring.versionOf), the key that opened it and what it opened to. A read names the versions
 * it holds, the cache answers 'unchanged' for those still stored, and such a value neither travels
 * nor is decrypted again. The caller keeps what `held` gave it for the length of its read, so an
 * entry forgotten meanwhile (expired, evicted, cleared) cannot turn a cached value into a miss.
 * Plaintexts stay at most `ttlMs` after their last use (the user's key, which opens them all, is kept
 * as long) and `maxBytes` in all, the oldest going first.
 */
export class RecentValues<K> {
  private readonly entries = new Map<string, HeldValue & { key: K; at: number }>();
  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
    private readonly now: () => number,
  ) {}

  /** What is held for this cache key under this user key, if anything and still fresh. */
  held(name: string, key: K): HeldValue | null {
    const entry = this.entries.get(name);
    return entry && entry.key === key && this.now() - entry.at < this.ttlMs ? entry : null;
  }

  /** The cache said `held` is still stored: it stays a while longer, if it is still the entry. */
  used(name: string, held: HeldValue): void {
    const entry = this.entries.get(name);
    if (entry !== held) return;
    // Re-inserted so that insertion order stays time order.
    this.entries.delete(name);
    this.entries.set(name, { ...entry, at: this.now() });
  }

  remember(name: string, key: K, version: Uint8Array, plaintext: Uint8Array): void {
    if (this.ttlMs <= 0 || plaintext.length > this.maxBytes) return;
    const now = this.now();
    this.drop(name);
    for (const [oldest, entry] of this.entries) {
      if (now - entry.at < this.ttlMs && this.bytes + plaintext.length <= this.maxBytes) break;
      this.drop(oldest);
    }
    this.entries.set(name, { key, version, plaintext, at: now });
    this.bytes += plaintext.length;
  }

  clear(): void {
    this.entries.clear();
    this.bytes = 0;
  }

  private drop(name: string) {
    const entry = this.entries.get(name);
    if (!entry) return;
    this.bytes -= entry.plaintext.length;
    this.entries.delete(name);
  }
}
