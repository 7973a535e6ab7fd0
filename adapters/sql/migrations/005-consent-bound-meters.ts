import type { Knex } from 'knex';

/**
 * A meter is read through the consent its account completed (ADR 0004). A usage point may be
 * registered by several accounts, once each; at most one of them has a consent recorded, which a
 * partial unique index guarantees under concurrent consents. Meters registered before this
 * migration have no consent recorded: with the real Enedis they wait for one (a squatted meter must
 * not keep reading), with MockEnedis nothing changes.
 */
export async function up(knex: Knex): Promise<void> {
  await knex.schema.alterTable('pdls', (t) => {
    t.timestamp('consent_granted_at', { useTz: true }).nullable();
    t.timestamp('consent_expires_at', { useTz: true }).nullable();
  });
  await knex.schema.alterTable('pdls', (t) => {
    t.dropUnique(['usage_point_id']);
    t.unique(['user_id', 'usage_point_id'], { indexName: 'pdls_owner_usage_point_unique' });
    t.index(['usage_point_id'], 'pdls_usage_point_index');
  });
  await knex.raw('create unique index pdls_consented_usage_point_unique on pdls (usage_point_id) where consent_granted_at is not null');
}

export async function down(knex: Knex): Promise<void> {
  await knex.raw('drop index if exists pdls_consented_usage_point_unique');
  await knex.schema.alterTable('pdls', (t) => {
    t.dropIndex(['usage_point_id'], 'pdls_usage_point_index');
    t.dropUnique(['user_id', 'usage_point_id'], 'pdls_owner_usage_point_unique');
    t.unique(['usage_point_id']);
  });
  await knex.schema.alterTable('pdls', (t) => {
    t.dropColumn('consent_granted_at');
    t.dropColumn('consent_expires_at');
  });
}
