/**
 * Values a process has just read from the cache and opened, by cache key: the version of the sealed
 * value (Keyring.versionOf), the key that opened it and what it opened to. A read names the versions
 * it holds, the cache answers 'unchanged' for those still stored, and such a value neither travels
 * nor is decrypted again. Plaintexts stay at most `ttlMs` after their last use (the user's key,
 * which opens them all, is kept as long) and `maxBytes` in all, the oldest going first.
 */
const sameBytes = (a: Uint8Array, b: Uint8Array) => a === b || (a.length === b.length && a.every((byte, i) => byte === b[i]));

export class RecentValues<K> {
  private readonly entries = new Map<string, { key: K; version: Uint8Array; plaintext: Uint8Array; at: number }>();
  private bytes = 0;

  constructor(
    private readonly ttlMs: number,
    private readonly maxBytes: number,
    private readonly now: () => number,
  ) {}

  /** The version held for this cache key under this user key, if any and still fresh. */
  versionOf(name: string, key: K): Uint8Array | null {
    const entry = this.entries.get(name);
    return entry && entry.key === key && this.now() - entry.at < this.ttlMs ? entry.version : null;
  }

  /**
   * The plaintext of `version`, which the cache said is still stored; null if another read replaced
   * it meanwhile. Used, it stays a while longer.
   */
  plaintextOf(name: string, key: K, version: Uint8Array): Uint8Array | null {
    const entry = this.entries.get(name);
    if (!entry || entry.key !== key || !sameBytes(entry.version, version)) return null;
    // Re-inserted so that insertion order stays time order.
    this.entries.delete(name);
    this.entries.set(name, { ...entry, at: this.now() });
    return entry.plaintext;
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
