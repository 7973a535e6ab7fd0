/** The current instant. Use cases never read the system time directly, so tests can set it. */
export interface Clock {
  now(): Date;
}
