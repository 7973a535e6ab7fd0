import type { DemoReadOnly, DomainError } from '../errors.js';
import type { Principal } from '../principal.js';
import { err, type Result } from '../result.js';

export const DEMO_READ_ONLY: DemoReadOnly = { kind: 'DemoReadOnly' };

/**
 * A use case that changes something, refused to the demo account: its credentials are published,
 * so it is read-only. The one place that rule is written for the principal's own changes.
 */
export function writersOnly<A extends unknown[], T, E extends DomainError>(
  useCase: (principal: Principal, ...args: A) => Promise<Result<T, E>>,
): (principal: Principal, ...args: A) => Promise<Result<T, E | DemoReadOnly>> {
  return (principal, ...args) => (principal.user.isDemo ? Promise.resolve(err(DEMO_READ_ONLY)) : useCase(principal, ...args));
}
