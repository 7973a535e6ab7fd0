import type { StoredReadings } from '../../../ports/day-store.js';
import type { MeterData } from './types.js';

/** Step 8: the answer, whose readings stay as the store assembled them until someone asks for them as objects. */
export function meterData(fields: Omit<MeterData, 'readings' | 'stored'>, stored: StoredReadings): MeterData {
  return {
    ...fields,
    stored,
    get readings() {
      return stored.list();
    },
  };
}
