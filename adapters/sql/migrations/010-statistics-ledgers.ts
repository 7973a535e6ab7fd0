import type { Knex } from 'knex';

/** The sealed ledgers the Home Assistant statistics are summed from, one per meter and direction. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.createTable('statistics_ledgers', (t) => {
    t.string('pdl_id', 36).notNullable().references('id').inTable('pdls').onDelete('CASCADE');
    t.string('direction', 16).notNullable();
    t.text('sealed').notNullable();
    t.primary(['pdl_id', 'direction']);
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.dropTableIfExists('statistics_ledgers');
}
