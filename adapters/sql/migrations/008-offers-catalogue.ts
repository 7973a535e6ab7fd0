import type { Knex } from 'knex';

/** The offers catalogue: providers, and their offers at each power over each period (prices including taxes, in micro-euros). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('energy_providers', (t) => {
    t.string('id', 36).primary();
    t.string('name_key', 100).notNullable().unique();
    t.string('name', 100).notNullable();
    t.string('website', 300).nullable();
    t.timestamp('created_at', { useTz: true }).notNullable();
  });
  await knex.schema.createTable('energy_offers', (t) => {
    t.string('id', 36).primary();
    t.string('provider_id', 36).notNullable().references('id').inTable('energy_providers').onDelete('CASCADE').index();
    t.string('offer_key', 400).notNullable().unique();
    t.string('name', 200).notNullable();
    t.string('offer_type', 16).notNullable();
    t.integer('power_kva').notNullable();
    t.string('valid_from', 10).notNullable();
    t.string('valid_to', 10).nullable();
    t.bigInteger('subscription_micro_per_year').notNullable();
    t.text('prices').notNullable();
    t.string('description', 500).nullable();
    t.string('source', 500).nullable();
    t.boolean('is_active').notNullable().defaultTo(true);
    t.timestamp('created_at', { useTz: true }).notNullable();
    t.timestamp('updated_at', { useTz: true }).notNullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('energy_offers');
  await knex.schema.dropTableIfExists('energy_providers');
}
