import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('consent_states', (t) => {
    t.string('state', 100).primary();
    t.string('user_id', 36).notNullable().references('id').inTable('users').onDelete('CASCADE').index();
    t.timestamp('expires_at', { useTz: true }).notNullable().index();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('consent_states');
}
