import type { DayKey } from '../../domain/cache-key.js';

/*
 * The "unchanged" protocol between the sealed day store and the adapters under it (ADR 0002): not
 * part of the DayCache and Keyring ports, so that a cache or keyring written by an embedder need not
 * offer it; the store reads such a cache the plain way.
 */

/**
 * A day cache that can answer `'unchanged'` for values the caller holds already: where `prefixes[i]`
 * is given and the stored value begins with it, that value does not travel. One round trip. The
 * memory and Redis day caches (and their fallback decorator) offer it; a DayCache without it is
 * read with getMany.
 */
export interface UnchangedAwareCache {
  getManyUnlessKnown(keys: readonly DayKey[], prefixes: readonly (Uint8Array | null)[]): Promise<(Uint8Array | null | 'unchanged')[]>;
}

/**
 * A keyring whose sealed values begin with bytes different for every sealing (the Node crypto
 * keyring: IV and tag), so that a stored value beginning with them is that very value.
 */
export interface VersionedSeals {
  versionOf(sealed: Uint8Array): Uint8Array;
}
