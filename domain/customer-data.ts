/**
 * Contract, address, identity and contact of a usage point, shaped like Enedis' customer APIs
 * (Data Connect v5, reference §1.4) so existing Enedis clients read them unchanged.
 */
export type CustomerDataKind = 'contract' | 'address' | 'customer' | 'contact';

export const CUSTOMER_DATA_KINDS: readonly CustomerDataKind[] = ['contract', 'address', 'customer', 'contact'];

export interface UsagePointHeader {
  readonly usage_point_id: string;
  readonly usage_point_status: 'com' | 'no_com';
  readonly meter_type: string;
}

export interface ContractData {
  readonly customer: {
    readonly customer_id: string;
    readonly usage_points: ReadonlyArray<{
      readonly usage_point: UsagePointHeader;
      readonly contracts: {
        readonly segment: string;
        readonly subscribed_power: string;
        readonly last_activation_date: string;
        readonly distribution_tariff: string;
        readonly offpeak_hours: string | null;
        readonly contract_type: string;
        readonly contract_status: string;
        readonly last_distribution_tariff_change_date: string;
      };
    }>;
  };
}

export interface AddressData {
  readonly customer: {
    readonly customer_id: string;
    readonly usage_points: ReadonlyArray<{
      readonly usage_point: UsagePointHeader & {
        readonly usage_point_addresses: {
          readonly street: string | null;
          readonly locality: string | null;
          readonly postal_code: string | null;
          readonly insee_code: string;
          readonly city: string | null;
          readonly country: string | null;
          readonly geo_points: { readonly latitude?: string; readonly longitude?: string; readonly altitude?: string };
        };
      };
    }>;
  };
}

export interface IdentityData {
  readonly customer: {
    readonly customer_id: string;
    readonly identity: {
      readonly natural_person?: { readonly title: string; readonly firstname: string; readonly lastname: string };
      readonly legal_entity?: { readonly name: string; readonly siret_number?: string };
    };
  };
}

export interface ContactData {
  readonly customer: {
    readonly customer_id: string;
    readonly contact_data: { readonly phone: string | null; readonly email: string | null };
  };
}

export type CustomerDataOf<K extends CustomerDataKind> = {
  contract: ContractData;
  address: AddressData;
  customer: IdentityData;
  contact: ContactData;
}[K];
