/**
 * Thrown (never returned) when a piece of infrastructure behind a port fails: the database, the
 * cache, the rate limiter. Adapters translate their driver's errors into this at the boundary so
 * that no SQL text or Redis reply travels further; the host answers 503 naming the component.
 */
export type InfrastructureComponent = 'database' | 'cache' | 'rate_limiter' | 'token_store' | 'mailer';

export class InfrastructureFailure extends Error {
  override readonly name = 'InfrastructureFailure';

  constructor(
    readonly component: InfrastructureComponent,
    message: string,
    options?: { cause?: unknown },
  ) {
    super(message, options);
  }
}
