import { describe, expect, it } from 'vitest';
import { NodeCryptoKeyring } from '../../adapters/node-crypto/keyring.node-crypto.js';
import { SealedTokenStore } from '../../adapters/sealed/token-store.sealed.js';
import { migrateToLatest } from '../../adapters/sql/migrations/index.js';
import { SqlOneTimeTokenStore } from '../../adapters/sql/one-time-token-store.sql.js';
import { SqlPdlRepo } from '../../adapters/sql/pdl-repo.sql.js';
import { createSqlClient } from '../../adapters/sql/sql-client.js';
import { SqlTokenStore } from '../../adapters/sql/token-store.sql.js';
import { SqlUserRepo } from '../../adapters/sql/user-repo.sql.js';
import { tokenStoreContract } from './token-store.contract.js';

const keyring = (key = 'sealed-token-store-test-key-0123456789') => new NodeCryptoKeyring(new TextEncoder().encode(key));

async function sqlite() {
  const knex = createSqlClient({ dialect: 'sqlite', connection: ':memory:' });
  await migrateToLatest(knex);
  return knex;
}

tokenStoreContract('sealed over sqlite', async () => {
  const knex = await sqlite();
  const tokens = new SealedTokenStore(new SqlTokenStore(knex), keyring());
  return { users: new SqlUserRepo(knex), pdls: new SqlPdlRepo(knex), tokens, oneTimeTokens: new SqlOneTimeTokenStore(knex), close: () => knex.destroy() };
});

describe('SealedTokenStore at rest', () => {
  const token = {
    accessToken: 'eyJ.enedis-application-token',
    tokenType: 'Bearer',
    expiresAt: new Date('2026-12-01T22:00:00Z'),
    scope: null,
    refreshToken: 'refresh-me',
  };

  it('when a token is saved, then the row holds neither the access nor the refresh token in clear', async () => {
    const knex = await sqlite();
    await new SealedTokenStore(new SqlTokenStore(knex), keyring()).save({ kind: 'application' }, token);
    const rows = (await knex('enedis_tokens').select('*')) as Array<Record<string, unknown>>;
    const dump = JSON.stringify(rows);
    expect(rows).toHaveLength(1);
    expect(dump).not.toContain('enedis-application-token');
    expect(dump).not.toContain('refresh-me');
    await knex.destroy();
  });

  it('when the stored token was written in clear or under another server key, then it reads as absent', async () => {
    const knex = await sqlite();
    await new SqlTokenStore(knex).save({ kind: 'application' }, token);
    expect(await new SealedTokenStore(new SqlTokenStore(knex), keyring()).find({ kind: 'application' })).toBeNull();
    await new SealedTokenStore(new SqlTokenStore(knex), keyring('another-server-key-0123456789abcdef')).save({ kind: 'application' }, token);
    expect(await new SealedTokenStore(new SqlTokenStore(knex), keyring()).find({ kind: 'application' })).toBeNull();
    await knex.destroy();
  });
});
