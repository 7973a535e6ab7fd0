import type { Knex } from 'knex';
import type { OneTimePurpose, OneTimeToken, OneTimeTokenStore } from '../../ports/one-time-token-store.js';
import { guarded, toDate } from './sql-errors.js';

export class SqlOneTimeTokenStore implements OneTimeTokenStore {
  constructor(private readonly knex: Knex) {}

  save(token: OneTimeToken): Promise<void> {
    return guarded(async () => {
      await this.knex('one_time_tokens').insert({
        token_hash: token.tokenHash,
        purpose: token.purpose,
        user_id: token.userId,
        expires_at: token.expiresAt.toISOString(),
      });
    });
  }

  take(purpose: OneTimePurpose, tokenHash: string, now: Date): Promise<string | null> {
    return guarded(async () => {
      const row = (await this.knex('one_time_tokens').where({ token_hash: tokenHash, purpose }).first()) as
        { user_id: string; expires_at: string | Date } | undefined;
      // Whoever deletes the row wins it: of two concurrent callers only one sees a deleted count of 1.
      const won = row ? (await this.knex('one_time_tokens').where({ token_hash: tokenHash }).del()) === 1 : false;
      await this.knex('one_time_tokens').where('expires_at', '<=', now.toISOString()).del();
      return won && row && toDate(row.expires_at).getTime() > now.getTime() ? row.user_id : null;
    });
  }

  removeAll(userId: string, purpose: OneTimePurpose): Promise<void> {
    return guarded(async () => {
      await this.knex('one_time_tokens').where({ user_id: userId, purpose }).del();
    });
  }
}
