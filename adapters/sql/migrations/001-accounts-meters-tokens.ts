import type { Knex } from 'knex';

export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('users', (t) => {
    t.string('id', 36).primary();
    t.string('email', 254).notNullable().unique();
    t.string('password_hash', 100).notNullable();
    t.string('client_id', 64).notNullable().unique();
    t.string('client_secret_hash', 64).notNullable().unique();
    t.text('client_secret_sealed').notNullable();
    t.boolean('email_verified').notNullable().defaultTo(false);
    t.boolean('debug_mode').notNullable().defaultTo(false);
    t.boolean('is_active').notNullable().defaultTo(true);
    t.string('role', 16).notNullable().defaultTo('visitor');
    t.boolean('is_demo').notNullable().defaultTo(false);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('pdls', (t) => {
    t.string('id', 36).primary();
    t.string('usage_point_id', 14).notNullable().unique();
    t.string('user_id', 36).notNullable().references('id').inTable('users').onDelete('CASCADE').index();
    t.string('name', 100).nullable();
    t.boolean('has_consumption').notNullable().defaultTo(true);
    t.boolean('has_production').notNullable().defaultTo(false);
    t.integer('subscribed_power').nullable();
    t.text('offpeak_hours').nullable();
    t.string('activation_date', 10).nullable();
    t.string('oldest_available_data_date', 10).nullable();
    t.integer('display_order').nullable();
    t.boolean('is_active').notNullable().defaultTo(true);
    t.string('sync_status', 16).notNullable().defaultTo('pending');
    t.text('sync_error').nullable();
    t.timestamp('synced_at', { useTz: true }).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('enedis_tokens', (t) => {
    t.string('id', 36).primary();
    t.string('owner_key', 64).notNullable().unique();
    t.string('user_id', 36).nullable().references('id').inTable('users').onDelete('CASCADE').index();
    t.string('usage_point_id', 14).nullable().index();
    t.text('access_token').notNullable();
    t.text('refresh_token').nullable();
    t.string('token_type', 32).notNullable();
    t.text('scope').nullable();
    t.timestamp('expires_at', { useTz: true }).notNullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('enedis_tokens');
  await knex.schema.dropTableIfExists('pdls');
  await knex.schema.dropTableIfExists('users');
}
