import { Model } from 'objection';

/** Row shapes as stored; the repositories translate them to domain entities and back. */
export class UserModel extends Model {
  static override tableName = 'users';
  declare id: string;
  declare email: string;
  declare password_hash: string;
  declare client_id: string;
  declare client_secret_hash: string;
  declare client_secret_sealed: string;
  declare email_verified: boolean | number;
  declare debug_mode: boolean | number;
  declare is_active: boolean | number;
  declare role: string;
  declare is_demo: boolean | number;
  declare token_version: number | string;
  declare created_at: string | Date;
  declare updated_at: string | Date;
}

export class PdlModel extends Model {
  static override tableName = 'pdls';
  declare id: string;
  declare usage_point_id: string;
  declare user_id: string;
  declare name: string | null;
  declare has_consumption: boolean | number;
  declare has_production: boolean | number;
  declare subscribed_power: number | null;
  declare offpeak_hours: string | null;
  declare activation_date: string | null;
  declare production_activation_date: string | null;
  declare pricing_option: string | null;
  declare selected_offer_id: string | null;
  declare linked_production_pdl_id: string | null;
  declare oldest_available_data_date: string | null;
  declare display_order: number | null;
  declare is_active: boolean | number;
  declare sync_status: string;
  declare sync_error: string | null;
  declare synced_at: string | Date | null;
  declare consent_granted_at: string | Date | null;
  declare consent_expires_at: string | Date | null;
  declare created_at: string | Date;
  declare updated_at: string | Date;
}

export class TokenModel extends Model {
  static override tableName = 'enedis_tokens';
  declare id: string;
  declare owner_key: string;
  declare user_id: string | null;
  declare usage_point_id: string | null;
  declare access_token: string;
  declare refresh_token: string | null;
  declare token_type: string;
  declare scope: string | null;
  declare expires_at: string | Date;
  declare created_at: string | Date;
  declare updated_at: string | Date;
}
