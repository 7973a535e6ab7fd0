import type { Knex } from 'knex';

/** A meter's off-peak hours and pricing option over time (one period per meter and day). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('pdl_tariff_history', (t) => {
    t.string('pdl_id', 36).notNullable().references('id').inTable('pdls').onDelete('CASCADE');
    t.string('valid_from', 10).notNullable();
    t.text('offpeak_hours').nullable();
    t.string('pricing_option', 16).nullable();
    t.primary(['pdl_id', 'valid_from']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('pdl_tariff_history');
}
