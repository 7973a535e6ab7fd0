import { arrayPieces, concatBytes, insideOf, textOf } from '../../json-bytes.js';
import type { LocalDate } from '../../local-date.js';
import type { IntervalReading } from '../../metering.js';
import type { Run, SealedDays } from '../sealed-days.js';
import { NO_READINGS } from './fetch.js';
import type { KnownDay, MeterData } from './types.js';

/** The inner bytes of each day's readings, in order: spliced from the sealed store, or from the days just known. */
export function assembleDays(
  store: SealedDays | null,
  days: readonly LocalDate[],
  runs: readonly Run[],
  known: ReadonlyMap<LocalDate, KnownDay>,
): Uint8Array[] {
  return store ? store.assemble(days, runs, known) : days.map((d) => insideOf(known.get(d)?.bytes ?? NO_READINGS));
}

/** Step 8: an answer whose readings stay bytes until someone asks for them as text or objects. */
export function meterData(fields: Omit<MeterData, 'readings' | 'readingsPieces' | 'readingsJson'>, inner: readonly Uint8Array[]): MeterData {
  let pieces: Uint8Array[] | undefined;
  let json: string | undefined;
  let parsed: IntervalReading[] | undefined;
  const readingsPieces = () => (pieces ??= arrayPieces(inner));
  const readingsJson = () => (json ??= textOf(concatBytes(readingsPieces())));
  return {
    ...fields,
    readingsPieces,
    readingsJson,
    get readings() {
      return (parsed ??= JSON.parse(readingsJson()) as IntervalReading[]);
    },
  };
}
