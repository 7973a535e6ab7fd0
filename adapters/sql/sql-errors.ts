import { UniqueViolationError } from 'objection';
import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';

/**
 * Runs a database call and translates whatever the driver throws: unique violations are handed to
 * `onUnique` (the caller turns them into a domain value), everything else becomes an
 * InfrastructureFailure carrying no SQL text.
 */
export async function guarded<T>(work: () => Promise<T>, onUnique?: (error: InstanceType<typeof UniqueViolationError>) => T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (onUnique && error instanceof UniqueViolationError) return onUnique(error);
    if (error instanceof InfrastructureFailure) throw error;
    throw new InfrastructureFailure('database', 'the database did not answer', { cause: error });
  }
}

export const isoNow = () => new Date().toISOString();
export const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));
