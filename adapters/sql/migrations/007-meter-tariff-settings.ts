import type { Knex } from 'knex';

/** What a household sets on a meter for the money figures and the combined charts: pricing option, chosen offer, linked production meter. */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('pdls', (t) => {
    t.string('pricing_option', 16).nullable();
    t.string('selected_offer_id', 100).nullable();
    t.string('linked_production_pdl_id', 36).nullable();
  });
}

export async function down(knex: Knex): Promise<void> {
  await knex.schema.alterTable('pdls', (t) => {
    t.dropColumn('pricing_option');
    t.dropColumn('selected_offer_id');
    t.dropColumn('linked_production_pdl_id');
  });
}
