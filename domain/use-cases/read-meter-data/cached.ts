import type { Shelf, ShelfRead } from '../../../ports/day-store.js';
import type { Dependencies } from '../dependencies.js';
import type { Window } from './window.js';

/** Step 3: one read of the store (nothing read when asked not to use it), which tells the days left to fetch. */
export async function readStored(deps: Dependencies, shelf: Shelf, window: Window, useCache: boolean): Promise<ShelfRead> {
  const read = await deps.days.read(shelf, window.days, { useStored: useCache, settledUntil: window.settledUntil });
  if (useCache && window.days.length > 0) deps.telemetry.cacheLookup(shelf.kind, read.storedDays, window.days.length - read.storedDays);
  return read;
}
