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
      const row = (await this.knex('consent_states').where('state', state).first()) as { user_id: string; expires_at: string | Date } | undefined;
      // Whoever deletes the row wins it: of two concurrent callers only one sees a deleted count of 1.
      const won = row ? (await this.knex('consent_states').where('state', state).del()) === 1 : false;
      await this.knex('consent_states').where('expires_at', '<=', now.toISOString()).del();
      return won && row && toDate(row.expires_at).getTime() > now.getTime() ? row.user_id : null;
    });
  }
}
