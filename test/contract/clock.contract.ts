import { describe, expect, it } from 'vitest';
import type { Clock } from '../../ports/clock.js';

/** The Clock contract: the current instant, never going back. */
export function clockContract(adapter: string, clock: () => Clock) {
  describe(`Clock contract: ${adapter}`, () => {
    it("when asked twice, then the instants do not go back and are the machine's", async () => {
      const c = clock();
      const first = c.now();
      await new Promise((resolve) => setTimeout(resolve, 5));
      const second = c.now();
      expect(second.getTime()).toBeGreaterThanOrEqual(first.getTime());
      expect(Math.abs(second.getTime() - Date.now())).toBeLessThan(1000);
      expect(second).not.toBe(first);
    });
  });
}
