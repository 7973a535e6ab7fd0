import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';

/** Told of each failure a fallback adapter absorbs. */
export type FailureReport = (error: InfrastructureFailure) => void;

/**
 * work's answer or, when it fails for want of infrastructure, degraded's (the failure reported).
 * Any other error is thrown as it is: a fallback hides an absent store, never a bug.
 */
export async function orElse<T>(work: () => Promise<T>, degraded: () => T | Promise<T>, onFailure: FailureReport): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (!(error instanceof InfrastructureFailure)) throw error;
    onFailure(error);
    return degraded();
  }
}

/** A primary adapter of a port and the process-local one that stands in for it while it is away. */
export class Failover<P> {
  constructor(
    private readonly primary: P,
    private readonly secondary: P,
    private readonly onFailure: FailureReport,
  ) {}

  /** The primary's answer or, while it is away, the secondary's. */
  either<T>(work: (port: P) => Promise<T>): Promise<T> {
    return orElse(
      () => work(this.primary),
      () => work(this.secondary),
      this.onFailure,
    );
  }

  /** Does work on the secondary, which always can, then on the primary, whose failure is reported and swallowed. */
  async both(work: (port: P) => Promise<void>): Promise<void> {
    await work(this.secondary);
    await orElse(
      () => work(this.primary),
      () => undefined,
      this.onFailure,
    );
  }
}
