import type { Clock } from '../../ports/clock.js';

/** A clock tests move by hand. */
export class ManualClock implements Clock {
  private current: number;

  constructor(start: string | Date) {
    this.current = new Date(start).getTime();
  }

  now(): Date {
    return new Date(this.current);
  }

  set(instant: string | Date) {
    this.current = new Date(instant).getTime();
  }

  advance(ms: number) {
    this.current += ms;
  }
}
