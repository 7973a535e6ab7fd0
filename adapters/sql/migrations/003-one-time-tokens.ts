import type { Knex } from 'knex';

/** Consent states, email verification and password reset share one table of single-use tokens. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('one_time_tokens', (t) => {
    t.string('token_hash', 64).primary();
    t.string('purpose', 32).notNullable();
    t.string('user_id', 36).notNullable().references('id').inTable('users').onDelete('CASCADE').index();
    t.timestamp('expires_at', { useTz: true }).notNullable().index();
  });
  await knex.schema.dropTableIfExists('consent_states');
  await knex.schema.alterTable('users', (t) => {
    t.timestamp('tokens_valid_after', { useTz: true }).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('users', (t) => {
    t.dropColumn('tokens_valid_after');
  });
  await knex.schema.dropTableIfExists('one_time_tokens');
  await knex.schema.createTable('consent_states', (t) => {
    t.string('state', 100).primary();
    t.string('user_id', 36).notNullable().references('id').inTable('users').onDelete('CASCADE').index();
    t.timestamp('expires_at', { useTz: true }).notNullable().index();
  });
}
