import type { Knex } from 'knex';

/** A producing meter's injection has its own activation date (2026 `generation_last_activation_date`). */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('pdls', (t) => {
    t.string('production_activation_date', 10).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('pdls', (t) => {
    t.dropColumn('production_activation_date');
  });
}
