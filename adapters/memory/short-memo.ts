import type { LookupMemo } from '../../ports/memos.js';

/**
 * Remembers answers for a short time. What it serves may be up to `ttlMs` old: used where a second
 * of staleness is acceptable and the work saved runs on every request (finding the caller, their
 * meter). Failures are not remembered.
 */
export class ShortMemo<V> implements LookupMemo<V> {
  private readonly entries = new Map<string, { value: V; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number,
    private readonly maxEntries = 10_000,
  ) {}

  async get(key: string, load: () => Promise<V>, keep: (value: V) => boolean = () => true): Promise<V> {
    if (this.ttlMs <= 0) return load();
    const now = this.now();
    const hit = this.entries.get(key);
    if (hit && hit.until > now) return hit.value;
    const value = await load();
    if (keep(value)) {
      if (this.entries.size >= this.maxEntries) this.entries.clear();
      this.entries.set(key, { value, until: now + this.ttlMs });
    }
    return value;
  }

  /** Forgets everything: after a change the caller made itself, so it sees it at once. */
  clear(): void {
    this.entries.clear();
  }
}
