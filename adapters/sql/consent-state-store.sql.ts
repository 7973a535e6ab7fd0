import type { Knex } from 'knex';
import type { ConsentStateStore } from '../../ports/consent-state-store.js';
import { guarded, toDate } from './sql-errors.js';

export class SqlConsentStateStore implements ConsentStateStore {
  constructor(private readonly knex: Knex) {}

  save(state: string, userId: string, expiresAt: Date): Promise<void> {
    return guarded(async () => {
      await this.knex('consent_states').insert({ state, user_id: userId, expires_at: expiresAt.toISOString() });
    });
  }

  take(state: string, now: Date): Promise<string | null> {
    return guarded(async () => {
      // DELETE ... RETURNING: the row goes and is read in one statement, so only one caller gets it.
      const [row] = (await this.knex('consent_states').where('state', state).del(['user_id', 'expires_at'])) as Array<{
        user_id: string;
        expires_at: string | Date;
      }>;
      await this.knex('consent_states').where('expires_at', '<=', now.toISOString()).del();
      return row && toDate(row.expires_at).getTime() > now.getTime() ? row.user_id : null;
    });
  }
}
