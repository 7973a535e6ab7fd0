import { UniqueViolationError } from 'objection';
import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';

/** What a unique-constraint violation names (columns or constraint), whatever the driver. */
export interface UniqueViolation {
  readonly names: string;
}

function asUniqueViolation(error: unknown): UniqueViolation | null {
  if (error instanceof UniqueViolationError) {
    return { names: `${error.constraint ?? ''} ${error.columns?.join(' ') ?? ''}` };
  }
  const e = error as { code?: string; message?: string; constraint?: string; detail?: string };
  // better-sqlite3: "UNIQUE constraint failed: users.email"; pg: SQLSTATE 23505 with the constraint's name.
  if (e?.code === 'SQLITE_CONSTRAINT_UNIQUE' || e?.code === 'SQLITE_CONSTRAINT_PRIMARYKEY') return { names: e.message ?? '' };
  if (e?.code === '23505') return { names: `${e.constraint ?? ''} ${e.detail ?? ''}` };
  return null;
}

/**
 * Runs a database call and translates whatever the driver throws: unique violations are handed to
 * `onUnique` (the caller turns them into a domain value or rethrows), everything else becomes an
 * InfrastructureFailure carrying no SQL text.
 */
export async function guarded<T>(work: () => Promise<T>, onUnique?: (violation: UniqueViolation) => T): Promise<T> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof InfrastructureFailure) throw error;
    const violation = onUnique ? asUniqueViolation(error) : null;
    if (violation) {
      try {
        return onUnique!(violation);
      } catch {
        // The violation was not one the caller expected: report it as the failure it is.
      }
    }
    throw new InfrastructureFailure('database', 'the database did not answer as expected', { cause: error });
  }
}

export const isoNow = () => new Date().toISOString();
export const toDate = (value: string | Date): Date => (value instanceof Date ? value : new Date(value));
