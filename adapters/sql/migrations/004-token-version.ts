import type { Knex } from 'knex';

/**
 * Access tokens are stamped with the account's token version instead of being compared with an
 * instant: an instant held whole seconds (the JWT's iat), so a token minted in the same second as a
 * password change survived it. Tokens minted before this migration carry no stamp and are refused.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.integer('token_version').notNullable().defaultTo(0);
  });
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('tokens_valid_after');
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.timestamp('tokens_valid_after', { useTz: true }).nullable();
  });
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('token_version');
  });
}
