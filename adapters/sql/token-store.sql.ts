import { randomUUID } from 'node:crypto';
import type { Knex } from 'knex';
import type { EnedisToken, TokenOwner, TokenStore } from '../../ports/token-store.js';
import { TokenModel } from './models.js';
import { guarded, isoNow, toDate } from './sql-errors.js';
import { InfrastructureFailure } from '../../domain/infrastructure-failure.js';

const ownerKey = (owner: TokenOwner) => (owner.kind === 'application' ? 'application' : `usage_point:${owner.usagePointId}`);

/** Translates database failures into the token store's own component name. */
async function storeGuarded<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await guarded(work);
  } catch (error) {
    if (error instanceof InfrastructureFailure) throw new InfrastructureFailure('token_store', error.message, { cause: error.cause });
    throw error;
  }
}

export class SqlTokenStore implements TokenStore {
  constructor(private readonly knex: Knex) {}

  find(owner: TokenOwner): Promise<EnedisToken | null> {
    return storeGuarded(async () => {
      const row = await TokenModel.query(this.knex).findOne('owner_key', ownerKey(owner));
      if (!row) return null;
      return {
        accessToken: row.access_token,
        tokenType: row.token_type,
        expiresAt: toDate(row.expires_at),
        scope: row.scope,
        refreshToken: row.refresh_token,
      };
    });
  }

  save(owner: TokenOwner, token: EnedisToken): Promise<void> {
    const now = isoNow();
    const values = {
      access_token: token.accessToken,
      refresh_token: token.refreshToken,
      token_type: token.tokenType,
      scope: token.scope,
      expires_at: token.expiresAt.toISOString(),
      updated_at: now,
    };
    return storeGuarded(async () => {
      await this.knex('enedis_tokens')
        .insert({
          id: randomUUID(),
          owner_key: ownerKey(owner),
          user_id: owner.kind === 'usage_point' ? owner.userId : null,
          usage_point_id: owner.kind === 'usage_point' ? owner.usagePointId : null,
          created_at: now,
          ...values,
        })
        .onConflict('owner_key')
        .merge(values);
    });
  }

  remove(owner: TokenOwner): Promise<boolean> {
    return storeGuarded(async () => (await TokenModel.query(this.knex).delete().where('owner_key', ownerKey(owner))) > 0);
  }
}
